import { rm } from 'node:fs/promises';

export default async function globalTeardown() {
  const pg = globalThis.__QIANGJI_PG__;
  if (!pg) return;
  await pg.db.stop();
  await rm(pg.dir, { recursive: true, force: true });
}
