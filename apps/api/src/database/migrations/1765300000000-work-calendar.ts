import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The State Council's notices of November 2024 and November 2025 (国务院办公厅关于节假日安排的通知). */
const NOTICES: readonly [kind: string, name: string, firstDay: string, lastDay: string][] = [
  ['HOLIDAY', '元旦', '2025-01-01', '2025-01-01'],
  ['HOLIDAY', '春节', '2025-01-28', '2025-02-04'],
  ['HOLIDAY', '清明节', '2025-04-04', '2025-04-06'],
  ['HOLIDAY', '劳动节', '2025-05-01', '2025-05-05'],
  ['HOLIDAY', '端午节', '2025-05-31', '2025-06-02'],
  ['HOLIDAY', '国庆节、中秋节', '2025-10-01', '2025-10-08'],
  ['MAKE_UP_WORKDAY', '春节调休', '2025-01-26', '2025-01-26'],
  ['MAKE_UP_WORKDAY', '春节调休', '2025-02-08', '2025-02-08'],
  ['MAKE_UP_WORKDAY', '劳动节调休', '2025-04-27', '2025-04-27'],
  ['MAKE_UP_WORKDAY', '国庆节调休', '2025-09-28', '2025-09-28'],
  ['MAKE_UP_WORKDAY', '国庆节调休', '2025-10-11', '2025-10-11'],
  ['HOLIDAY', '元旦', '2026-01-01', '2026-01-03'],
  ['HOLIDAY', '春节', '2026-02-15', '2026-02-23'],
  ['HOLIDAY', '清明节', '2026-04-04', '2026-04-06'],
  ['HOLIDAY', '劳动节', '2026-05-01', '2026-05-05'],
  ['HOLIDAY', '端午节', '2026-06-19', '2026-06-21'],
  ['HOLIDAY', '中秋节', '2026-09-25', '2026-09-27'],
  ['HOLIDAY', '国庆节', '2026-10-01', '2026-10-07'],
  ['MAKE_UP_WORKDAY', '元旦调休', '2026-01-04', '2026-01-04'],
  ['MAKE_UP_WORKDAY', '春节调休', '2026-02-14', '2026-02-14'],
  ['MAKE_UP_WORKDAY', '春节调休', '2026-02-28', '2026-02-28'],
  ['MAKE_UP_WORKDAY', '劳动节调休', '2026-05-09', '2026-05-09'],
  ['MAKE_UP_WORKDAY', '国庆节调休', '2026-09-20', '2026-09-20'],
  ['MAKE_UP_WORKDAY', '国庆节调休', '2026-10-10', '2026-10-10'],
];

/**
 * The working calendar (issue 11): public holidays and make-up working days as the city administrator enters them
 * from each December's notice, starting with 2025 and 2026. Reference data for the whole city: every request
 * reads it from memory (a reference version), and working-day deadlines follow it.
 */
export class WorkCalendar1765300000000 implements MigrationInterface {
  name = 'WorkCalendar1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE work_calendar_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('HOLIDAY', 'MAKE_UP_WORKDAY')),
        name text NOT NULL CHECK (btrim(name) <> ''),
        first_day date NOT NULL,
        last_day date NOT NULL CHECK (last_day >= first_day),
        created_by_name text NOT NULL DEFAULT 'migration',
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (kind, first_day)
      )`);
    await q.query(`GRANT SELECT, INSERT ON work_calendar_entry TO qiangji_app`);
    await q.query(`INSERT INTO reference_version (name) VALUES ('work_calendar_entry')`);
    await q.query(`
      CREATE TRIGGER work_calendar_entry_reference_version
      AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON work_calendar_entry
      FOR EACH STATEMENT EXECUTE FUNCTION qiangji_bump_reference_version()`);
    await q.query(
      `INSERT INTO work_calendar_entry (kind, name, first_day, last_day)
       SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::date[])`,
      [0, 1, 2, 3].map((i) => NOTICES.map((n) => n[i])),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE work_calendar_entry`);
    await q.query(`DELETE FROM reference_version WHERE name = 'work_calendar_entry'`);
  }
}
