/**
 * `npm run test:e2e`: the real server (built, on SQLite with the demo) driven by Debian's headless Chromium.
 * Kept apart from `npm test` so that the unit and integration suites run on machines without a browser.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/e2e"],
  testMatch: ["**/*.e2e.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  globalSetup: "<rootDir>/e2e/support/global-setup.ts",
  globalTeardown: "<rootDir>/e2e/support/global-teardown.ts",
  // One server and its SQLite file are shared by every file: one worker keeps their writes from racing.
  maxWorkers: 1,
  testTimeout: 60000,
};
