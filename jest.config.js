/**
 * Jest runs the TypeScript tests through ts-jest; the real store (and a throwaway PostgreSQL) is set up once per
 * run by globalSetup. Two projects: `sqlite` runs every test; `postgres` runs the corrections tests again with
 * their store in PostgreSQL, plus the tests that only make sense there (postgres-*.test.ts).
 */
const common = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};

module.exports = {
  projects: [
    { ...common, displayName: 'sqlite', testMatch: ['**/*.test.ts'], testPathIgnorePatterns: ['/node_modules/', '/postgres-[^/]*\\.test\\.ts$'] },
    { ...common, displayName: 'postgres', testMatch: ['**/corrections*.test.ts', '**/postgres-*.test.ts'], setupFiles: ['<rootDir>/tests/support/postgres-project.ts'] },
  ],
  testTimeout: 60_000,
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
};
