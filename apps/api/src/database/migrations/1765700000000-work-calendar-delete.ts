import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A mistyped line of the holiday notice can be taken back (issue 11): the city's `calendar:manage` deletes it,
 * audited. The reference-version trigger already fires on DELETE, so every replica's calendar in memory follows.
 */
export class WorkCalendarDelete1765700000000 implements MigrationInterface {
  name = 'WorkCalendarDelete1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT DELETE ON work_calendar_entry TO qiangji_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE DELETE ON work_calendar_entry FROM qiangji_app`);
  }
}
