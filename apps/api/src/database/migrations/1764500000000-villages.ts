import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addIdempotencyIndex, addTimelineTable, IDEMPOTENCY, STAMPS } from '../ddl';
import { addScopedTable } from '../scoped-table';

/** Household work (a visit, an assistance) is done on a posting, by its cadre, for their work unit. */
const CADRE_AT_WORK = `posting_id uuid NOT NULL REFERENCES posting (id),
  cadre_id uuid NOT NULL REFERENCES stationed_cadre (id),
  work_unit_id uuid NOT NULL REFERENCES work_unit (id)`;

/** The tables of villages and cadres, and what the request role may do with each (never DELETE). */
const SCOPED: [table: string, pathFromRegionCode: boolean, grants: ('SELECT' | 'INSERT' | 'UPDATE')[]][] = [
  ['pairing', true, ['SELECT', 'INSERT', 'UPDATE']],
  ['stationed_cadre', true, ['SELECT', 'INSERT', 'UPDATE']],
  ['posting', true, ['SELECT', 'INSERT', 'UPDATE']],
  ['visit', true, ['SELECT', 'INSERT', 'UPDATE']],
  ['assistance', true, ['SELECT', 'INSERT', 'UPDATE']],
  ['household_income', true, ['SELECT', 'INSERT', 'UPDATE']],
  ['village_indicator', true, ['SELECT', 'INSERT', 'UPDATE']],
  ['village_organization', true, ['SELECT', 'INSERT', 'UPDATE']],
  ['village_organization_member', false, ['SELECT', 'INSERT', 'UPDATE']],
  ['village_safety_record', true, ['SELECT', 'INSERT', 'UPDATE']],
];

/**
 * Villages and stationed cadres (issue 10): work units (reference data every reader sees), their pairings with
 * villages, cadres and their postings (one active at a time), visits and assistance of households, and the
 * villages' yearly profiles, "1+3+N" organisations and safety records. All but the work units are scoped.
 */
export class Villages1764500000000 implements MigrationInterface {
  name = 'Villages1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE work_unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (btrim(name) <> ''),
        kind text NOT NULL CHECK (kind IN ('DEPARTMENT', 'STATE_ENTERPRISE', 'INSTITUTION')),
        level text NOT NULL CHECK (level IN ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP')),
        region_code varchar(15) NOT NULL REFERENCES region (code),
        ${IDEMPOTENCY}, ${STAMPS},
        CONSTRAINT work_unit_name UNIQUE (region_code, name)
      )`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON work_unit TO qiangji_app`);

    await q.query(`
      CREATE TABLE pairing (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        work_unit_id uuid NOT NULL REFERENCES work_unit (id),
        region_code varchar(15) NOT NULL REFERENCES region (code),
        starts_on date NOT NULL,
        ends_on date CHECK (ends_on >= starts_on),
        goals text NOT NULL DEFAULT '',
        ${IDEMPOTENCY}, ${STAMPS},
        CONSTRAINT pairing_term UNIQUE (work_unit_id, region_code, starts_on)
      )`);

    await q.query(`
      CREATE TABLE stationed_cadre (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (btrim(name) <> ''),
        phone_encrypted text,
        phone_masked text,
        user_id uuid REFERENCES app_user (id) CONSTRAINT stationed_cadre_user UNIQUE,
        work_unit_id uuid NOT NULL REFERENCES work_unit (id),
        region_code varchar(15) NOT NULL REFERENCES region (code),
        ${IDEMPOTENCY}, ${STAMPS}
      )`);

    // The cadre's name at the posting stays with the village's history when the cadre moves on.
    await q.query(`
      CREATE TABLE posting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cadre_id uuid NOT NULL REFERENCES stationed_cadre (id),
        cadre_name text NOT NULL,
        work_unit_id uuid NOT NULL REFERENCES work_unit (id),
        region_code varchar(15) NOT NULL REFERENCES region (code),
        role text NOT NULL CHECK (role IN ('FIRST_SECRETARY', 'TEAM_LEADER', 'TEAM_MEMBER')),
        state text NOT NULL CHECK (state IN ('ACTIVE', 'ENDED')),
        starts_on date NOT NULL,
        ends_on date CHECK (ends_on >= starts_on),
        handover_note text,
        previous_posting_id uuid REFERENCES posting (id),
        ${STAMPS},
        CHECK ((state = 'ENDED') = (ends_on IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX posting_one_active ON posting (cadre_id) WHERE state = 'ACTIVE'`);
    await q.query(`CREATE INDEX posting_cadre ON posting (cadre_id, starts_on)`);

    await q.query(`
      CREATE TABLE visit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ${CADRE_AT_WORK},
        household_id uuid NOT NULL REFERENCES household (id),
        region_code varchar(15) NOT NULL REFERENCES region (code),
        visited_on date NOT NULL,
        purpose text NOT NULL
          CHECK (purpose IN ('POVERTY_CHECK', 'POLICY_EXPLANATION', 'DISPUTE', 'PRODUCTION_HELP', 'OTHER')),
        findings text NOT NULL DEFAULT '',
        follow_up_needed boolean NOT NULL DEFAULT false,
        lat double precision CHECK (lat BETWEEN -90 AND 90),
        lng double precision CHECK (lng BETWEEN -180 AND 180),
        dispute_case_id uuid REFERENCES dispute_case (id) CONSTRAINT visit_dispute_case UNIQUE,
        ${IDEMPOTENCY}, ${STAMPS},
        CHECK ((lat IS NULL) = (lng IS NULL))
      )`);
    await addIdempotencyIndex(q, 'visit');
    await q.query(`CREATE INDEX visit_household ON visit (household_id, visited_on)`);
    await q.query(`CREATE INDEX visit_visited_on ON visit (visited_on DESC, id DESC)`);
    await q.query(`CREATE INDEX visit_cadre ON visit (cadre_id, visited_on)`);

    await q.query(`
      CREATE TABLE assistance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id uuid NOT NULL REFERENCES household (id),
        ${CADRE_AT_WORK},
        region_code varchar(15) NOT NULL REFERENCES region (code),
        type text NOT NULL CHECK (type IN ('LOAN', 'INPUTS', 'GREENHOUSE_OR_BUILDING', 'MARKET', 'JOB', 'TRAINING',
          'MEDICAL', 'EDUCATION', 'OTHER')),
        description text NOT NULL CHECK (btrim(description) <> ''),
        amount_yuan bigint CHECK (amount_yuan >= 0),
        state text NOT NULL CHECK (state IN ('PLANNED', 'IN_PROGRESS', 'DONE', 'ABANDONED')),
        planned_on date NOT NULL,
        started_on date,
        done_on date,
        abandoned_on date,
        outcome text,
        abandon_reason text,
        ${IDEMPOTENCY}, ${STAMPS},
        CHECK ((state = 'DONE') = (done_on IS NOT NULL)),
        CHECK ((state = 'ABANDONED') = (abandoned_on IS NOT NULL))
      )`);
    await addIdempotencyIndex(q, 'assistance');
    await q.query(`CREATE INDEX assistance_household ON assistance (household_id)`);
    await q.query(`CREATE INDEX assistance_planned ON assistance (planned_on DESC, id DESC)`);
    await addTimelineTable(q, {
      table: 'assistance_event',
      objectColumn: 'assistance_id',
      objectTable: 'assistance',
      pathBesideObject: true,
    });

    await q.query(`
      CREATE TABLE household_income (
        household_id uuid NOT NULL REFERENCES household (id),
        region_code varchar(15) NOT NULL REFERENCES region (code),
        year integer NOT NULL CHECK (year BETWEEN 1949 AND 2200),
        income_yuan bigint NOT NULL CHECK (income_yuan >= 0),
        ${STAMPS},
        PRIMARY KEY (household_id, year)
      )`);

    await q.query(`
      CREATE TABLE village_indicator (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_code varchar(15) NOT NULL REFERENCES region (code),
        year integer NOT NULL CHECK (year BETWEEN 1949 AND 2200),
        households integer NOT NULL CHECK (households >= 0),
        population integer NOT NULL CHECK (population >= households),
        cultivated_land_mu numeric(12, 2) NOT NULL CHECK (cultivated_land_mu >= 0),
        poor_households integer NOT NULL CHECK (poor_households BETWEEN 0 AND households),
        per_capita_net_income bigint NOT NULL CHECK (per_capita_net_income >= 0),
        collective_assets bigint NOT NULL CHECK (collective_assets >= 0),
        collective_debts bigint NOT NULL CHECK (collective_debts >= 0),
        households_in_organizations integer NOT NULL CHECK (households_in_organizations BETWEEN 0 AND households),
        ${STAMPS},
        CONSTRAINT village_indicator_year UNIQUE (region_code, year)
      )`);

    await q.query(`
      CREATE TABLE village_organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_code varchar(15) NOT NULL REFERENCES region (code),
        kind text NOT NULL CHECK (kind IN ('PARTY_BRANCH', 'COOPERATIVE', 'TRADE_UNION', 'SERVICE_CENTRE', 'ASSOCIATION')),
        name text NOT NULL CHECK (btrim(name) <> ''),
        founded_on date NOT NULL,
        dissolved_on date CHECK (dissolved_on >= founded_on),
        ${STAMPS},
        CONSTRAINT village_organization_name UNIQUE (region_code, name)
      )`);
    await q.query(`CREATE INDEX village_organization_region ON village_organization (region_code, kind)`);
    await q.query(`
      CREATE TABLE village_organization_member (
        organization_id uuid NOT NULL REFERENCES village_organization (id),
        household_id uuid NOT NULL REFERENCES household (id),
        region_path ltree NOT NULL,
        joined_on date NOT NULL,
        left_on date CHECK (left_on >= joined_on),
        PRIMARY KEY (organization_id, household_id)
      )`);

    await q.query(`
      CREATE TABLE village_safety_record (
        region_code varchar(15) NOT NULL REFERENCES region (code),
        year integer NOT NULL CHECK (year BETWEEN 1949 AND 2200),
        public_order_cases integer NOT NULL CHECK (public_order_cases >= 0),
        criminal_cases integer NOT NULL CHECK (criminal_cases >= 0),
        ${STAMPS},
        PRIMARY KEY (region_code, year)
      )`);

    for (const table of ['work_unit', 'pairing', 'stationed_cadre']) await addIdempotencyIndex(q, table);
    for (const [table, pathFromRegionCode, grants] of SCOPED)
      await addScopedTable(q, table, { pathFromRegionCode, grants });
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'village_safety_record',
      'village_organization_member',
      'village_organization',
      'village_indicator',
      'household_income',
      'assistance_event',
      'assistance',
      'visit',
      'posting',
      'stationed_cadre',
      'pairing',
      'work_unit',
    ])
      await q.query(`DROP TABLE ${table}`);
  }
}
