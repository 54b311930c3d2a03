import {
  cadreVisitTarget,
  maskPhone,
  POSTING_MACHINE,
  type PostingCommandDetails,
  type PostingState,
} from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { atomically, inScope, requireAction, scopePath, scoped } from '../../common/authz';
import { lockedRow, runCommand, type CommandTarget } from '../../common/command';
import { listPage, orderedQuery, SortDirection } from '../../common/connection';
import type { ListQuery, PageArgs } from '../../common/connection';
import { idempotency, insertOnce } from '../../common/idempotency';
import { parseId } from '../../common/ids';
import type { PersonalDataCipher } from '../../common/personal-data';
import { checkText, isoDay, optionalPhone, pastDay, Where } from '../../common/sql';
import type { RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import type {
  EndPostingInput,
  Posting,
  PostingFilter,
  RegisterStationedCadreInput,
  StartPostingInput,
  StationedCadre,
  StationedCadreFilter,
} from './unit.types';
import { villagePath } from './village-place';
import { belowTargetSql } from './visit.sql';
import type { WorkUnitService } from './work-unit.service';

/** Only the masked phone leaves the table. */
const CADRE_COLUMNS = `k.id, k.name, k.phone_masked AS phone, k.work_unit_id AS "workUnitId",
  k.region_code AS "regionCode", k.user_id AS "userId", k.user_id IS NOT NULL AS "hasAccount", k.version,
  k.created_at AS "createdAt"`;
export const POSTING_COLUMNS = `p.id, p.cadre_id AS "cadreId", p.cadre_name AS "cadreName",
  p.work_unit_id AS "workUnitId", p.region_code AS "regionCode", p.role, p.state, p.starts_on::text AS "startsOn",
  p.ends_on::text AS "endsOn", p.handover_note AS "handoverNote", p.previous_posting_id AS "previousPostingId",
  p.version`;

type PostingRow = Posting & { path: string };

/** Stationed cadres (驻村干部) and their postings (驻村): one active posting per cadre. */
export class CadreService {
  private readonly posting: CommandTarget<PostingState, PostingCommandDetails, PostingRow> = {
    ref: { table: 'posting', label: 'Posting' },
    entityType: 'Posting',
    auditPrefix: 'posting',
    machine: POSTING_MACHINE,
    returning: POSTING_COLUMNS.replaceAll('p.', ''),
    load: lockedRow('posting', 'p', POSTING_COLUMNS),
  };

  constructor(
    private readonly audit: AuditService,
    private readonly cipher: PersonalDataCipher,
    private readonly units: WorkUnitService,
  ) {}

  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<StationedCadre[]> {
    return inScope(ctx, (m) =>
      m.query(`SELECT ${CADRE_COLUMNS} FROM stationed_cadre k WHERE k.id = ANY($1::uuid[])`, [ids]),
    );
  }

  async get(ctx: RequestContext, id: string): Promise<StationedCadre> {
    requireAction(ctx, 'village:read');
    const [cadre] = await this.findByIds(ctx, [parseId(id, 'id')]);
    if (!cadre) throw AppError.notFound(`Stationed cadre ${id} was not found.`);
    return cadre;
  }

  async list(ctx: RequestContext, filter: StationedCadreFilter | null | undefined, args: PageArgs) {
    return listPage(scoped(ctx), { ...(await this.listQuery(ctx, filter)), args });
  }

  /** The rows the list (or its export) selects. */
  async listQuery(
    ctx: RequestContext,
    filter: StationedCadreFilter | null | undefined,
  ): Promise<ListQuery<StationedCadre>> {
    requireAction(ctx, 'village:read');
    const path = await scopePath(ctx, filter?.regionCode);
    const where = new Where()
      .subtree('k.region_path', path)
      .id('k.work_unit_id', filter?.workUnitId, 'workUnitId')
      .contains(['k.name'], filter?.q);
    const [from, to] = [filter?.belowVisitTargetFrom, filter?.belowVisitTargetTo];
    if (from != null || to != null) {
      if (from == null || to == null)
        throw AppError.badInput(
          'belowVisitTargetFrom and belowVisitTargetTo go together.',
          'belowVisitTargetTo',
        );
      const [f, t] = [isoDay(from), isoDay(to)];
      where.add(`k.id IN (${belowTargetSql(where, path, f, t, cadreVisitTarget(f, t))})`);
    }
    return orderedQuery<StationedCadre>(['NAME', 'name'], {
      from: 'stationed_cadre k',
      columns: CADRE_COLUMNS,
      where,
    });
  }

  async register(ctx: RequestContext, input: RegisterStationedCadreInput): Promise<StationedCadre> {
    const principal = requireAction(ctx, 'village:write');
    const path = await scopePath(ctx, input.regionCode);
    const name = checkText(input.name, 'name', 50);
    const workUnitId = parseId(input.workUnitId, 'workUnitId');
    const userId = input.userId == null ? null : parseId(input.userId, 'userId');
    const phone = optionalPhone(input.phone);
    const idem = idempotency(principal, input);
    return atomically(ctx, async (m) => {
      await this.units.byId(m, workUnitId, 'workUnitId');
      if (userId && !(await ctx.services.users.isActiveWithRole(m, userId, 'STATIONED_CADRE', path)))
        throw AppError.badInput(
          'That account is not an enabled STATIONED_CADRE account of the region.',
          'userId',
        );
      const { row: created, replayed } = await insertOnce<StationedCadre>(
        m,
        { table: 'stationed_cadre', alias: 'k', columns: CADRE_COLUMNS },
        {
          name,
          phone_encrypted: phone && this.cipher.encrypt(phone),
          phone_masked: phone && maskPhone(phone),
          user_id: userId,
          work_unit_id: workUnitId,
          region_code: input.regionCode,
        },
        idem,
      );
      if (replayed) return created;
      await this.audit.record(ctx, m, {
        action: 'stationedCadre.register',
        entityType: 'StationedCadre',
        entityId: created.id,
        changes: {
          name: { new: name },
          phone: { new: created.phone },
          workUnitId: { new: workUnitId },
          userId: { new: userId },
        },
        regionPath: path,
      });
      return created;
    });
  }

  findPostingsByIds(ctx: RequestContext, ids: readonly string[]): Promise<Posting[]> {
    return inScope(ctx, (m) =>
      m.query(`SELECT ${POSTING_COLUMNS} FROM posting p WHERE p.id = ANY($1::uuid[])`, [ids]),
    );
  }

  postingsOfCadres(ctx: RequestContext, cadreIds: readonly string[]): Promise<Posting[]> {
    return inScope(ctx, (m) =>
      m.query(
        `SELECT ${POSTING_COLUMNS} FROM posting p WHERE p.cadre_id = ANY($1::uuid[]) ORDER BY p.starts_on DESC, p.id`,
        [cadreIds],
      ),
    );
  }

  /** The postings of villages, newest first: a village page's cadres. */
  postingsInVillages(ctx: RequestContext, codes: readonly string[]): Promise<Posting[]> {
    return inScope(ctx, (m) =>
      m.query(
        `SELECT ${POSTING_COLUMNS} FROM posting p WHERE p.region_code = ANY($1) ORDER BY p.starts_on DESC, p.id`,
        [codes],
      ),
    );
  }

  async getPosting(ctx: RequestContext, id: string): Promise<Posting> {
    requireAction(ctx, 'village:read');
    const [posting] = await this.findPostingsByIds(ctx, [parseId(id, 'id')]);
    if (!posting) throw AppError.notFound(`Posting ${id} was not found.`);
    return posting;
  }

  /** Newest first. */
  async postings(ctx: RequestContext, filter: PostingFilter | null | undefined, args: PageArgs) {
    return listPage(scoped(ctx), { ...(await this.postingQuery(ctx, filter)), args });
  }

  async postingQuery(
    ctx: RequestContext,
    filter: PostingFilter | null | undefined,
  ): Promise<ListQuery<Posting>> {
    requireAction(ctx, 'village:read');
    const where = new Where()
      .subtree('p.region_path', await scopePath(ctx, filter?.regionCode))
      .id('p.cadre_id', filter?.cadreId, 'cadreId')
      .id('p.work_unit_id', filter?.workUnitId, 'workUnitId')
      .anyOf('p.state', filter?.state);
    return orderedQuery<Posting>(['STARTS_ON', 'startsOn', SortDirection.DESC], {
      from: 'posting p',
      columns: POSTING_COLUMNS,
      where,
    });
  }

  /** The caller's own postings, when the caller's account is a stationed cadre's: its phone's start page. */
  async mine(ctx: RequestContext): Promise<Posting[]> {
    const principal = requireAction(ctx, 'village:read');
    return inScope(ctx, (m) =>
      m.query(
        `SELECT ${POSTING_COLUMNS} FROM posting p JOIN stationed_cadre k ON k.id = p.cadre_id
         WHERE k.user_id = $1::uuid ORDER BY p.state, p.starts_on DESC, p.id`,
        [principal.id],
      ),
    );
  }

  /**
   * Posts a cadre to a village, which moves the cadre's record there. The posting takes over from the village's
   * last posting that ended before it starts (or the one named), so the next cadre inherits its handover note, visits and open
   * assistance. A cadre with an active posting is CONFLICT: end it first.
   */
  async startPosting(ctx: RequestContext, input: StartPostingInput): Promise<Posting> {
    requireAction(ctx, 'village:write');
    const path = await villagePath(ctx, input.villageCode, 'villageCode');
    const cadreId = parseId(input.cadreId, 'cadreId');
    const startsOn = isoDay(input.startsOn);
    const previousId =
      input.previousPostingId == null ? null : parseId(input.previousPostingId, 'previousPostingId');
    return atomically(ctx, async (m) => {
      const [cadre] = await m.query(
        `SELECT id, name, work_unit_id AS "workUnitId" FROM stationed_cadre WHERE id = $1 FOR UPDATE`,
        [cadreId],
      );
      if (!cadre) throw AppError.badInput(`Stationed cadre ${cadreId} was not found.`, 'cadreId');
      const workUnitId =
        input.workUnitId == null ? cadre.workUnitId : parseId(input.workUnitId, 'workUnitId');
      await this.units.byId(m, workUnitId, 'workUnitId');
      const [active] = await m.query(`SELECT 1 FROM posting WHERE cadre_id = $1 AND state = 'ACTIVE'`, [
        cadreId,
      ]);
      if (active) throw new AppError('CONFLICT', 'The cadre has an active posting; end it first.');
      const previous = await this.previousPosting(m, input.villageCode, previousId, startsOn);
      const [created]: Posting[] = await m.query(
        `WITH moved AS (
           UPDATE stationed_cadre SET region_code = $4, version = version + 1, updated_at = now()
           WHERE id = $1 AND region_code <> $4 RETURNING id
         )
         INSERT INTO posting (cadre_id, cadre_name, work_unit_id, region_code, role, state, starts_on,
           previous_posting_id)
         VALUES ($1, $2, $3, $4, $5, 'ACTIVE', $6, $7) RETURNING ${POSTING_COLUMNS.replaceAll('p.', '')}`,
        [cadreId, cadre.name, workUnitId, input.villageCode, input.role, startsOn, previous?.id ?? null],
      );
      await this.audit.record(ctx, m, {
        action: 'posting.start',
        entityType: 'Posting',
        entityId: created.id,
        changes: {
          cadreId: { new: cadreId },
          villageCode: { new: input.villageCode },
          role: { new: input.role },
          startsOn: { new: startsOn },
          previousPostingId: { new: created.previousPostingId },
        },
        regionPath: path,
      });
      return created;
    });
  }

  /** The named ended posting of the village, else the last one that ended before this one starts. */
  private async previousPosting(m: EntityManager, villageCode: string, id: string | null, startsOn: string) {
    const [row]: { id: string }[] = await m.query(
      `SELECT id FROM posting
       WHERE region_code = $1 AND state = 'ENDED' AND (CASE WHEN $2::uuid IS NULL THEN ends_on < $3::date ELSE id = $2::uuid END)
       ORDER BY ends_on DESC, id DESC LIMIT 1`,
      [villageCode, id, startsOn],
    );
    if (id && !row)
      throw AppError.badInput('That is not an ended posting of the village.', 'previousPostingId');
    return row ?? null;
  }

  /** ACTIVE → ENDED, with the handover note the next cadre reads. */
  endPosting(ctx: RequestContext, input: EndPostingInput): Promise<Posting> {
    requireAction(ctx, 'village:write');
    const endsOn = pastDay(input.endsOn, 'endsOn');
    const handoverNote = checkText(input.handoverNote, 'handoverNote', 5000, 2);
    return runCommand(ctx, this.posting, input, 'end', (p) => {
      if (endsOn < p.startsOn) throw AppError.badInput('endsOn is before the posting started.', 'endsOn');
      return { set: { ends_on: endsOn, handover_note: handoverNote }, details: { endsOn, handoverNote } };
    });
  }

  /**
   * The posting a visit or an assistance in the village of `householdPath` is logged under: the one named, else
   * the caller's own active posting there. It must be active and hold the household's village; a cadre (who
   * keeps no office) logs under its own postings only, an office under any of its jurisdiction.
   */
  async activePostingFor(
    ctx: RequestContext,
    m: EntityManager,
    householdPath: string,
    postingId: string | null,
  ): Promise<PostingRow> {
    const ownOnly = postingId == null || !ctx.principal!.actions.has('village:write');
    const [posting]: PostingRow[] = await m.query(
      `SELECT ${POSTING_COLUMNS}, p.region_path::text AS path FROM posting p
       LEFT JOIN stationed_cadre k ON k.id = p.cadre_id
       WHERE p.state = 'ACTIVE' AND $1::ltree <@ p.region_path AND ($2::uuid IS NULL OR p.id = $2::uuid)
         AND (NOT $4 OR k.user_id = $3::uuid)
       ORDER BY p.starts_on DESC LIMIT 1`,
      [householdPath, postingId, ctx.principal!.id, ownOnly],
    );
    if (!posting)
      throw AppError.badInput(
        postingId
          ? 'That posting is not active in the village of the household.'
          : 'You have no active posting in the village of the household.',
        postingId ? 'postingId' : 'householdId',
      );
    return posting;
  }
}
