// Jest reads `testTimeout` from the global configuration only, so a project's own value is ignored; the
// browser tests set theirs here instead. They boot the real API (embedded PostgreSQL, migrations, seed) and
// then load a 1 MB bundle, which takes minutes on a busy CI machine, not the unit tests' 5 s.
jest.setTimeout(180_000);
