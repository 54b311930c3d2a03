import { MAX_NEARBY_RADIUS_M } from '@qiangji/domain';
import { AppError } from '../../common/app-error';
import { atomically, requireAction, requirePrincipal, scopePath, unscoped } from '../../common/authz';
import { listPage, SortDirection, type ListQuery, type PageArgs } from '../../common/connection';
import { checkText, Where } from '../../common/sql';
import type { RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import type { CommunityService } from './community.service';
import type { CreatePointOfInterestInput, NearbyArgs, NearbyPoint, PointOfInterest } from './poi.types';

const COLUMNS = `p.id, p.category, p.name, p.address, json_build_object('lat', p.lat, 'lng', p.lng) AS location,
  p.opening_hours AS "openingHours", p.region_code AS "regionCode"`;
const RETURNING = COLUMNS.replaceAll('p.', 'point_of_interest.');

/** The mean Earth radius (IUGG), in metres. */
const EARTH_RADIUS_M = 6_371_008.8;
const METRES_PER_DEGREE = (EARTH_RADIUS_M * Math.PI) / 180;

/** The haversine distance in metres from (`lat`, `lng`) placeholders to the row `p`, in SQL. */
const distanceSql = (lat: string, lng: string) =>
  `(2 * ${EARTH_RADIUS_M} * asin(sqrt(power(sin(radians(p.lat - ${lat}) / 2), 2)
     + cos(radians(${lat})) * cos(radians(p.lat)) * power(sin(radians(p.lng - ${lng}) / 2), 2))))`;

/** Points of interest and the 1,000-metre convenience map (public information). */
export class PointOfInterestService {
  constructor(
    private readonly audit: AuditService,
    private readonly communities: CommunityService,
  ) {}

  /**
   * Points within the radius, nearest first: a bounding box on the GiST index of `location` narrows the rows
   * (never a scan of every point), then the exact great-circle distance filters and orders them.
   */
  async nearby(ctx: RequestContext, args: NearbyArgs) {
    return listPage(unscoped(ctx), { ...(await this.nearbyQuery(ctx, args)), args: args as PageArgs });
  }

  /** The rows `nearby` (or its export) selects: its arguments but the page's. */
  async nearbyQuery(
    ctx: RequestContext,
    args: Omit<NearbyArgs, keyof PageArgs>,
  ): Promise<ListQuery<NearbyPoint>> {
    requirePrincipal(ctx);
    const radius = args.radiusMeters;
    if (!Number.isInteger(radius) || radius < 1 || radius > MAX_NEARBY_RADIUS_M)
      throw AppError.badInput(`radiusMeters is 1 to ${MAX_NEARBY_RADIUS_M}.`, 'radiusMeters');
    const { lat, lng } = await this.centre(ctx, args);
    const dLat = (radius / METRES_PER_DEGREE) * 1.01;
    const dLng = dLat / Math.max(Math.cos((lat * Math.PI) / 180), 0.01);
    const where = new Where();
    const [pLat, pLng] = [where.param(lat, 'float8'), where.param(lng, 'float8')];
    const distance = distanceSql(pLat, pLng);
    where
      .add(
        `p.location <@ box(point(${where.param(lng - dLng, 'float8')}, ${where.param(lat - dLat, 'float8')}),
          point(${where.param(lng + dLng, 'float8')}, ${where.param(lat + dLat, 'float8')}))`,
      )
      .add(`${distance} <= ${where.param(radius, 'float8')}`)
      .anyOf('p.category', args.categories);
    return {
      from: 'point_of_interest p',
      columns: `${COLUMNS}, ${distance} AS "distanceMeters"`,
      where,
      sort: {
        key: `DISTANCE:${lat},${lng}`,
        expr: distance,
        idExpr: 'p.id',
        direction: SortDirection.ASC,
        value: (p) => p.distanceMeters,
        id: (p) => p.id,
      },
    };
  }

  private async centre(
    ctx: RequestContext,
    args: Omit<NearbyArgs, keyof PageArgs>,
  ): Promise<{ lat: number; lng: number }> {
    if (args.at) {
      if (Math.abs(args.at.lat) > 90 || Math.abs(args.at.lng) > 180)
        throw AppError.badInput('`at` is not a latitude and longitude.', 'at');
      return args.at;
    }
    if (!args.communityCode) throw AppError.badInput('Give communityCode or at.', 'communityCode');
    const [profile] = await this.communities.findByCodes(ctx, [args.communityCode]);
    if (profile?.location) return profile.location;
    const region = await ctx.services.region.get(ctx, args.communityCode);
    if (region?.centroidLat == null || region.centroidLng == null)
      throw AppError.badInput('That community has no location; give at.', 'communityCode');
    return { lat: region.centroidLat, lng: region.centroidLng };
  }

  async create(ctx: RequestContext, input: CreatePointOfInterestInput): Promise<PointOfInterest> {
    requireAction(ctx, 'service:manage');
    const path = await scopePath(ctx, input.regionCode);
    const name = checkText(input.name, 'name', 100);
    const { lat, lng } = input.location;
    if (Math.abs(lat) > 90 || Math.abs(lng) > 180)
      throw AppError.badInput('The location is not a latitude and longitude.', 'location');
    return atomically(ctx, async (m) => {
      const [created]: PointOfInterest[] = await m.query(
        `INSERT INTO point_of_interest (category, name, address, lat, lng, opening_hours, region_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${RETURNING}`,
        [input.category, name, input.address.trim(), lat, lng, input.openingHours.trim(), input.regionCode],
      );
      await this.audit.record(ctx, m, {
        action: 'pointOfInterest.create',
        entityType: 'PointOfInterest',
        entityId: created.id,
        changes: { name: { new: name }, category: { new: input.category } },
        regionPath: path,
      });
      return created;
    });
  }
}
