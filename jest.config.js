/**
 * Jest runs the TypeScript tests through ts-jest, transpiling each file alone (isolatedModules, tsconfig.test.json)
 * without type checking: `npm run typecheck` checks types, and .ci/run runs it. globalSetup builds the real store
 * and compiles the server once per run.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
};
