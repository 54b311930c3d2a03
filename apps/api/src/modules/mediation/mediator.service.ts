import type { EntityManager } from 'typeorm';
import { inScope } from '../../common/authz';
import type { RequestContext } from '../../server/context';
import type { Mediator } from './mediator.types';

export const MEDIATOR_COLUMNS = `md.id, md.name, md.employment, md.specialities, md.qualifications, md.trainings,
  md.phone_masked AS phone, md.region_code AS "regionCode", md.active, md.version, md.user_id AS "userId",
  md.created_at AS "createdAt", md.updated_at AS "updatedAt"`;

/** Mediators are people: every read runs inside the caller's scope (row-level security). */
export class MediatorService {
  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<Mediator[]> {
    return inScope(ctx, (m) =>
      m.query(`SELECT ${MEDIATOR_COLUMNS} FROM mediator md WHERE md.id::text = ANY($1)`, [ids]),
    );
  }

  /**
   * Whether a mediator may take a case handled by an organisation: active, visible to the caller, and a
   * member of that organisation or of one inside its region (a township centre draws on its villages' mediators).
   */
  async mayHandle(m: EntityManager, mediatorId: string, organizationPath: string, organizationId: string) {
    const [row] = await m.query(
      `SELECT 1 FROM mediator md
       JOIN mediator_membership mm ON mm.mediator_id = md.id
       JOIN mediation_organization o ON o.id = mm.organization_id
       WHERE md.id::text = $1 AND md.active AND (o.id::text = $3 OR o.region_path <@ $2::ltree) LIMIT 1`,
      [mediatorId, organizationPath, organizationId],
    );
    return Boolean(row);
  }
}
