import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** The version of each table of reference data (`reference_version`), as one snapshot saw them. */
export type ReferenceVersions = Readonly<Record<string, string>>;

/** The versions, in the expression the opening of a scoped transaction also reads them with. */
export const VERSIONS_SQL = `(SELECT json_object_agg(name, version) FROM reference_version)`;

/**
 * The versions as they are now, for a request that has no transaction yet: one statement on the pool, outside any
 * transaction, in one round trip where BEGIN and COMMIT would take two. Read after the request arrived, it sees every
 * change committed before (the caller's own writes included), as the request's own snapshot would have; a request
 * that reads only reference data in memory (the districts) then opens no transaction.
 */
export async function currentVersions(db: DataSource): Promise<ReferenceVersions> {
  const pool = (db.driver as PostgresDriver).master as Pool;
  const { rows } = await pool.query<{ versions: ReferenceVersions | null }>(
    `SELECT ${VERSIONS_SQL} AS versions`,
  );
  return rows[0].versions ?? {};
}
