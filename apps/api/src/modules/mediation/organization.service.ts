import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../server/context';
import { inScope } from '../../common/authz';
import type { MediationOrganization } from './organization.types';

export const ORGANIZATION_COLUMNS = `o.id, o.kind, o.industry, o.name, o.region_code AS "regionCode",
  o.partner_university AS "partnerUniversity", o.version, o.created_at AS "createdAt", o.updated_at AS "updatedAt"`;

export type OrganizationRow = MediationOrganization & { path: string };

/** Mediation organisations: reference data, read by any signed-in caller. */
export class OrganizationService {
  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<MediationOrganization[]> {
    return inScope(ctx, (m) =>
      m.query(`SELECT ${ORGANIZATION_COLUMNS} FROM mediation_organization o WHERE o.id::text = ANY($1)`, [
        ids,
      ]),
    );
  }

  /** One organisation with its region path, inside a command's transaction. */
  async byId(m: EntityManager, id: string): Promise<OrganizationRow | null> {
    const [row] = await m.query(
      `SELECT ${ORGANIZATION_COLUMNS}, o.region_path::text AS path FROM mediation_organization o WHERE o.id::text = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The people's mediation committee nearest above (or at) a place: who takes a new case by default. */
  async committeeCovering(m: EntityManager, regionPath: string): Promise<OrganizationRow | null> {
    const [row] = await m.query(
      `SELECT ${ORGANIZATION_COLUMNS}, o.region_path::text AS path FROM mediation_organization o
       WHERE o.kind = 'PEOPLES_COMMITTEE' AND o.region_path @> $1::ltree
       ORDER BY nlevel(o.region_path) DESC, o.name LIMIT 1`,
      [regionPath],
    );
    return row ?? null;
  }

  /** The coordination centre nearest above a place: where high-risk cases are flagged. */
  async centreCovering(m: EntityManager, regionPath: string): Promise<OrganizationRow | null> {
    const [row] = await m.query(
      `SELECT ${ORGANIZATION_COLUMNS}, o.region_path::text AS path FROM mediation_organization o
       WHERE o.kind = 'COORDINATION_CENTRE' AND o.region_path @> $1::ltree
       ORDER BY nlevel(o.region_path) DESC, o.name LIMIT 1`,
      [regionPath],
    );
    return row ?? null;
  }
}
