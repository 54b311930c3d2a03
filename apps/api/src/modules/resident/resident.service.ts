import {
  MAX_PURPOSE_LENGTH,
  maskIdNumber,
  maskPhone,
  MIN_PURPOSE_LENGTH,
  normalizePhone,
  validateIdNumber,
} from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { inScope, requireAction, scopePath } from '../../common/authz';
import { listPage, SortDirection, type PageArgs } from '../../common/connection';
import type { PersonalDataCipher } from '../../common/personal-data';
import { containsPattern, versionedUpdate } from '../../common/sql';
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
const RETURNING = RESIDENT_COLUMNS.replaceAll('r.', '');
const MAX_MEMBERS = 50;

const SORT: Record<ResidentOrderField, { expr: string; value: (r: Resident) => unknown }> = {
  NAME: { expr: 'r.name', value: (r) => r.name },
  CREATED_AT: { expr: 'r.created_at', value: (r) => r.createdAt.toISOString() },
};

function checkName(name: string) {
  const text = name.trim();
  if (!text || text.length > 50) throw AppError.badInput('A name has 1 to 50 characters.', 'name');
  return text;
}

export class ResidentService {
  constructor(
    private readonly audit: AuditService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** For DataLoaders: rows the caller's scope allows; one audit entry per batch, not per row. */
  findByIds(ctx: RequestContext, ids: readonly string[], via: string): Promise<Resident[]> {
    return this.nestedRead(ctx, via, `r.id::text = ANY($1)`, ids);
  }

  findByHouseholds(ctx: RequestContext, householdIds: readonly string[]): Promise<Resident[]> {
    return this.nestedRead(ctx, 'Household.members', `r.household_id::text = ANY($1)`, householdIds);
  }

  private nestedRead(ctx: RequestContext, via: string, where: string, ids: readonly string[]) {
    const principal = requireAction(ctx, 'resident:read');
    return inScope(ctx, async (m) => {
      const rows: Resident[] = await m.query(
        `SELECT ${RESIDENT_COLUMNS} FROM resident r WHERE ${where} ORDER BY r.birth_date, r.id`,
        [ids],
      );
      if (rows.length) {
        await this.audit.record(ctx, m, {
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
      const resident = await this.visible(m, id);
      await this.audit.record(ctx, m, {
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
    const path = await scopePath(ctx, filter?.regionCode);
    const field = args.orderBy?.field ?? ResidentOrderField.NAME;
    const direction = args.orderBy?.direction ?? SortDirection.ASC;
    const params: unknown[] = [path];
    const where = ['r.region_path <@ $1::ltree'];
    if (filter?.householdId) where.push(`r.household_id::text = $${params.push(filter.householdId)}`);
    if (filter?.tags?.length) where.push(`r.tags && $${params.push(filter.tags)}`);
    if (filter?.nameContains?.trim())
      where.push(`r.name ILIKE $${params.push(containsPattern(filter.nameContains.trim()))}`);
    if (filter?.idNumber != null) {
      const id = validateIdNumber(filter.idNumber.trim());
      if (!id.ok) throw AppError.badInput(id.reason, 'idNumber');
      where.push(`r.id_number_hmac = $${params.push(this.cipher.hmac(id.idNumber))}`);
    }
    return inScope(ctx, async (m) => {
      const connection = await listPage<Resident>(m, {
        from: 'resident r',
        columns: RESIDENT_COLUMNS,
        where,
        params,
        args,
        sort: {
          key: `${field}:${direction}`,
          expr: SORT[field].expr,
          idExpr: 'r.id::text',
          direction,
          value: SORT[field].value,
          id: (r) => r.id,
        },
      });
      if (connection.edges.length) {
        await this.audit.record(ctx, m, {
          action: 'resident.list',
          entityType: 'Resident',
          changes: {
            returned: connection.edges.map((e) => e.node.id),
            filter: { ...filter, idNumber: filter?.idNumber ? maskIdNumber(filter.idNumber) : undefined },
          },
          regionPath: principal.jurisdiction.path,
        });
      }
      return connection;
    });
  }

  async register(ctx: RequestContext, input: RegisterResidentInput): Promise<Resident> {
    requireAction(ctx, 'resident:write');
    const name = checkName(input.name);
    const id = validateIdNumber(input.idNumber.trim());
    if (!id.ok) throw AppError.badInput(id.reason, 'idNumber');
    const phone = this.phone(input.phone);
    return inScope(ctx, async (m) => {
      const [household] = await m.query(
        `SELECT h.id, h.region_path::text AS path, (SELECT count(*)::int FROM resident WHERE household_id = h.id) AS members
         FROM household h WHERE h.id::text = $1`,
        [input.householdId],
      );
      if (!household) throw AppError.badInput(`Household ${input.householdId} was not found.`, 'householdId');
      if (household.members >= MAX_MEMBERS)
        throw AppError.badInput(`A household has at most ${MAX_MEMBERS} members.`, 'householdId');
      const hmac = this.cipher.hmac(id.idNumber);
      const [resident] = await m.query(
        `INSERT INTO resident (household_id, name, gender, birth_date, id_number_encrypted, id_number_hmac, id_number_masked,
           phone_encrypted, phone_hmac, phone_masked, tags)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (id_number_hmac) DO NOTHING RETURNING ${RETURNING}`,
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
      if (!resident) await this.duplicate(m, hmac);
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
    return inScope(ctx, async (m) => {
      const before = await this.visible(m, input.id);
      const sets: string[] = [];
      const params: unknown[] = [];
      const changes: Record<string, unknown> = {};
      const set = (column: string, value: unknown) => sets.push(`${column} = $${params.push(value) + 2}`);
      if (input.name != null) {
        const name = checkName(input.name);
        set('name', name);
        changes.name = { old: before.name, new: name };
      }
      if (input.phone != null) {
        const phone = input.phone.trim() === '' ? null : this.phone(input.phone);
        set('phone_encrypted', phone && this.cipher.encrypt(phone));
        set('phone_hmac', phone && this.cipher.hmac(phone));
        set('phone_masked', phone && maskPhone(phone));
        changes.phone = { old: before.phone, new: phone && maskPhone(phone) };
      }
      if (input.tags) {
        set('tags', [...new Set(input.tags)]);
        changes.tags = { old: before.tags, new: [...new Set(input.tags)] };
      }
      const resident = await versionedUpdate<Resident>(
        m,
        'resident',
        input.id,
        input.expectedVersion,
        sets,
        params,
        RETURNING,
      );
      await this.audit.record(ctx, m, {
        action: 'resident.update',
        entityType: 'Resident',
        entityId: input.id,
        changes,
        regionPath: before.path,
      });
      return resident;
    });
  }

  async move(ctx: RequestContext, input: MoveResidentInput): Promise<Resident> {
    requireAction(ctx, 'resident:write');
    return inScope(ctx, async (m) => {
      const before = await this.visible(m, input.id);
      const [target] = await m.query(
        `SELECT id, region_path::text AS path FROM household WHERE id::text = $1`,
        [input.householdId],
      );
      if (!target) throw AppError.badInput(`Household ${input.householdId} was not found.`, 'householdId');
      // A head who leaves stops heading the old household.
      await m.query(
        `UPDATE household SET head_resident_id = NULL WHERE id = $1 AND head_resident_id::text = $2`,
        [before.householdId, input.id],
      );
      const resident = await versionedUpdate<Resident>(
        m,
        'resident',
        input.id,
        input.expectedVersion,
        ['household_id = $3'],
        [target.id],
        RETURNING,
      );
      await this.audit.record(ctx, m, {
        action: 'resident.move',
        entityType: 'Resident',
        entityId: input.id,
        changes: { householdId: { old: before.householdId, new: target.id } },
        regionPath: target.path,
      });
      return resident;
    });
  }

  /** The unmasked ID number and phone, for a stated purpose, recorded in the audit log (PIPL art. 51). */
  async reveal(ctx: RequestContext, id: string, purpose: string): Promise<RevealedResident> {
    requireAction(ctx, 'resident:reveal');
    const why = purpose.trim();
    if (why.length < MIN_PURPOSE_LENGTH || why.length > MAX_PURPOSE_LENGTH) {
      throw AppError.badInput(
        `State the purpose in ${MIN_PURPOSE_LENGTH} to ${MAX_PURPOSE_LENGTH} characters.`,
        'purpose',
      );
    }
    return inScope(ctx, async (m) => {
      const [row] = await m.query(
        `SELECT id, id_number_encrypted AS "idNumber", phone_encrypted AS phone, birth_date::text AS "birthDate",
           region_path::text AS path
         FROM resident WHERE id::text = $1`,
        [id],
      );
      if (!row) throw AppError.notFound(`Resident ${id} was not found.`);
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

  private phone(value: string | null | undefined): string | null {
    if (value == null || value.trim() === '') return null;
    const phone = normalizePhone(value);
    if (!phone)
      throw AppError.badInput('The phone is not a valid mainland mobile or landline number.', 'phone');
    return phone;
  }

  /** The ID number exists: say where only if the caller may see that place (RLS decides). */
  private async duplicate(m: EntityManager, hmac: string): Promise<never> {
    const [existing] = await m.query(
      `SELECT r.id, r.household_id AS "householdId", g.name AS region FROM resident r JOIN region g ON g.code = r.region_code
       WHERE r.id_number_hmac = $1`,
      [hmac],
    );
    throw new AppError(
      'CONFLICT',
      existing
        ? `This ID number is already registered: resident ${existing.id} in household ${existing.householdId} (${existing.region}).`
        : 'This ID number is already registered outside your jurisdiction.',
    );
  }

  private async visible(m: EntityManager, id: string): Promise<Resident & { path: string }> {
    const [row] = await m.query(
      `SELECT ${RESIDENT_COLUMNS}, r.region_path::text AS path FROM resident r WHERE r.id::text = $1`,
      [id],
    );
    if (!row) throw AppError.notFound(`Resident ${id} was not found.`);
    return row;
  }
}
