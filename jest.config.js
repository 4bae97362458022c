/**
 * Jest runs the TypeScript tests through ts-jest (tests/support/transform.js, which also binds the builtins of each
 * module locally), transpiling each file alone (isolatedModules, tsconfig.test.json)
 * without type checking: `npm run typecheck` checks types, and .ci/run runs it. globalSetup builds the real store,
 * compiles the server once per run and starts a throwaway PostgreSQL. Two projects: `sqlite` runs every test;
 * `postgres` runs the corrections tests again with their store in PostgreSQL, plus the tests that only make sense
 * there (postgres-*.test.ts).
 */
const common = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  transform: { '^.+\\.ts$': ['<rootDir>/tests/support/transform.js', { tsconfig: 'tsconfig.test.json' }] },
};

module.exports = {
  projects: [
    { ...common, displayName: 'sqlite', testMatch: ['**/*.test.ts'], testPathIgnorePatterns: ['/node_modules/', '/postgres-[^/]*\\.test\\.ts$'] },
    { ...common, displayName: 'postgres', testMatch: ['**/corrections*.test.ts', '**/postgres-*.test.ts'], setupFiles: ['<rootDir>/tests/support/postgres-project.ts'] },
  ],
  // Every core: jest's default (cores - 1) runs the files one after another on a 2-core machine.
  maxWorkers: '100%',
  testTimeout: 60_000,
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
};
