import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per user or API key: the time its request budget is full again (GCRA's theoretical arrival time),
 * merged from every replica's counts by server/rate-limit.ts. Bounded by the number of credentials.
 */
export class RateLimit1764300000000 implements MigrationInterface {
  name = 'RateLimit1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rate_limit_bucket (
        credential text PRIMARY KEY CHECK (credential ~ '^(USER|API_KEY):'),
        tat timestamptz NOT NULL
      )`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON rate_limit_bucket TO qiangji_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit_bucket`);
  }
}
