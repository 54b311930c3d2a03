module.exports = {
  ...require('../../jest.swc.config'),
  roots: ['<rootDir>/src'],
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/src/test/global-setup.ts',
  globalTeardown: '<rootDir>/src/test/global-teardown.ts',
  testTimeout: 60_000,
  // Each file gets its own database, cloned from a migrated template; two workers fit two cores.
  maxWorkers: 2,
};
