const swc = require('../../jest.swc.config');

module.exports = {
  projects: [
    {
      ...swc,
      displayName: 'unit',
      roots: ['<rootDir>/src'],
      // react-admin's CommonJS build requires this ESM-only package, which jest cannot load untransformed.
      transformIgnorePatterns: ['/node_modules/(?!react-hotkeys-hook/)'],
    },
    // The browser tests boot the real API before their first page load, each on its own copy of the database
    // the global setup seeded once; their timeout is set in jest-timeout.ts.
    {
      ...swc,
      displayName: 'e2e',
      roots: ['<rootDir>/e2e'],
      globalSetup: '<rootDir>/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/e2e/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/e2e/jest-timeout.ts'],
    },
  ],
};
