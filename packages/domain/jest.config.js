module.exports = { ...require('../../jest.swc.config'), roots: ['<rootDir>/src'] };
