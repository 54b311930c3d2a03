import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource, migrate, pendingMigrations } from './data-source';

describe('migrations', () => {
  it('when two replicas migrate an empty database at once, then they take turns and both succeed', async () => {
    const name = `qiangji_test_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: process.env.QIANGJI_TEST_SERVER_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.QIANGJI_TEST_SERVER_URL!);
    url.pathname = `/${name}`;
    const replicas = await Promise.all([1, 2].map(() => createDataSource(url.toString(), 2).initialize()));
    try {
      const applied = await Promise.all(replicas.map(migrate));
      expect(applied.flat()).toEqual(replicas[0].migrations.map((m) => m.name));
      expect(await pendingMigrations(replicas[1])).toEqual([]);
    } finally {
      await Promise.all(replicas.map((r) => r.destroy()));
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
