import { makeIdNumber, maskIdNumber, maskPhone, type ResidentTag } from '@qiangji/domain';
import type { GqlClient, GraphQLResponse, SignedIn, TestApp } from './test-app';

const admins = new WeakMap<TestApp, Promise<SignedIn>>();

/**
 * One city administrator per test app, signed in once: the default author of test data. The city
 * (230100) must exist, so call it after the first `regionTree`.
 */
export function cityAdmin(app: TestApp): Promise<SignedIn> {
  let admin = admins.get(app);
  if (!admin) {
    admin = app.signIn({ roles: ['CITY_ADMIN'], jurisdiction: '230100' });
    admins.set(app, admin);
  }
  return admin;
}

let serial = 0;
const DAY_MS = 86_400_000;

/**
 * A valid, fictitious ID number that this test process never hands out twice: the birth date
 * (from 1950 on) and the sequence both follow a counter.
 */
export function fakeIdNumber(regionCode = '230102'): string {
  const n = ++serial;
  const birthDate = new Date(Date.UTC(1950, 0, 1) + (n % 18_000) * DAY_MS).toISOString().slice(0, 10);
  return makeIdNumber(regionCode, birthDate, n % 1000);
}

/** A mobile number (139 + 8 digits) that this test process never hands out twice. */
export function fakeMobile(): string {
  return `139${String(++serial).padStart(8, '0')}`;
}

/** The first error code of a response, or undefined when it has none. */
export function codeOf(res: { errors?: { extensions: { code: string } }[] }): string | undefined {
  return res.errors?.[0]?.extensions.code;
}

function ok<T>(res: GraphQLResponse<T>, what: string): T {
  if (!res.data || res.errors) throw new Error(`${what} failed: ${JSON.stringify(res.errors)}`);
  return res.data;
}

/** The grid units of a `regionTree`, in order. */
export function gridsOf(tree: { rows: { code: string; level: string }[] }): string[] {
  return tree.rows.filter((r) => r.level === 'GRID').map((r) => r.code);
}

export interface TestHousehold {
  id: string;
  regionCode: string;
  address: string;
  version: number;
}

let addresses = 0;

/** A household registered through the API, by the city administrator unless `as` says who. */
export async function household(
  app: TestApp,
  regionCode: string,
  opts: { address?: string; tags?: ResidentTag[]; as?: GqlClient } = {},
): Promise<TestHousehold> {
  const client = opts.as ?? (await cityAdmin(app));
  const res = await client.gql<{ registerHousehold: TestHousehold }>(
    `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id regionCode address version } }`,
    {
      input: {
        regionCode,
        address: opts.address ?? `测试路${++addresses}号`,
        tags: opts.tags ?? [],
      },
    },
  );
  return ok(res, 'registerHousehold').registerHousehold;
}

export interface TestResident {
  id: string;
  householdId: string;
  regionCode: string;
  name: string;
  version: number;
  /** What was registered, in the clear: the API never returns these outside revealResident. */
  idNumber: string;
  phone: string | null;
  /** What the API returned. */
  maskedIdNumber: string;
  maskedPhone: string | null;
}

let names = 0;

/** A resident registered through the API (a fresh ID number and mobile unless given). */
export async function resident(
  app: TestApp,
  householdId: string,
  opts: {
    name?: string;
    idNumber?: string;
    phone?: string | null;
    tags?: ResidentTag[];
    as?: GqlClient;
  } = {},
): Promise<TestResident> {
  const client = opts.as ?? (await cityAdmin(app));
  const idNumber = opts.idNumber ?? fakeIdNumber();
  const phone = opts.phone === undefined ? fakeMobile() : opts.phone;
  const res = await client.gql<{
    registerResident: {
      id: string;
      regionCode: string;
      name: string;
      version: number;
      idNumber: string;
      phone: string | null;
    };
  }>(
    `mutation($input: RegisterResidentInput!) {
      registerResident(input: $input) { id regionCode name version idNumber phone }
    }`,
    {
      input: { householdId, name: opts.name ?? `居民${++names}`, idNumber, phone, tags: opts.tags ?? [] },
    },
  );
  const r = ok(res, 'registerResident').registerResident;
  return {
    id: r.id,
    householdId,
    regionCode: r.regionCode,
    name: r.name,
    version: r.version,
    idNumber,
    phone,
    maskedIdNumber: r.idNumber,
    maskedPhone: r.phone,
  };
}

/** What the masked columns must say for a value, as the domain package masks it. */
export const masked = { idNumber: maskIdNumber, phone: maskPhone };
