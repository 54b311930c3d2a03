import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addTimelineTable } from '../ddl';
import { addScopedTable } from '../scoped-table';

/**
 * Monthly reports (月报) signed off level by level: a row per region and month once someone acts on it (its state
 * and who signed), the frozen figures of each signed edition (append-only: a signed edition never changes), and
 * the report's timeline (signatures and reopenings, with their reasons). Scoped like cases: a district sees and
 * signs its own subtree's reports only.
 */
export class MonthlyReport1764900000000 implements MigrationInterface {
  name = 'MonthlyReport1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE monthly_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_code varchar(15) NOT NULL REFERENCES region (code),
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        state text NOT NULL DEFAULT 'DRAFT' CHECK (state IN ('DRAFT', 'SIGNED', 'REOPENED')),
        edition integer NOT NULL DEFAULT 0 CHECK (edition >= 0),
        signed_at timestamptz,
        signed_by_name text,
        version integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (region_code, month)
      )`);
    await addScopedTable(q, 'monthly_report', {
      pathFromRegionCode: true,
      grants: ['SELECT', 'INSERT', 'UPDATE'],
    });

    await q.query(`
      CREATE TABLE monthly_report_edition (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES monthly_report (id),
        region_code varchar(15) NOT NULL REFERENCES region (code),
        edition integer NOT NULL CHECK (edition > 0),
        sections jsonb NOT NULL,
        signed_at timestamptz NOT NULL DEFAULT now(),
        signed_by uuid,
        signed_by_name text NOT NULL,
        UNIQUE (report_id, edition)
      )`);
    await addScopedTable(q, 'monthly_report_edition', {
      pathFromRegionCode: true,
      grants: ['SELECT', 'INSERT'],
    });

    await addTimelineTable(q, {
      table: 'monthly_report_event',
      objectColumn: 'report_id',
      objectTable: 'monthly_report',
      fromStateRequired: true,
    });
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE monthly_report_event, monthly_report_edition, monthly_report`);
  }
}
