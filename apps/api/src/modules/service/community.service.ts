import {
  CENTRAL_COMMUNITY_MIN_AREA_M2,
  COMMUNITY_FUNCTIONS,
  normalizePhone,
  type CommunityFunction,
} from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { statsRange } from '../../common/cohort-stats';
import {
  atomically,
  inScope,
  requireAction,
  requirePrincipal,
  scopePath,
  unscoped,
} from '../../common/authz';
import { listPage, SortDirection, fixedSort, type ListQuery, type PageArgs } from '../../common/connection';
import { DAY_AFTER, DAY_START, Patch, versionedUpdate, Where } from '../../common/sql';
import type { RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import type {
  CommunityProfile,
  CommunityProfileFilter,
  CommunityStats,
  SaveCommunityProfileInput,
} from './community.types';

export const PROFILE_COLUMNS = `p.region_code AS id, p.region_code AS "regionCode", p.kind, p.central_code AS "centralCode",
  p.service_area_m2 AS "serviceAreaM2", p.functions, p.opening_hours AS "openingHours", p.office_phone AS "officePhone",
  CASE WHEN p.lat IS NULL THEN NULL ELSE json_build_object('lat', p.lat, 'lng', p.lng) END AS location,
  p.version, p.updated_at AS "updatedAt"`;
const RETURNING = PROFILE_COLUMNS.replaceAll('p.', 'community_profile.');
const PROFILE = { table: 'community_profile', label: 'Community profile' };

/** The row as a command locks it: `id` is the table's own key here, not the code the API calls its id. */
type ProfileRow = { id: string; kind: string; version: number };

/** Community profiles (public information) and the central communities' statistics. */
export class CommunityService {
  constructor(private readonly audit: AuditService) {}

  findByCodes(ctx: RequestContext, codes: readonly string[]): Promise<CommunityProfile[]> {
    return unscoped(ctx)((q) =>
      q.query(`SELECT ${PROFILE_COLUMNS} FROM community_profile p WHERE p.region_code = ANY($1::varchar[])`, [
        codes,
      ]),
    );
  }

  satellitesOf(ctx: RequestContext, centralCodes: readonly string[]): Promise<CommunityProfile[]> {
    return unscoped(ctx)((q) =>
      q.query(
        `SELECT ${PROFILE_COLUMNS} FROM community_profile p WHERE p.central_code = ANY($1::varchar[])
         ORDER BY p.region_code`,
        [centralCodes],
      ),
    );
  }

  async get(ctx: RequestContext, regionCode: string): Promise<CommunityProfile> {
    requirePrincipal(ctx);
    const [profile] = await this.findByCodes(ctx, [regionCode]);
    if (!profile) throw AppError.notFound(`Community ${regionCode} has no profile.`);
    return profile;
  }

  /** Any signed-in caller reads profiles anywhere (they are posted at the door); the region filter is the subtree. */
  async list(ctx: RequestContext, filter: CommunityProfileFilter | null | undefined, args: PageArgs) {
    return listPage(unscoped(ctx), { ...(await this.listQuery(ctx, filter)), args });
  }

  /** The rows the list (or its export) selects. */
  async listQuery(
    ctx: RequestContext,
    filter: CommunityProfileFilter | null | undefined,
  ): Promise<ListQuery<CommunityProfile>> {
    requirePrincipal(ctx);
    const where = new Where().anyOf('p.kind', filter?.kind);
    if (filter?.regionCode) where.subtree('p.region_path', await this.pathOf(ctx, filter.regionCode));
    if (filter?.centralCode) where.add(`p.central_code = ${where.param(filter.centralCode)}`);
    return {
      from: 'community_profile p',
      columns: PROFILE_COLUMNS,
      where,
      sort: fixedSort(
        'REGION_CODE',
        { expr: 'p.region_code', value: (p) => p.regionCode, direction: SortDirection.ASC },
        { expr: 'p.region_code', of: (p) => p.regionCode },
      ),
    };
  }

  /** A region's path for reading public information: any region of the tree, not only the caller's. */
  async pathOf(ctx: RequestContext, regionCode: string, field = 'regionCode'): Promise<string> {
    const [region] = await ctx.services.region.pathsOf(ctx, [regionCode]);
    if (!region) throw AppError.badInput(`Region ${regionCode} does not exist.`, field);
    return region.path;
  }

  async save(ctx: RequestContext, input: SaveCommunityProfileInput): Promise<CommunityProfile> {
    requireAction(ctx, 'service:manage');
    const path = await scopePath(ctx, input.regionCode);
    const region = await ctx.services.region.get(ctx, input.regionCode);
    if (region?.level !== 'COMMUNITY') throw AppError.badInput('A profile is for a community.', 'regionCode');
    const values = checkProfile(input);
    return atomically(ctx, async (m) => {
      if (values.central_code) await this.requireCentral(m, values.central_code);
      const existing = await this.locked(m, input.regionCode);
      if (input.kind === 'ORDINARY' && existing?.kind === 'CENTRAL') {
        const [{ n }] = await m.query(
          `SELECT count(*)::int AS n FROM community_profile WHERE central_code = $1`,
          [input.regionCode],
        );
        if (n > 0) throw AppError.badInput('The community still serves satellites; move them first.', 'kind');
      }
      const saved =
        input.expectedVersion == null
          ? await this.insert(m, input.regionCode, values)
          : await this.update(m, existing, input.regionCode, input.expectedVersion, values);
      await this.audit.record(ctx, m, {
        action: input.expectedVersion == null ? 'communityProfile.create' : 'communityProfile.update',
        entityType: 'CommunityProfile',
        entityId: existing?.id ?? null,
        changes: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { new: v }])),
        regionPath: path,
      });
      return saved;
    });
  }

  private async locked(m: EntityManager, regionCode: string): Promise<ProfileRow | undefined> {
    const [row] = await m.query(
      `SELECT p.id, p.kind, p.version FROM community_profile p WHERE p.region_code = $1 FOR UPDATE`,
      [regionCode],
    );
    return row;
  }

  private async requireCentral(m: EntityManager, code: string) {
    const [central] = await m.query(`SELECT kind FROM community_profile WHERE region_code = $1`, [code]);
    if (central?.kind !== 'CENTRAL')
      throw AppError.badInput(`${code} is not a central community.`, 'centralCode');
  }

  private async insert(m: EntityManager, regionCode: string, v: ProfileValues): Promise<CommunityProfile> {
    const [created] = await m.query(
      `INSERT INTO community_profile (region_code, kind, central_code, service_area_m2, functions, opening_hours,
         office_phone, lat, lng)
       VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9) ON CONFLICT (region_code) DO NOTHING RETURNING ${RETURNING}`,
      [
        regionCode,
        v.kind,
        v.central_code,
        v.service_area_m2,
        v.functions,
        v.opening_hours,
        v.office_phone,
        v.lat,
        v.lng,
      ],
    );
    if (!created) throw new AppError('CONFLICT', 'The community has a profile; update it with its version.');
    return created;
  }

  private async update(
    m: EntityManager,
    existing: ProfileRow | undefined,
    regionCode: string,
    expectedVersion: number,
    v: ProfileValues,
  ): Promise<CommunityProfile> {
    if (!existing) throw AppError.notFound(`Community ${regionCode} has no profile.`);
    const patch = new Patch();
    for (const [column, value] of Object.entries(v)) patch.set(column, value);
    return versionedUpdate<CommunityProfile>(m, PROFILE, existing.id, expectedVersion, patch, RETURNING);
  }

  /**
   * communityStats: the central communities of a subtree with their satellites, the people they cover (the
   * regions' population), the functions they offer and the applications completed at them in the period, in
   * one statement; the per-community rows add up to the totals (GROUPING SETS).
   */
  async stats(
    ctx: RequestContext,
    regionCode: string,
    fromValue: Date | string,
    toValue: Date | string,
  ): Promise<CommunityStats> {
    const range = await statsRange(ctx, 'service:read', regionCode, fromValue, toValue);
    const { path, from, to } = range;
    const rows: {
      g: number;
      regionCode: string | null;
      centrals: number;
      satellites: number;
      communities: string[];
      applicationsHandled: number;
      functions: CommunityFunction[] | null;
      functionCounts: Record<string, number> | null;
    }[] = await inScope(ctx, (m) =>
      m.query(
        `WITH centrals AS (
           SELECT p.region_code, p.functions FROM community_profile p
           WHERE p.kind = 'CENTRAL' AND p.region_path <@ $1::ltree
         ),
         served AS (
           SELECT c.region_code AS central, c.region_code AS community FROM centrals c
           UNION ALL
           SELECT s.central_code, s.region_code FROM community_profile s JOIN centrals c ON c.region_code = s.central_code
         ),
         handled AS (
           SELECT a.region_code, count(*)::int AS n FROM service_application a
           WHERE a.region_code IN (SELECT community FROM served) AND a.state = 'COMPLETED'
             AND a.completed_at >= ${DAY_START('$2')} AND a.completed_at < ${DAY_AFTER('$3')}
           GROUP BY a.region_code
         )
         SELECT GROUPING(s.central)::int AS g, s.central AS "regionCode",
           count(DISTINCT s.central)::int AS centrals,
           count(*) FILTER (WHERE s.community <> s.central)::int AS satellites,
           array_agg(s.community) AS communities,
           coalesce(sum(h.n), 0)::int AS "applicationsHandled",
           CASE WHEN GROUPING(s.central) = 0
             THEN (SELECT c.functions FROM centrals c WHERE c.region_code = s.central) END AS functions,
           CASE WHEN GROUPING(s.central) = 1 THEN (
             SELECT jsonb_object_agg(f, n) FROM (
               SELECT unnest(c.functions) AS f, count(*)::int AS n FROM centrals c GROUP BY 1) x) END AS "functionCounts"
         FROM served s LEFT JOIN handled h ON h.region_code = s.community
         GROUP BY GROUPING SETS ((), (s.central))`,
        [path, from, to],
      ),
    );
    // The people covered are the served regions' population, from the region tree in memory.
    const regions = await ctx.services.region.findByCodes(ctx, [
      ...new Set(rows.flatMap((r) => r.communities)),
    ]);
    const population = new Map(regions.map((r) => [r.code, r.population ?? 0]));
    const covered = (communities: string[]) => communities.reduce((n, c) => n + (population.get(c) ?? 0), 0);
    const total = rows.find((r) => r.g === 1) ?? {
      centrals: 0,
      satellites: 0,
      communities: [],
      applicationsHandled: 0,
      functionCounts: null,
    };
    const counts = total.functionCounts ?? {};
    return {
      regionCode,
      from,
      to,
      centralCommunities: total.centrals,
      satellites: total.satellites,
      residentsCovered: covered(total.communities),
      applicationsHandled: total.applicationsHandled,
      functionsOffered: COMMUNITY_FUNCTIONS.filter((f) => counts[f]).map((f) => ({
        function: f,
        communities: counts[f],
      })),
      byCentralCommunity: rows
        .filter((r) => r.g === 0)
        .sort((a, b) => a.regionCode!.localeCompare(b.regionCode!))
        .map((r) => ({
          regionCode: r.regionCode!,
          satellites: r.satellites,
          residentsCovered: covered(r.communities),
          applicationsHandled: r.applicationsHandled,
          functions: r.functions ?? [],
        })),
    };
  }
}

interface ProfileValues {
  kind: string;
  central_code: string | null;
  service_area_m2: number | null;
  functions: CommunityFunction[];
  opening_hours: string;
  office_phone: string | null;
  lat: number | null;
  lng: number | null;
}

function checkProfile(input: SaveCommunityProfileInput): ProfileValues {
  const central = input.kind === 'CENTRAL';
  if (central && input.centralCode)
    throw AppError.badInput('A central community belongs to none.', 'centralCode');
  if (input.centralCode === input.regionCode)
    throw AppError.badInput('A community cannot be its own central community.', 'centralCode');
  const area = input.serviceAreaM2 ?? null;
  if (area != null && (!Number.isInteger(area) || area < 0 || area > 1_000_000))
    throw AppError.badInput('serviceAreaM2 is whole square metres.', 'serviceAreaM2');
  if (central && (area ?? 0) < CENTRAL_COMMUNITY_MIN_AREA_M2)
    throw AppError.badInput(
      `A central community has at least ${CENTRAL_COMMUNITY_MIN_AREA_M2} m² of service rooms.`,
      'serviceAreaM2',
    );
  const phone = input.officePhone?.trim() ? normalizePhone(input.officePhone) : null;
  if (input.officePhone?.trim() && !phone)
    throw AppError.badInput('officePhone is not a phone number.', 'officePhone');
  const hours = input.openingHours.trim();
  if (hours.length > 200) throw AppError.badInput('openingHours has at most 200 characters.', 'openingHours');
  const { lat, lng } = input.location ?? { lat: null, lng: null };
  if (lat != null && (Math.abs(lat) > 90 || Math.abs(lng!) > 180))
    throw AppError.badInput('The location is not a latitude and longitude.', 'location');
  return {
    kind: input.kind,
    central_code: input.centralCode ?? null,
    service_area_m2: area,
    functions: [...new Set(input.functions)],
    opening_hours: hours,
    office_phone: phone,
    lat,
    lng,
  };
}
