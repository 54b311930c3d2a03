import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addIdempotencyIndex, addTimelineTable, IDEMPOTENCY, STAMPS } from '../ddl';
import { addScopedTable, SCOPE } from '../scoped-table';

/** Where a piece of public information belongs: its region, whose path the trigger copies. */
const PUBLIC_PLACE = `region_code varchar(15) NOT NULL REFERENCES region (code), region_path ltree NOT NULL`;

/**
 * Public information (profiles, the catalogue, policies, points of interest): everyone signed in reads every row,
 * and the database itself refuses a write outside the writer's jurisdiction (row-level security on writes only).
 */
async function addPublicTable(q: QueryRunner, table: string): Promise<void> {
  await q.query(`
    CREATE TRIGGER ${table}_region_path BEFORE INSERT OR UPDATE OF region_code ON ${table}
    FOR EACH ROW EXECUTE FUNCTION qiangji_path_from_region()`);
  await q.query(`CREATE INDEX ${table}_region_path_gist ON ${table} USING gist (region_path)`);
  await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY`);
  await q.query(`CREATE POLICY ${table}_read ON ${table} FOR SELECT TO qiangji_app USING (true)`);
  await q.query(
    `CREATE POLICY ${table}_insert ON ${table} FOR INSERT TO qiangji_app WITH CHECK (region_path <@ ${SCOPE})`,
  );
  await q.query(`
    CREATE POLICY ${table}_update ON ${table} FOR UPDATE TO qiangji_app
    USING (region_path <@ ${SCOPE}) WITH CHECK (region_path <@ ${SCOPE})`);
  await q.query(`CREATE POLICY ${table}_owner ON ${table} TO qiangji_owner USING (true) WITH CHECK (true)`);
  await q.query(`GRANT SELECT, INSERT, UPDATE ON ${table} TO qiangji_app`);
}

/**
 * Public services (issue 11): community profiles, the service catalogue and where it is offered, policies,
 * points of interest, appointment slots, and applications with their timeline. The value lists are written out
 * (not imported from the domain) so that this migration stays what it was when later lists grow. Profiles, items, offerings,
 * policies and points of interest are public information; slots and applications are scoped by jurisdiction.
 */
export class PublicServices1764600000000 implements MigrationInterface {
  name = 'PublicServices1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE community_profile (
        region_code varchar(15) PRIMARY KEY REFERENCES region (code),
        id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
        region_path ltree NOT NULL,
        kind text NOT NULL CHECK (kind IN ('CENTRAL', 'ORDINARY')),
        central_code varchar(15) REFERENCES community_profile (region_code),
        service_area_m2 integer CHECK (service_area_m2 >= 0),
        functions text[] NOT NULL DEFAULT '{}' CHECK (functions <@ ARRAY['ELDERLY_CARE', 'DISABLED_SUPPORT', 'CHARITY', 'CULTURE_SPORT', 'SOCIAL_ORGANIZATIONS', 'EMPLOYMENT', 'HEALTH', 'LEGAL_AID', 'SAFETY_MEDIATION', 'ERRANDS']),
        opening_hours text NOT NULL DEFAULT '',
        office_phone text,
        lat double precision CHECK (lat BETWEEN -90 AND 90),
        lng double precision CHECK (lng BETWEEN -180 AND 180),
        ${STAMPS},
        CHECK (kind = 'ORDINARY' OR central_code IS NULL),
        CHECK (central_code <> region_code),
        CHECK ((lat IS NULL) = (lng IS NULL))
      )`);
    await q.query(`CREATE INDEX community_profile_central ON community_profile (central_code)`);
    await addPublicTable(q, 'community_profile');

    await q.query(`
      CREATE TABLE policy (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (btrim(title) <> ''),
        body text NOT NULL,
        category text NOT NULL CHECK (category IN ('SOCIAL_ASSISTANCE', 'ELDERLY', 'FAMILY_PLANNING', 'HOUSING_LAND', 'IDENTITY_DOCUMENTS', 'DISABILITY', 'SOCIAL_INSURANCE', 'EMPLOYMENT', 'HEALTH', 'AGRICULTURE', 'LEGAL', 'CULTURE_EDUCATION', 'VETERANS')),
        issuing_body text NOT NULL CHECK (btrim(issuing_body) <> ''),
        effective_from date NOT NULL,
        effective_to date CHECK (effective_to >= effective_from),
        ${PUBLIC_PLACE},
        ${STAMPS}
      )`);
    await addPublicTable(q, 'policy');

    await q.query(`
      CREATE TABLE service_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,39}$'),
        name text NOT NULL CHECK (btrim(name) <> ''),
        category text NOT NULL CHECK (category IN ('SOCIAL_ASSISTANCE', 'ELDERLY', 'FAMILY_PLANNING', 'HOUSING_LAND', 'IDENTITY_DOCUMENTS', 'DISABILITY', 'SOCIAL_INSURANCE', 'EMPLOYMENT', 'HEALTH', 'AGRICULTURE', 'LEGAL', 'CULTURE_EDUCATION', 'VETERANS')),
        service_point text NOT NULL CHECK (service_point IN ('COMMUNITY', 'VILLAGE_CENTRE', 'STREET')),
        eligible_tags text[] NOT NULL DEFAULT '{}',
        eligibility text NOT NULL DEFAULT '',
        materials jsonb NOT NULL DEFAULT '[]',
        form_schema jsonb NOT NULL DEFAULT '{"fields": []}',
        on_site boolean NOT NULL,
        time_limit_days integer NOT NULL CHECK (time_limit_days BETWEEN 1 AND 60),
        policy_id uuid REFERENCES policy (id),
        ${PUBLIC_PLACE},
        ${STAMPS}
      )`);
    await q.query(`CREATE UNIQUE INDEX service_item_code ON service_item (code)`);
    await q.query(`CREATE INDEX service_item_policy ON service_item (policy_id)`);
    await addPublicTable(q, 'service_item');

    // An item is offered at a region for the people of its whole subtree (a street's items for all its communities).
    await q.query(`
      CREATE TABLE service_offering (
        item_id uuid NOT NULL REFERENCES service_item (id),
        ${PUBLIC_PLACE},
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (item_id, region_code)
      )`);
    await addPublicTable(q, 'service_offering');

    await q.query(`
      CREATE TABLE point_of_interest (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        category text NOT NULL CHECK (category IN ('BUS_STOP', 'HOSPITAL', 'CLINIC', 'PHARMACY', 'SHOP', 'MARKET', 'RESTAURANT', 'HOTEL', 'SCHOOL', 'POLICE_STATION', 'SERVICE_CENTRE')),
        name text NOT NULL CHECK (btrim(name) <> ''),
        address text NOT NULL DEFAULT '',
        lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lng double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
        location point GENERATED ALWAYS AS (point(lng, lat)) STORED,
        opening_hours text NOT NULL DEFAULT '',
        ${PUBLIC_PLACE},
        ${STAMPS}
      )`);
    // nearby(): a bounding box on this index first, the exact great-circle distance on what it finds.
    await q.query(`CREATE INDEX point_of_interest_location ON point_of_interest USING gist (location)`);
    await addPublicTable(q, 'point_of_interest');

    await q.query(`
      CREATE TABLE service_slot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_code varchar(15) NOT NULL REFERENCES region (code),
        day date NOT NULL,
        starts_at time NOT NULL,
        ends_at time NOT NULL CHECK (ends_at > starts_at),
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 200),
        booked integer NOT NULL DEFAULT 0 CHECK (booked >= 0 AND booked <= capacity),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (region_code, day, starts_at)
      )`);

    await q.query(`CREATE SEQUENCE service_application_number`);
    await q.query(`
      CREATE TABLE service_application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        item_id uuid NOT NULL REFERENCES service_item (id),
        category text NOT NULL,
        region_code varchar(15) NOT NULL REFERENCES region (code),
        resident_id uuid NOT NULL REFERENCES resident (id),
        channel text NOT NULL CHECK (channel IN ('WINDOW', 'PORTAL')),
        acting_name text,
        acting_relationship text,
        acting_id_number_encrypted text,
        acting_id_number_masked text,
        acting_phone_encrypted text,
        acting_phone_masked text,
        answers jsonb NOT NULL DEFAULT '{}',
        materials text[] NOT NULL DEFAULT '{}',
        state text NOT NULL CHECK (state IN ('SUBMITTED', 'RETURNED', 'REJECTED', 'ACCEPTED', 'APPOINTMENT_BOOKED', 'HANDLED_ON_SITE', 'COMPLETED', 'WITHDRAWN')),
        on_site boolean NOT NULL,
        time_limit_days integer NOT NULL,
        submitted_at timestamptz NOT NULL,
        accepted_at timestamptz,
        due_at timestamptz,
        completed_at timestamptz,
        ended_at timestamptz,
        slot_id uuid REFERENCES service_slot (id),
        appointment_day date,
        appointment_starts_at time,
        no_shows integer NOT NULL DEFAULT 0,
        handled_on_site_at timestamptz,
        return_reason text,
        reject_reason text,
        withdraw_reason text,
        working_days integer,
        on_time boolean,
        ${IDEMPOTENCY}, ${STAMPS},
        CHECK ((acting_name IS NULL) = (acting_relationship IS NULL)),
        CHECK ((state = 'COMPLETED') = (completed_at IS NOT NULL))
      )`);
    await addIdempotencyIndex(q, 'service_application');
    await q.query(
      `CREATE INDEX service_application_submitted ON service_application (submitted_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX service_application_due ON service_application (due_at) WHERE due_at IS NOT NULL`,
    );
    await q.query(`CREATE INDEX service_application_item ON service_application (item_id)`);
    await q.query(`CREATE INDEX service_application_resident ON service_application (resident_id)`);
    await q.query(`CREATE INDEX service_application_slot ON service_application (slot_id)`);
    await addTimelineTable(q, {
      table: 'service_application_event',
      objectColumn: 'application_id',
      objectTable: 'service_application',
    });

    await addScopedTable(q, 'service_slot', {
      pathFromRegionCode: true,
      grants: ['SELECT', 'INSERT', 'UPDATE'],
    });
    await addScopedTable(q, 'service_application', {
      pathFromRegionCode: true,
      grants: ['SELECT', 'INSERT', 'UPDATE'],
    });
    await q.query(`GRANT USAGE ON SEQUENCE service_application_number TO qiangji_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'service_application_event',
      'service_application',
      'service_slot',
      'point_of_interest',
      'service_offering',
      'service_item',
      'policy',
      'community_profile',
    ])
      await q.query(`DROP TABLE ${table}`);
    await q.query(`DROP SEQUENCE service_application_number`);
  }
}
