import {
  divisionCodeTier,
  gcj02ToWgs84,
  inferRegionLevel,
  isValidDivisionCode,
  parentDivisionCode,
  type RegionTier,
} from '@qiangji/domain';
import { AppError } from '../../common/app-error';
import type { RequestContext } from '../../server/context';
import { writeRegions, type RegionWrite, type WriteResult } from './region.writer';

/** The `level` column of the National Bureau of Statistics list, and the code tier each must have. */
const CSV_LEVEL_TIER: Record<string, RegionTier> = {
  city: 'CITY',
  district: 'COUNTY',
  street: 'TOWN',
  community_or_village: 'VILLAGE',
};
const COLUMNS = ['code', 'name', 'level', 'parent_code', 'urban_rural_code'] as const;
const MAX_REPORTED = 20;

interface Problem {
  where: string;
  message: string;
}

function fail(what: string, problems: Problem[]): never {
  const lines = problems.slice(0, MAX_REPORTED).map((p) => `${p.where}: ${p.message}`);
  if (problems.length > MAX_REPORTED) lines.push(`… and ${problems.length - MAX_REPORTED} more`);
  throw AppError.badInput(`Nothing was imported: ${problems.length} bad ${what}.\n${lines.join('\n')}`);
}

/** RFC 4180 fields: quotes may wrap a field and double inside it. */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

export function parseDivisionsCsv(
  text: string,
  validFrom?: string,
): { rows: RegionWrite[]; problems: Problem[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '');
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (missing.length)
    return { rows: [], problems: [{ where: 'line 1', message: `missing columns: ${missing.join(', ')}` }] };
  const index = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof COLUMNS)[number],
    number
  >;

  const rows: RegionWrite[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  lines.slice(1).forEach((line, i) => {
    if (!line.trim()) return;
    const where = `line ${i + 2}`;
    const f = splitCsvLine(line);
    const [code, name, level, parentCode, urbanRuralCode] = COLUMNS.map((c) => f[index[c]] ?? '');
    const problem = checkRow({ code, name, level, parentCode, urbanRuralCode }, seen);
    if (problem) return problems.push({ where, message: problem });
    seen.add(code);
    rows.push({
      code,
      name,
      level: inferRegionLevel({ code, name, urbanRuralCode: urbanRuralCode || null }),
      parentCode: parentCode || null,
      urbanRuralCode: urbanRuralCode || null,
      validFrom: validFrom ?? null,
    });
  });
  return { rows, problems };
}

function checkRow(
  r: Record<'code' | 'name' | 'level' | 'parentCode' | 'urbanRuralCode', string>,
  seen: Set<string>,
) {
  if (!isValidDivisionCode(r.code)) return `code "${r.code}" is not a valid division code`;
  if (seen.has(r.code)) return `code ${r.code} appears twice`;
  if (!r.name || r.name.length > 100) return 'name must have 1 to 100 characters';
  const tier = CSV_LEVEL_TIER[r.level];
  if (!tier) return `level "${r.level}" is not one of ${Object.keys(CSV_LEVEL_TIER).join(', ')}`;
  if (divisionCodeTier(r.code) !== tier) return `code ${r.code} does not have the length of a ${r.level}`;
  const expectedParent = parentDivisionCode(r.code) ?? '';
  if (r.parentCode !== expectedParent)
    return `parent_code must be ${expectedParent || 'empty'} for code ${r.code}`;
  if (r.urbanRuralCode && (tier !== 'VILLAGE' || !/^[0-9]{3}$/.test(r.urbanRuralCode))) {
    return 'urban_rural_code must be 3 digits, on community and village rows only';
  }
  return null;
}

/**
 * Imports an official division list: all rows in one transaction or none. A re-import updates
 * names and adds what is new; rows that did not change are not touched.
 */
export async function importDivisions(
  ctx: RequestContext,
  csv: string,
  opts: { validFrom?: string } = {},
): Promise<WriteResult> {
  const { rows, problems } = parseDivisionsCsv(csv, opts.validFrom);
  if (!problems.length && !rows.length) problems.push({ where: 'file', message: 'no rows' });
  if (problems.length) fail('rows', problems);
  return ctx.db.transaction(async (manager) => {
    const inFile = new Set(rows.map((r) => r.code));
    const outside = [
      ...new Set(rows.map((r) => r.parentCode).filter((p): p is string => !!p && !inFile.has(p))),
    ];
    const found: { code: string }[] = outside.length
      ? await manager.query('SELECT code FROM region WHERE code = ANY($1)', [outside])
      : [];
    const known = new Set(found.map((f) => f.code));
    const orphans = rows.filter((r) => r.parentCode && !inFile.has(r.parentCode) && !known.has(r.parentCode));
    if (orphans.length) {
      fail(
        'rows',
        orphans.map((r) => ({
          where: `code ${r.code}`,
          message: `parent ${r.parentCode} is neither in the file nor in the database`,
        })),
      );
    }
    return writeRegions(manager, rows, 'upsert');
  });
}

type Position = [number, number];
type Geometry =
  { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

function isRing(ring: unknown): ring is Position[] {
  return (
    Array.isArray(ring) &&
    ring.length >= 4 &&
    ring.every(
      (p) => Array.isArray(p) && p.length >= 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n)),
    )
  );
}

function checkGeometry(g: unknown): Geometry | string {
  const geometry = g as { type?: string; coordinates?: unknown };
  if (
    geometry?.type === 'Polygon' &&
    Array.isArray(geometry.coordinates) &&
    geometry.coordinates.every(isRing)
  ) {
    return geometry as Geometry;
  }
  if (
    geometry?.type === 'MultiPolygon' &&
    Array.isArray(geometry.coordinates) &&
    geometry.coordinates.every((poly) => Array.isArray(poly) && poly.every(isRing))
  ) {
    return geometry as Geometry;
  }
  return 'geometry must be a Polygon or MultiPolygon with closed rings of [lng, lat] numbers';
}

function mapPositions(g: Geometry, fn: (p: Position) => Position): Geometry {
  const ring = (r: Position[]) => r.map(fn);
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(ring)) };
}

/** Area-weighted centroid of the outer rings (holes ignored: good enough to place a label or a pin). */
export function centroidOf(g: Geometry): Position {
  const outers = g.type === 'Polygon' ? [g.coordinates[0]] : g.coordinates.map((poly) => poly[0]);
  let area = 0;
  let x = 0;
  let y = 0;
  for (const ring of outers) {
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0, y0] = ring[i];
      const [x1, y1] = ring[i + 1];
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      x += (x0 + x1) * cross;
      y += (y0 + y1) * cross;
    }
  }
  return [x / (3 * area), y / (3 * area)];
}

/**
 * Imports boundary polygons by code (`properties.code`, else `properties.adcode`). Chinese sources
 * (DataV, AutoNavi) publish GCJ-02; we store WGS-84, so the default converts.
 */
export async function importBoundaries(
  ctx: RequestContext,
  json: string,
  opts: { crs?: 'gcj02' | 'wgs84' } = {},
): Promise<{ updated: number; unchanged: number }> {
  let collection: { type?: string; features?: unknown[] };
  try {
    collection = JSON.parse(json);
  } catch {
    throw AppError.badInput('Nothing was imported: the file is not valid JSON.');
  }
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw AppError.badInput('Nothing was imported: the file is not a GeoJSON FeatureCollection.');
  }
  const convert = opts.crs === 'wgs84' ? (p: Position) => p : (p: Position) => gcj02ToWgs84(p);
  const problems: Problem[] = [];
  const items: { code: string; boundary: Geometry; centroid: Position }[] = [];
  collection.features.forEach((f, i) => {
    const feature = f as { properties?: { code?: unknown; adcode?: unknown }; geometry?: unknown };
    const code = String(feature?.properties?.code ?? feature?.properties?.adcode ?? '');
    const where = `feature ${i + 1}${code ? ` (${code})` : ''}`;
    if (!isValidDivisionCode(code))
      return problems.push({ where, message: 'properties.code is not a valid division code' });
    const geometry = checkGeometry(feature.geometry);
    if (typeof geometry === 'string') return problems.push({ where, message: geometry });
    const boundary = mapPositions(geometry, (p) => convert([p[0], p[1]]));
    items.push({ code, boundary, centroid: centroidOf(boundary) });
  });
  if (problems.length) fail('features', problems);

  return ctx.db.transaction(async (manager) => {
    const codes = items.map((i) => i.code);
    const found: { code: string }[] = await manager.query('SELECT code FROM region WHERE code = ANY($1)', [
      codes,
    ]);
    const known = new Set(found.map((f) => f.code));
    const unknown = items.filter((i) => !known.has(i.code));
    if (unknown.length)
      fail(
        'features',
        unknown.map((i) => ({
          where: `code ${i.code}`,
          message: 'no region has this code; import the divisions first',
        })),
      );
    // A bare UPDATE … RETURNING comes back from TypeORM as [rows, count]; a CTE makes it a plain SELECT.
    const [{ updated }] = await manager.query(
      `WITH changed AS (
         UPDATE region r SET boundary = t.boundary, centroid_lng = t.lng, centroid_lat = t.lat, updated_at = now()
         FROM unnest($1::varchar[], $2::jsonb[], $3::float8[], $4::float8[]) AS t(code, boundary, lng, lat)
         WHERE r.code = t.code
           AND (r.boundary, r.centroid_lng, r.centroid_lat) IS DISTINCT FROM (t.boundary, t.lng, t.lat)
         RETURNING r.code)
       SELECT count(*)::int AS updated FROM changed`,
      [
        codes,
        items.map((i) => JSON.stringify(i.boundary)),
        items.map((i) => i.centroid[0]),
        items.map((i) => i.centroid[1]),
      ],
    );
    return { updated, unchanged: items.length - updated };
  });
}
