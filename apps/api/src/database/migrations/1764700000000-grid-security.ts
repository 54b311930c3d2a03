import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addIdempotencyIndex, addTimelineTable, IDEMPOTENCY, STAMPS } from '../ddl';
import { addScopedTable } from '../scoped-table';

type Grant = 'SELECT' | 'INSERT' | 'UPDATE';

/** Every table of this migration is scoped by jurisdiction (the timeline by addTimelineTable); zero reports are written once. */
const SCOPED: [table: string, pathFromRegionCode: boolean, grants: Grant[]][] = [
  ['grid_worker_assignment', true, ['SELECT', 'INSERT', 'UPDATE']],
  ['household_grid_membership', true, ['SELECT', 'INSERT', 'UPDATE']],
  ['grid_event', true, ['SELECT', 'INSERT', 'UPDATE']],
  ['zero_report', true, ['SELECT', 'INSERT']],
  ['security_statistic', true, ['SELECT', 'INSERT', 'UPDATE']],
  ['satisfaction_survey', true, ['SELECT', 'INSERT', 'UPDATE']],
  ['survey_result', true, ['SELECT', 'INSERT', 'UPDATE']],
  ['legal_education_event', true, ['SELECT', 'INSERT', 'UPDATE']],
  ['prevention_figure', true, ['SELECT', 'INSERT', 'UPDATE']],
];

/**
 * Grid management and public security (issue 12): grid workers on their units, households' grid history, grid
 * events with their closed loop and timeline, zero reports, monthly security statistics, satisfaction surveys,
 * legal-education events and prevention figures.
 */
export class GridSecurity1764700000000 implements MigrationInterface {
  name = 'GridSecurity1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE grid_worker_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_code varchar(15) NOT NULL REFERENCES region (code),
        user_id uuid REFERENCES app_user (id),
        worker_name text NOT NULL CHECK (btrim(worker_name) <> ''),
        valid_from date NOT NULL,
        valid_to date CHECK (valid_to >= valid_from),
        ${STAMPS}
      )`);
    // One open assignment of a worker to a unit; the closed ones are the unit's history.
    await q.query(`CREATE UNIQUE INDEX grid_worker_assignment_open ON grid_worker_assignment (user_id, region_code)
      WHERE valid_to IS NULL`);
    await q.query(
      `CREATE INDEX grid_worker_assignment_unit ON grid_worker_assignment (region_code, valid_from)`,
    );

    await q.query(`
      CREATE TABLE household_grid_membership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id uuid NOT NULL REFERENCES household (id),
        region_code varchar(15) NOT NULL REFERENCES region (code),
        valid_from date NOT NULL,
        valid_to date CHECK (valid_to >= valid_from),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Exactly one grid unit at a time.
    await q.query(`CREATE UNIQUE INDEX household_grid_membership_current ON household_grid_membership (household_id)
      WHERE valid_to IS NULL`);
    await q.query(`CREATE INDEX household_grid_membership_unit ON household_grid_membership (region_code)`);

    await q.query(`CREATE SEQUENCE grid_event_number`);
    await q.query(`
      CREATE TABLE grid_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        source text NOT NULL CHECK (source IN ('GRID_WORKER', 'RESIDENT_PORTAL', 'DISTRICT_SYSTEM')),
        category text NOT NULL,
        urgency text NOT NULL CHECK (urgency IN ('NORMAL', 'URGENT', 'CRITICAL')),
        region_code varchar(15) NOT NULL REFERENCES region (code),
        lat double precision CHECK (lat BETWEEN -90 AND 90),
        lng double precision CHECK (lng BETWEEN -180 AND 180),
        address text,
        description text NOT NULL CHECK (btrim(description) <> ''),
        photo_refs text[] NOT NULL DEFAULT '{}',
        state text NOT NULL,
        reporter_name text NOT NULL,
        reported_at timestamptz NOT NULL,
        rejection text CHECK (rejection IN ('DUPLICATE', 'INVALID')),
        duplicate_of_id uuid REFERENCES grid_event (id),
        assignee_kind text CHECK (assignee_kind IN ('DEPARTMENT', 'PERSON')),
        assignee text,
        dispatched_at timestamptz,
        due_at timestamptz,
        at_risk_at timestamptz,
        disposal_result text,
        disposed_at timestamptz,
        verified_at timestamptz,
        closed_at timestamptz,
        satisfaction text CHECK (satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')),
        evaluation_comment text,
        dispute_case_id uuid UNIQUE,
        ${IDEMPOTENCY},
        ${STAMPS},
        CHECK ((lat IS NULL) = (lng IS NULL))
      )`);
    await addIdempotencyIndex(q, 'grid_event');
    await q.query(`CREATE INDEX grid_event_reported ON grid_event (reported_at DESC, id DESC)`);
    await q.query(`CREATE INDEX grid_event_unit_day ON grid_event (region_code, reported_at)`);
    await q.query(`CREATE INDEX grid_event_due ON grid_event (due_at) WHERE due_at IS NOT NULL`);
    // Duplicate hints: open events near a point, found through the box around it (GiST on the point).
    await q.query(`CREATE INDEX grid_event_open_point ON grid_event USING gist (point(lng, lat))
      WHERE lat IS NOT NULL AND state IN ('REPORTED', 'FILED', 'DISPATCHED', 'IN_DISPOSAL', 'DISPOSED', 'VERIFIED')`);

    await addTimelineTable(q, {
      table: 'grid_event_step',
      objectColumn: 'event_id',
      objectTable: 'grid_event',
    });

    await q.query(`
      CREATE TABLE zero_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_code varchar(15) NOT NULL REFERENCES region (code),
        day date NOT NULL,
        reporter_name text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (region_code, day)
      )`);

    await q.query(`
      CREATE TABLE security_statistic (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_code varchar(15) NOT NULL REFERENCES region (code),
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        category text NOT NULL CHECK (category IN
          ('CRIMINAL', 'HOMICIDE', 'ROBBERY', 'BURGLARY', 'THEFT', 'FRAUD', 'PUBLIC_ORDER')),
        cases integer NOT NULL CHECK (cases >= 0),
        source text NOT NULL,
        created_by text NOT NULL,
        ${STAMPS},
        UNIQUE (region_code, month, category)
      )`);
    await q.query(`CREATE INDEX security_statistic_month ON security_statistic (month, category)`);

    await q.query(`
      CREATE TABLE satisfaction_survey (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
        region_code varchar(15) NOT NULL REFERENCES region (code),
        sample_size integer NOT NULL CHECK (sample_size > 0),
        method text NOT NULL,
        source text NOT NULL CHECK (btrim(source) <> ''),
        ${IDEMPOTENCY},
        ${STAMPS}
      )`);
    await addIdempotencyIndex(q, 'satisfaction_survey');
    await q.query(`
      CREATE TABLE survey_result (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survey_id uuid NOT NULL REFERENCES satisfaction_survey (id),
        year integer NOT NULL,
        question text NOT NULL,
        respondent_group text NOT NULL,
        region_code varchar(15) NOT NULL REFERENCES region (code),
        satisfied numeric(6, 5) NOT NULL CHECK (satisfied BETWEEN 0 AND 1),
        respondents integer CHECK (respondents > 0),
        UNIQUE (survey_id, question, respondent_group, region_code)
      )`);
    await q.query(
      `CREATE INDEX survey_result_series ON survey_result (region_code, question, respondent_group, year)`,
    );

    await q.query(`
      CREATE TABLE legal_education_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        format text NOT NULL,
        title text NOT NULL CHECK (btrim(title) <> ''),
        held_on date NOT NULL,
        region_code varchar(15) NOT NULL REFERENCES region (code),
        audience integer NOT NULL CHECK (audience >= 0),
        organiser text NOT NULL CHECK (btrim(organiser) <> ''),
        ${IDEMPOTENCY},
        ${STAMPS}
      )`);
    await addIdempotencyIndex(q, 'legal_education_event');
    await q.query(`CREATE INDEX legal_education_event_held ON legal_education_event (held_on DESC, id DESC)`);

    await q.query(`
      CREATE TABLE prevention_figure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_code varchar(15) NOT NULL REFERENCES region (code),
        year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
        indicator text NOT NULL,
        name text NOT NULL DEFAULT '',
        value numeric(14, 4) NOT NULL CHECK (value >= 0),
        ${STAMPS},
        CHECK ((indicator = 'PROJECT_3531') = (name <> '')),
        UNIQUE (region_code, year, indicator, name)
      )`);

    for (const [table, pathFromRegionCode, grants] of SCOPED)
      await addScopedTable(q, table, { pathFromRegionCode, grants });
    await q.query(`GRANT USAGE ON SEQUENCE grid_event_number TO qiangji_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE grid_event_step, ${SCOPED.map(([t]) => t)
        .reverse()
        .join(', ')}`,
    );
    await q.query(`DROP SEQUENCE grid_event_number`);
  }
}
