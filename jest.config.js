/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
    // jose 6 is ESM-only; Jest 30 on Node 20 cannot require(esm), so it is compiled to CJS for tests.
    "^.+/node_modules/jose/.+\\.js$": ["ts-jest", { tsconfig: "tsconfig.jest-esm.json" }],
  },
  transformIgnorePatterns: ["/node_modules/(?!jose/)"],
  setupFiles: ["reflect-metadata"],
  // Two cores: two workers keep MariaDB and SQLite suites fast without starving the database.
  maxWorkers: 2,
  testTimeout: 60000,
};
