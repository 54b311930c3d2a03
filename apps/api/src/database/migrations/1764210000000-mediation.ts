import type { MigrationInterface, QueryRunner } from 'typeorm';

const SCOPE = `NULLIF(current_setting('qiangji.scope', true), '')::ltree`;

/**
 * Grand mediation: organisations, mediators, dispute cases with their parties and timeline, coordination
 * meetings, petition backlog cases and legal-clinic service tallies. Cases, parties, timelines, mediators and
 * petitions are about people: row-level security scopes them like residents.
 */
export class Mediation1764210000000 implements MigrationInterface {
  name = 'Mediation1764210000000';

  async up(q: QueryRunner): Promise<void> {
    // Every table here that has a region takes its path from the region table: no writer sets it.
    await q.query(`
      CREATE FUNCTION set_region_path() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT path INTO NEW.region_path FROM region WHERE code = NEW.region_code;
        RETURN NEW;
      END $$`);

    await q.query(`
      CREATE TABLE mediation_organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('PEOPLES_COMMITTEE', 'INDUSTRY_COMMITTEE', 'COORDINATION_CENTRE',
          'LEGAL_CLINIC', 'MEDIATORS_ASSOCIATION')),
        industry text CHECK (industry IN ('LABOUR_PERSONNEL', 'ROAD_TRAFFIC', 'WOMENS_LABOUR', 'PUBLIC_ORDER',
          'PROPERTY_MANAGEMENT', 'INSURANCE')),
        name text NOT NULL CHECK (btrim(name) <> ''),
        region_code varchar(15) NOT NULL REFERENCES region (code),
        region_path ltree NOT NULL,
        partner_university text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'INDUSTRY_COMMITTEE') = (industry IS NOT NULL)),
        CHECK (kind = 'LEGAL_CLINIC' OR partner_university IS NULL)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX mediation_organization_name ON mediation_organization (region_code, name)`,
    );

    await q.query(`
      CREATE TABLE mediator (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (btrim(name) <> ''),
        employment text NOT NULL CHECK (employment IN ('FULL_TIME', 'PART_TIME')),
        specialities text[] NOT NULL DEFAULT '{}',
        qualifications jsonb NOT NULL DEFAULT '[]',
        trainings jsonb NOT NULL DEFAULT '[]',
        phone_encrypted text,
        phone_masked text,
        user_id uuid UNIQUE REFERENCES app_user (id),
        region_code varchar(15) NOT NULL REFERENCES region (code),
        region_path ltree NOT NULL,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE mediator_membership (
        mediator_id uuid NOT NULL REFERENCES mediator (id),
        organization_id uuid NOT NULL REFERENCES mediation_organization (id),
        region_path ltree NOT NULL,
        PRIMARY KEY (mediator_id, organization_id)
      )`);
    await q.query(`CREATE INDEX mediator_membership_organization ON mediator_membership (organization_id)`);

    // Case numbers people can read out on the phone: 2012-000123 (year of receipt, then a city-wide sequence).
    await q.query(`CREATE SEQUENCE dispute_case_number`);
    await q.query(`
      CREATE TABLE dispute_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        channel text NOT NULL,
        type text NOT NULL,
        title text NOT NULL CHECK (btrim(title) <> ''),
        description text NOT NULL,
        region_code varchar(15) NOT NULL REFERENCES region (code),
        region_path ltree NOT NULL,
        organization_id uuid NOT NULL REFERENCES mediation_organization (id),
        origin_organization_id uuid NOT NULL REFERENCES mediation_organization (id),
        mediator_id uuid REFERENCES mediator (id),
        amount_at_stake numeric(14, 2) CHECK (amount_at_stake >= 0),
        people_involved integer NOT NULL CHECK (people_involved >= 0),
        households_involved integer NOT NULL CHECK (households_involved >= 0),
        threats boolean NOT NULL DEFAULT false,
        risk text NOT NULL CHECK (risk IN ('LOW', 'MEDIUM', 'HIGH')),
        risk_reasons text[] NOT NULL DEFAULT '{}',
        state text NOT NULL,
        outcome text CHECK (outcome IN ('AGREEMENT_REACHED', 'MEDIATION_FAILED', 'WITHDRAWN')),
        decline_reason text,
        referral text,
        agreement jsonb,
        honoured boolean,
        received_at timestamptz NOT NULL,
        accepted_at timestamptz,
        concluded_at timestamptz,
        closed_at timestamptz,
        due_at timestamptz,
        at_risk_at timestamptz,
        idempotency_key text,
        idempotency_hash text,
        created_by text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((idempotency_key IS NULL) = (idempotency_hash IS NULL))
      )`);
    // Keys are per caller: two district systems may both use "1" without colliding.
    await q.query(
      `CREATE UNIQUE INDEX dispute_case_idempotency ON dispute_case (created_by, idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX dispute_case_accepted ON dispute_case (accepted_at, id)`);
    await q.query(`CREATE INDEX dispute_case_received ON dispute_case (received_at DESC, id DESC)`);
    await q.query(`CREATE INDEX dispute_case_open_due ON dispute_case (due_at) WHERE due_at IS NOT NULL`);
    await q.query(`CREATE INDEX dispute_case_organization ON dispute_case (organization_id)`);
    await q.query(`CREATE INDEX dispute_case_mediator ON dispute_case (mediator_id)`);

    await q.query(`
      CREATE TABLE dispute_party (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES dispute_case (id),
        region_path ltree NOT NULL,
        role text NOT NULL CHECK (role IN ('APPLICANT', 'RESPONDENT', 'OTHER')),
        resident_id uuid REFERENCES resident (id),
        name text NOT NULL CHECK (btrim(name) <> ''),
        contact_encrypted text,
        contact_masked text
      )`);
    await q.query(`CREATE INDEX dispute_party_case ON dispute_party (case_id)`);

    // The timeline: every command leaves one row, with what it recorded (a session, a follow-up, …).
    await q.query(`
      CREATE TABLE dispute_case_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES dispute_case (id),
        region_path ltree NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        command text NOT NULL,
        from_state text,
        to_state text NOT NULL,
        actor_name text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX dispute_case_event_case ON dispute_case_event (case_id, id)`);

    await q.query(`
      CREATE TABLE coordination_meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES mediation_organization (id),
        region_path ltree NOT NULL,
        held_on date NOT NULL,
        attendees text[] NOT NULL CHECK (cardinality(attendees) > 0),
        notes text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE coordination_meeting_decision (
        meeting_id uuid NOT NULL REFERENCES coordination_meeting (id),
        case_id uuid NOT NULL REFERENCES dispute_case (id),
        region_path ltree NOT NULL,
        decision text NOT NULL CHECK (btrim(decision) <> ''),
        PRIMARY KEY (meeting_id, case_id)
      )`);

    await q.query(`
      CREATE TABLE petition_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (btrim(title) <> ''),
        region_code varchar(15) NOT NULL REFERENCES region (code),
        region_path ltree NOT NULL,
        organization_id uuid REFERENCES mediation_organization (id),
        state text NOT NULL CHECK (state IN ('REGISTERED', 'ASSIGNED', 'RESOLVED', 'UNRESOLVED')),
        registered_on date NOT NULL,
        resolved_on date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((state = 'RESOLVED') = (resolved_on IS NOT NULL))
      )`);

    await q.query(`
      CREATE TABLE legal_clinic_service (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES mediation_organization (id),
        region_path ltree NOT NULL,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        people_served integer NOT NULL CHECK (people_served >= 0),
        UNIQUE (organization_id, month)
      )`);

    for (const table of ['mediation_organization', 'mediator', 'dispute_case', 'petition_case']) {
      await q.query(`
        CREATE TRIGGER ${table}_region_path BEFORE INSERT OR UPDATE OF region_code ON ${table}
        FOR EACH ROW EXECUTE FUNCTION set_region_path()`);
    }
    const pathed = [
      'mediation_organization',
      'mediator',
      'mediator_membership',
      'dispute_case',
      'dispute_party',
      'dispute_case_event',
      'coordination_meeting',
      'coordination_meeting_decision',
      'petition_case',
      'legal_clinic_service',
    ];
    for (const table of pathed) {
      await q.query(`CREATE INDEX ${table}_region_path_gist ON ${table} USING gist (region_path)`);
    }

    await q.query(
      `GRANT SELECT, INSERT, UPDATE ON mediation_organization, mediator, mediator_membership, dispute_case,
         coordination_meeting, petition_case, legal_clinic_service TO qiangji_app`,
    );
    await q.query(`GRANT DELETE ON mediator_membership TO qiangji_app`);
    await q.query(`GRANT USAGE ON SEQUENCE dispute_case_number TO qiangji_app`);
    // The timeline, parties and meeting decisions are written once: no UPDATE, no DELETE.
    await q.query(
      `GRANT SELECT, INSERT ON dispute_party, dispute_case_event, coordination_meeting_decision TO qiangji_app`,
    );

    // Organisations are reference data (any signed-in caller reads them); the rest is about people.
    for (const table of pathed.filter((t) => t !== 'mediation_organization')) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`
        CREATE POLICY ${table}_jurisdiction ON ${table} TO qiangji_app
        USING (region_path <@ ${SCOPE}) WITH CHECK (region_path <@ ${SCOPE})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE legal_clinic_service, petition_case, coordination_meeting_decision, coordination_meeting,
      dispute_case_event, dispute_party, dispute_case, mediator_membership, mediator, mediation_organization`);
    await q.query(`DROP SEQUENCE dispute_case_number`);
    await q.query(`DROP FUNCTION set_region_path()`);
  }
}
