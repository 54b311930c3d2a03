import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RegionTree1764169200000 implements MigrationInterface {
  name = 'RegionTree1764169200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS ltree`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE TYPE region_level AS ENUM
      ('CITY','DISTRICT','COUNTY','COUNTY_CITY','STREET','TOWNSHIP','COMMUNITY','VILLAGE','HAMLET','GRID')`);
    await q.query(`
      CREATE TABLE region (
        code varchar(15) PRIMARY KEY CHECK (code ~ '^[0-9]{6}([0-9]{3}([0-9]{3}([0-9]{2,3})?)?)?$'),
        name text NOT NULL CHECK (btrim(name) <> ''),
        level region_level NOT NULL,
        parent_code varchar(15) REFERENCES region (code),
        path ltree NOT NULL,
        urban_rural_code char(3) CHECK (urban_rural_code ~ '^[0-9]{3}$'),
        centroid_lat double precision CHECK (centroid_lat BETWEEN -90 AND 90),
        centroid_lng double precision CHECK (centroid_lng BETWEEN -180 AND 180),
        boundary jsonb,
        population integer CHECK (population >= 0),
        households integer CHECK (households >= 0),
        valid_from date NOT NULL DEFAULT current_date,
        valid_to date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_to IS NULL OR valid_to > valid_from),
        CHECK ((centroid_lat IS NULL) = (centroid_lng IS NULL)),
        CHECK ((parent_code IS NULL) = (level = 'CITY'))
      )`);
    await q.query(`CREATE INDEX region_path_gist ON region USING gist (path)`);
    await q.query(`CREATE INDEX region_parent_code_code ON region (parent_code, code)`);
    await q.query(`CREATE INDEX region_parent_code_name ON region (parent_code, name, code)`);
    await q.query(`CREATE INDEX region_level_code ON region (level, code)`);
    await q.query(`CREATE INDEX region_name_trgm ON region USING gin (name gin_trgm_ops)`);
    // The path is derived from the parent chain, so no writer can get it wrong; moving a region moves its subtree.
    await q.query(`
      CREATE FUNCTION region_set_path() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.parent_code IS NULL THEN
          NEW.path := text2ltree(NEW.code);
        ELSE
          SELECT path || text2ltree(NEW.code) INTO NEW.path FROM region WHERE code = NEW.parent_code;
          IF NEW.path IS NULL THEN
            RAISE foreign_key_violation USING MESSAGE = format('parent region %s does not exist', NEW.parent_code);
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER region_set_path BEFORE INSERT OR UPDATE OF parent_code ON region
      FOR EACH ROW EXECUTE FUNCTION region_set_path()`);
    await q.query(`
      CREATE FUNCTION region_move_subtree() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE region SET path = NEW.path || subpath(path, nlevel(OLD.path))
        WHERE path <@ OLD.path AND code <> NEW.code;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER region_move_subtree AFTER UPDATE OF path ON region
      FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION region_move_subtree()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE region`);
    await q.query(`DROP FUNCTION region_move_subtree()`);
    await q.query(`DROP FUNCTION region_set_path()`);
    await q.query(`DROP TYPE region_level`);
  }
}
