/**
 * `npm run test:faults`: the server against a MariaDB the suite starts itself (own datadir in a temp folder, a free
 * port), reached through a TCP proxy the tests use to slow, blackhole, reset or refuse the connection.
 * Kept apart from `npm test` and `npm run test:mysql`: the shared database server is never touched.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/faults"],
  testMatch: ["**/*.faults.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
    "^.+/node_modules/jose/.+\\.js$": ["ts-jest", { tsconfig: "tsconfig.jest-esm.json" }],
  },
  transformIgnorePatterns: ["/node_modules/(?!jose/)"],
  setupFiles: ["reflect-metadata"],
  globalSetup: "<rootDir>/test/faults/support/global-setup.ts",
  globalTeardown: "<rootDir>/test/faults/support/global-teardown.ts",
  // One MariaDB for the suite; one file at a time so that a file's faults never reach another's requests.
  maxWorkers: 1,
  testTimeout: 60000,
};
