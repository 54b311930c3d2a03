import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { testDatabaseUrls } from '../test/test-env';
import { createDataSource, migrate, pendingMigrations } from './data-source';
import { OWNER_ROLE, urlFor } from './roles';

describe('migrations', () => {
  let admin: Client;
  const created: string[] = [];
  beforeAll(async () => {
    admin = new Client({ connectionString: process.env.QIANGJI_TEST_SERVER_URL });
    await admin.connect();
  });
  afterAll(async () => {
    for (const name of created) await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  });
  async function emptyDatabase(owner: string) {
    const name = `qiangji_test_${randomBytes(6).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name} OWNER ${owner}`);
    created.push(name);
    return name;
  }

  it('when two replicas migrate an empty database at once, then they take turns and both succeed', async () => {
    const { ownerUrl } = testDatabaseUrls(await emptyDatabase(OWNER_ROLE));
    const replicas = await Promise.all([1, 2].map(() => createDataSource(ownerUrl, 2).initialize()));
    try {
      const applied = await Promise.all(replicas.map(migrate));
      expect(applied.flat()).toEqual(replicas[0].migrations.map((m) => m.name));
      expect(await pendingMigrations(replicas[1])).toEqual([]);
    } finally {
      await Promise.all(replicas.map((r) => r.destroy()));
    }
  });

  it('when a superuser migrates a database that it built before the roles existed, then every table passes to qiangji_owner', async () => {
    const login = new URL(process.env.QIANGJI_TEST_SERVER_URL!).username;
    const name = await emptyDatabase(login);
    const superuser = createDataSource(urlFor(process.env.QIANGJI_TEST_SERVER_URL!, name), 1);
    await superuser.initialize();
    try {
      await superuser.query(`ALTER DATABASE ${name} OWNER TO ${OWNER_ROLE}`);
      await superuser.query(`CREATE TABLE legacy_note (id serial PRIMARY KEY, body text)`);
      await superuser.query(`CREATE TYPE legacy_mood AS ENUM ('calm')`);
      await migrate(superuser);
      const owners = await superuser.query(
        `SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class
         WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'S')`,
      );
      expect(owners).toEqual([{ owner: OWNER_ROLE }]);
      const [{ type }] = await superuser.query(
        `SELECT pg_get_userbyid(typowner) AS type FROM pg_type WHERE typname = 'legacy_mood'`,
      );
      expect(type).toBe(OWNER_ROLE);
      const [{ user }] = await superuser.query('SELECT current_user AS user');
      expect(user).toBe(login);
    } finally {
      await superuser.destroy();
    }
  });
});
