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
    // The browser test boots the real API (embedded PostgreSQL, migrations, seed) before its first page load.
    { ...swc, displayName: 'e2e', roots: ['<rootDir>/e2e'], testTimeout: 180_000 },
  ],
};
