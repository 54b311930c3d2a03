import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who may apply (issue 11): besides the resident tags an item already names, the least age on the day of
 * submission (老年证 60, 高龄津贴 80), which the API checks against the registry's birth date.
 */
export class ServiceEligibility1765310000000 implements MigrationInterface {
  name = 'ServiceEligibility1765310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE service_item ADD COLUMN min_age smallint CHECK (min_age BETWEEN 1 AND 120)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE service_item DROP COLUMN min_age`);
  }
}
