import {
  ID_NUMBER_LOOKUPS_PER_HOUR,
  MAX_PURPOSE_LENGTH,
  maskIdNumber,
  maskPhone,
  MIN_PURPOSE_LENGTH,
  validateIdNumber,
  type ResidentTag,
} from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { atomically, inScope, requireAction, scopePath, scoped } from '../../common/authz';
import { listPage, sortBy, type ListQuery, type PageArgs, type SortField } from '../../common/connection';
import type { PersonalDataCipher } from '../../common/personal-data';
import { parseId } from '../../common/ids';
import { editTarget, saveEdit } from '../../common/command';
import { optionalPhone, Patch, Where } from '../../common/sql';
import type { RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import {
  ResidentOrderField,
  type MoveResidentInput,
  type RegisterResidentInput,
  type Resident,
  type ResidentFilter,
  type ResidentOrderBy,
  type RevealedResident,
  type UpdateResidentInput,
} from './resident.types';

/** Only masked copies leave the table: the encrypted columns are read by reveal() alone. */
export const RESIDENT_COLUMNS = `r.id, r.name, r.gender, extract(year FROM r.birth_date)::int AS "birthYear",
  extract(year FROM age(r.birth_date))::int AS age, r.id_number_masked AS "idNumber",
  r.phone_masked AS phone, r.tags, r.region_code AS "regionCode", r.household_id AS "householdId", r.version,
  r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;
/** What a revealed export reads besides the masked columns; decrypted by `unmasked` alone. */
const ENCRYPTED_COLUMNS = `r.id_number_encrypted AS "idNumberEncrypted", r.phone_encrypted AS "phoneEncrypted",
  r.birth_date::text AS "birthDate"`;
type Encrypted = { idNumberEncrypted: string; phoneEncrypted: string | null; birthDate: string };
const RESIDENT = editTarget('resident', 'Resident', RESIDENT_COLUMNS);
const MAX_MEMBERS = 50;

const SORT: Record<ResidentOrderField, SortField<Resident>> = {
  NAME: { expr: 'r.name', value: (r) => r.name },
  CREATED_AT: { expr: 'r.created_at', value: (r) => r.createdAt.toISOString() },
};

function checkName(name: string) {
  const text = name.trim();
  if (!text || text.length > 50) throw AppError.badInput('A name has 1 to 50 characters.', 'name');
  return text;
}

function checkPurpose(purpose: string | null | undefined, field = 'purpose'): string {
  const why = (purpose ?? '').trim();
  if (why.length < MIN_PURPOSE_LENGTH || why.length > MAX_PURPOSE_LENGTH)
    throw AppError.badInput(
      `State the purpose in ${MIN_PURPOSE_LENGTH} to ${MAX_PURPOSE_LENGTH} characters.`,
      field,
    );
  return why;
}

export class ResidentService {
  /** Requests that have made their one ID-number lookup. */
  private readonly lookedUp = new WeakSet<RequestContext>();

  constructor(
    private readonly audit: AuditService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** For DataLoaders: rows the caller's scope allows; one audit entry per batch, not per row. */
  findByIds(ctx: RequestContext, ids: readonly string[], via: string): Promise<Resident[]> {
    return this.nestedRead(ctx, via, `r.id = ANY($1::uuid[])`, ids);
  }

  findByHouseholds(ctx: RequestContext, householdIds: readonly string[]): Promise<Resident[]> {
    return this.nestedRead(ctx, 'Household.members', `r.household_id = ANY($1::uuid[])`, householdIds);
  }

  /**
   * The names of residents (parsed ids) the caller's scope shows, for another module that links a person to the
   * registry (a dispute party): read inside the caller's transaction and audited like any read.
   */
  async namesOf(ctx: RequestContext, m: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    const people = await this.applicantsOf(ctx, m, ids, 'names');
    return new Map([...people].map(([id, r]) => [id, r.name]));
  }

  /**
   * Name, tags and birth date of residents (parsed ids) the caller's scope shows, for a module that checks who may
   * apply for something (a service item's conditions); audited like any read.
   */
  async applicantsOf(
    ctx: RequestContext,
    m: EntityManager,
    ids: readonly string[],
    via = 'applicants',
  ): Promise<Map<string, { name: string; tags: string[]; birthDate: string }>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string; tags: string[]; birthDate: string }[] = await m.query(
      `SELECT r.id, r.name, r.tags, r.birth_date::text AS "birthDate" FROM resident r WHERE r.id = ANY($1::uuid[])`,
      [ids],
    );
    if (rows.length)
      await this.audit.recordRead(ctx, m, {
        action: 'resident.list',
        entityType: 'Resident',
        changes: { returned: rows.map((r) => r.id), via },
        regionPath: ctx.principal?.jurisdiction.path,
      });
    return new Map(rows.map(({ id, ...r }) => [id, r]));
  }

  /**
   * Every resident's id, place and tags, for another module's demo seed (run as the owner, outside any request):
   * the people its seeded records are about.
   */
  forSeed(
    m: EntityManager,
  ): Promise<{ id: string; path: string; tags: string[]; birthYear: number; birthDate: string }[]> {
    return m.query(
      `SELECT r.id, r.region_path::text AS path, r.tags, extract(year FROM r.birth_date)::int AS "birthYear",
         r.birth_date::text AS "birthDate"
       FROM resident r ORDER BY r.id`,
    );
  }

  private nestedRead(ctx: RequestContext, via: string, where: string, ids: readonly string[]) {
    const principal = requireAction(ctx, 'resident:read');
    return inScope(ctx, async (m) => {
      const rows: Resident[] = await m.query(
        `SELECT ${RESIDENT_COLUMNS} FROM resident r WHERE ${where} ORDER BY r.birth_date, r.id`,
        [ids],
      );
      if (rows.length) {
        await this.audit.recordRead(ctx, m, {
          action: 'resident.list',
          entityType: 'Resident',
          changes: { returned: rows.map((r) => r.id), via },
          regionPath: principal.jurisdiction.path,
        });
      }
      return rows;
    });
  }

  async get(ctx: RequestContext, id: string): Promise<Resident> {
    requireAction(ctx, 'resident:read');
    return inScope(ctx, async (m) => {
      const resident = await this.visible(ctx, m, id, 'resident.read');
      await this.audit.recordRead(ctx, m, {
        action: 'resident.read',
        entityType: 'Resident',
        entityId: id,
        regionPath: resident.path,
      });
      return resident;
    });
  }

  async list(
    ctx: RequestContext,
    filter: ResidentFilter | null | undefined,
    args: PageArgs & { orderBy?: ResidentOrderBy | null },
  ) {
    const principal = requireAction(ctx, 'resident:read');
    const query = await this.listQuery(ctx, filter, args.orderBy);
    const { where } = query;
    const lookup = filter?.idNumber != null ? this.lookupOf(ctx, filter.idNumber, filter.purpose) : null;
    if (lookup) where.add(`r.id_number_hmac = ${where.param(lookup.hmac)}`);
    return inScope(ctx, async (m) => {
      if (lookup) await this.throttleLookups(ctx, m);
      const connection = await listPage<Resident>(scoped(ctx), { ...query, args });
      const returned = connection.edges.map((e) => e.node.id);
      // A lookup is recorded whether it finds someone or not; a plain list only when it shows someone.
      if (lookup || returned.length)
        await this.audit.recordRead(ctx, m, {
          action: lookup ? 'resident.lookup' : 'resident.list',
          entityType: 'Resident',
          changes: {
            returned,
            filter: { ...filter, idNumber: lookup?.masked, purpose: undefined },
          },
          purpose: lookup?.purpose ?? null,
          regionPath: principal.jurisdiction.path,
        });
      return connection;
    });
  }

  /**
   * The residents a list selects (without an ID-number lookup, which is `list`'s alone), masked; `revealed` adds
   * the encrypted columns, which only `unmasked` reads, for an export with a purpose by a caller who may reveal.
   */
  async listQuery(
    ctx: RequestContext,
    filter: ResidentFilter | null | undefined,
    orderBy: ResidentOrderBy | null | undefined,
    revealed = false,
  ): Promise<ListQuery<Resident>> {
    requireAction(ctx, 'resident:read');
    if (revealed) requireAction(ctx, 'resident:reveal');
    const where = new Where().subtree('r.region_path', await scopePath(ctx, filter?.regionCode));
    where.id('r.household_id', filter?.householdId, 'householdId').contains(['r.name'], filter?.nameContains);
    if (filter?.tags?.length) where.add(`r.tags && ${where.param(filter.tags)}`);
    if (filter?.minAge != null)
      where.add(
        `r.birth_date <= ((now() AT TIME ZONE 'Asia/Shanghai')::date - make_interval(years => ${where.param(filter.minAge, 'int')}))::date`,
      );
    return {
      from: 'resident r',
      columns: revealed ? `${RESIDENT_COLUMNS}, ${ENCRYPTED_COLUMNS}` : RESIDENT_COLUMNS,
      where,
      sort: sortBy(SORT, orderBy, ResidentOrderField.NAME, { expr: 'r.id', of: (r) => r.id }),
    };
  }

  /** Rows of a revealed `listQuery` (which read the ciphertext too) with the ID number, phone and birth date in clear. */
  unmasked<R extends Resident>(rows: readonly R[]): (R & { birthDate: string })[] {
    return (rows as readonly (R & Encrypted)[]).map(({ idNumberEncrypted, phoneEncrypted, ...r }) => ({
      ...r,
      idNumber: this.cipher.decrypt(idNumberEncrypted),
      phone: phoneEncrypted && this.cipher.decrypt(phoneEncrypted),
    })) as (R & { birthDate: string })[];
  }

  /** An exact ID-number lookup: a valid number, a stated purpose, one per request. */
  private lookupOf(ctx: RequestContext, idNumber: string, purpose: string | null | undefined) {
    const id = validateIdNumber(idNumber.trim());
    if (!id.ok) throw AppError.badInput(id.reason, 'idNumber');
    const why = checkPurpose(purpose);
    if (this.lookedUp.has(ctx)) throw AppError.badInput('Look up one ID number per request.', 'idNumber');
    this.lookedUp.add(ctx);
    return { hmac: this.cipher.hmac(id.idNumber), masked: maskIdNumber(id.idNumber), purpose: why };
  }

  /**
   * At most so many lookups per caller and hour, counted in the audit log itself (so every replica agrees).
   * Callers are serialised by a transaction lock while they count, so parallel requests cannot overrun it.
   */
  private async throttleLookups(ctx: RequestContext, m: EntityManager) {
    const principal = ctx.principal!;
    const limit = principal.actions.has('resident:reveal')
      ? ID_NUMBER_LOOKUPS_PER_HOUR.withReveal
      : ID_NUMBER_LOOKUPS_PER_HOUR.standard;
    // The lock holds until the lookup's audit row is committed: the next caller counts it.
    ctx.transaction?.inOneBlock();
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('resident.lookup:' || $1))`, [principal.id]);
    const { n, retry } = await this.audit.recentActions(m, principal.id, 'resident.lookup', limit);
    if (n >= limit)
      throw new AppError('RATE_LIMITED', `At most ${limit} ID-number lookups an hour; try again later.`, {
        retryAfterSeconds: Math.max(1, retry ?? 1),
      });
  }

  async register(ctx: RequestContext, input: RegisterResidentInput): Promise<Resident> {
    requireAction(ctx, 'resident:write');
    const name = checkName(input.name);
    const id = validateIdNumber(input.idNumber.trim());
    if (!id.ok) throw AppError.badInput(id.reason, 'idNumber');
    const phone = optionalPhone(input.phone);
    return atomically(ctx, async (m) => {
      const [household] = await m.query(
        `SELECT h.id, h.region_path::text AS path, (SELECT count(*)::int FROM resident WHERE household_id = h.id) AS members
         FROM household h WHERE h.id = $1::uuid`,
        [parseId(input.householdId, 'householdId')],
      );
      if (!household) throw AppError.badInput(`Household ${input.householdId} was not found.`, 'householdId');
      if (household.members >= MAX_MEMBERS)
        throw AppError.badInput(`A household has at most ${MAX_MEMBERS} members.`, 'householdId');
      const hmac = this.cipher.hmac(id.idNumber);
      const [resident] = await m.query(
        `INSERT INTO resident (household_id, name, gender, birth_date, id_number_encrypted, id_number_hmac, id_number_masked,
           phone_encrypted, phone_hmac, phone_masked, tags)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (id_number_hmac) DO NOTHING RETURNING ${RESIDENT.returning}`,
        [
          household.id,
          name,
          id.gender,
          id.birthDate,
          this.cipher.encrypt(id.idNumber),
          hmac,
          maskIdNumber(id.idNumber),
          phone && this.cipher.encrypt(phone),
          phone && this.cipher.hmac(phone),
          phone && maskPhone(phone),
          [...new Set(input.tags)],
        ],
      );
      if (!resident) await this.duplicate(ctx, m, hmac);
      await this.audit.record(ctx, m, {
        action: 'resident.register',
        entityType: 'Resident',
        entityId: resident.id,
        changes: {
          name: { new: name },
          idNumber: { new: resident.idNumber },
          phone: { new: resident.phone },
          householdId: { new: household.id },
          tags: { new: resident.tags },
        },
        regionPath: household.path,
      });
      return resident;
    });
  }

  async update(ctx: RequestContext, input: UpdateResidentInput): Promise<Resident> {
    requireAction(ctx, 'resident:write');
    return atomically(ctx, async (m) => {
      const before = await this.visible(ctx, m, input.id, 'resident.update');
      const patch = new Patch();
      if (input.name != null) patch.set('name', checkName(input.name), { field: 'name', old: before.name });
      if (input.phone != null) {
        const phone = optionalPhone(input.phone);
        patch.set('phone_encrypted', phone && this.cipher.encrypt(phone));
        patch.set('phone_hmac', phone && this.cipher.hmac(phone));
        patch.set('phone_masked', phone && maskPhone(phone), { field: 'phone', old: before.phone });
      }
      if (input.tags) patch.set('tags', [...new Set(input.tags)], { field: 'tags', old: before.tags });
      return saveEdit<Resident>(ctx, m, RESIDENT, before, input.expectedVersion, patch, [
        { action: 'resident.update' },
      ]);
    });
  }

  async move(ctx: RequestContext, input: MoveResidentInput): Promise<Resident> {
    requireAction(ctx, 'resident:write');
    return atomically(ctx, async (m) => {
      const before = await this.visible(ctx, m, input.id, 'resident.move');
      const [target] = await m.query(
        `SELECT id, region_path::text AS path FROM household WHERE id = $1::uuid`,
        [parseId(input.householdId, 'householdId')],
      );
      if (!target) throw AppError.badInput(`Household ${input.householdId} was not found.`, 'householdId');
      // A head who leaves stops heading the old household.
      await m.query(`UPDATE household SET head_resident_id = NULL WHERE id = $1 AND head_resident_id = $2`, [
        before.householdId,
        before.id,
      ]);
      const patch = new Patch().set('household_id', target.id, {
        field: 'householdId',
        old: before.householdId,
      });
      return saveEdit<Resident>(ctx, m, RESIDENT, before, input.expectedVersion, patch, [
        { action: 'resident.move', regionPath: target.path },
      ]);
    });
  }

  /** The unmasked ID number and phone, for a stated purpose, recorded in the audit log (PIPL art. 51). */
  /**
   * Residents per tag in a subtree (`g` 1) and per child region of it (`g` 0), in one statement: counts, no
   * person, for another module's figures (special groups, the floating population).
   */
  tagCounts(
    ctx: RequestContext,
    path: string,
    tags: readonly ResidentTag[],
  ): Promise<{ g: number; child: string | null; tag: ResidentTag; residents: number }[]> {
    return inScope(ctx, (m) =>
      m.query(
        `SELECT GROUPING(x.child)::int AS g, x.child, x.tag, count(*)::int AS residents
         FROM (SELECT t.tag, CASE WHEN nlevel(r.region_path) > nlevel($1::ltree)
                 THEN ltree2text(subpath(r.region_path, nlevel($1::ltree), 1)) END AS child
               FROM resident r CROSS JOIN LATERAL unnest(r.tags) AS t (tag)
               WHERE r.region_path <@ $1::ltree AND t.tag = ANY($2::text[])) x
         GROUP BY GROUPING SETS ((x.tag), (x.child, x.tag))`,
        [path, tags],
      ),
    );
  }

  async reveal(ctx: RequestContext, id: string, purpose: string): Promise<RevealedResident> {
    requireAction(ctx, 'resident:reveal');
    const why = checkPurpose(purpose);
    const residentId = parseId(id, 'id');
    return atomically(ctx, async (m) => {
      const [row] = await m.query(
        `SELECT id, id_number_encrypted AS "idNumber", phone_encrypted AS phone, birth_date::text AS "birthDate",
           region_path::text AS path
         FROM resident WHERE id = $1::uuid`,
        [residentId],
      );
      if (!row)
        return this.audit.refuse(
          ctx,
          m,
          { action: 'resident.reveal', entityType: 'Resident', entityId: residentId },
          `Resident ${id} was not found.`,
        );
      await this.audit.record(ctx, m, {
        action: 'resident.reveal',
        entityType: 'Resident',
        entityId: id,
        changes: { fields: ['idNumber', 'birthDate', 'phone'] },
        purpose: why,
        regionPath: row.path,
      });
      return {
        id: row.id,
        idNumber: this.cipher.decrypt(row.idNumber),
        birthDate: row.birthDate,
        phone: row.phone && this.cipher.decrypt(row.phone),
      };
    });
  }

  /** The ID number exists: say where only if the caller may see that place (RLS decides). */
  private async duplicate(ctx: RequestContext, m: EntityManager, hmac: string): Promise<never> {
    const [existing] = await m.query(
      `SELECT r.id, r.household_id AS "householdId", r.region_code AS "regionCode" FROM resident r
       WHERE r.id_number_hmac = $1`,
      [hmac],
    );
    const [region] = existing ? await ctx.services.region.findByCodes(ctx, [existing.regionCode]) : [];
    throw new AppError(
      'CONFLICT',
      existing
        ? `This ID number is already registered: resident ${existing.id} in household ${existing.householdId} (${region?.name}).`
        : 'This ID number is already registered outside your jurisdiction.',
    );
  }

  /** A resident the caller's scope shows; otherwise the attempt (`action`) is refused and recorded. */
  private async visible(
    ctx: RequestContext,
    m: EntityManager,
    id: string,
    action: string,
  ): Promise<Resident & { path: string }> {
    const residentId = parseId(id, 'id');
    const [row] = await m.query(
      `SELECT ${RESIDENT_COLUMNS}, r.region_path::text AS path FROM resident r WHERE r.id = $1::uuid`,
      [residentId],
    );
    if (!row)
      return this.audit.refuse(
        ctx,
        m,
        { action, entityType: 'Resident', entityId: residentId },
        `Resident ${id} was not found.`,
      );
    return row;
  }
}
