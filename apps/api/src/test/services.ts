import { chinaDay } from '@qiangji/domain';
import type { GqlClient, GraphQLResponse } from './test-app';

/** The fields every service test reads back of an application. */
export const APPLICATION_FIELDS = `id number state version channel submittedAt acceptedAt dueAt completedAt overdue onSite
  timeLimitDays noShows workingDays onTime returnReason rejectReason withdrawReason materials answers regionCode
  actingFor { name relationship idNumber phone } appointment { slotId day startsAt } availableCommands`;

export interface TestApplication {
  id: string;
  number: string;
  state: string;
  version: number;
  channel: string;
  submittedAt: string;
  acceptedAt: string | null;
  dueAt: string | null;
  completedAt: string | null;
  overdue: boolean;
  onSite: boolean;
  timeLimitDays: number;
  noShows: number;
  workingDays: number | null;
  onTime: boolean | null;
  returnReason: string | null;
  rejectReason: string | null;
  withdrawReason: string | null;
  materials: string[];
  answers: Record<string, unknown>;
  regionCode: string;
  actingFor: { name: string; relationship: string; idNumber: string; phone: string | null } | null;
  appointment: { slotId: string; day: string; startsAt: string } | null;
  availableCommands: string[];
}

function ok<T>(res: GraphQLResponse<T>, what: string): T {
  if (!res.data || res.errors) throw new Error(`${what} failed: ${JSON.stringify(res.errors)}`);
  return res.data;
}

/** The senior citizen card's form (老年证), as the article's story fills it. */
export const SENIOR_CARD_FORM = [
  {
    key: 'reason',
    label: '办理原因',
    type: 'CHOICE',
    required: true,
    options: ['首次申领', '遗失补办', '损坏换发'],
  },
  { key: 'lostOn', label: '遗失日期', type: 'DATE', required: false },
  { key: 'age', label: '年龄', type: 'NUMBER', required: true, integer: true, min: 60, max: 130 },
  { key: 'collectInPerson', label: '本人到场领取', type: 'YES_NO', required: true },
];
export const SENIOR_CARD_MATERIALS = [
  { name: '居民身份证', required: true },
  { name: '户口簿', required: true },
  { name: '遗失声明', required: false },
];
export const SENIOR_CARD_ANSWERS = {
  reason: '遗失补办',
  lostOn: '2026-02-10',
  age: 72,
  collectInPerson: false,
};

let codes = 0;

/** An item created and offered at `regionCode` through the API: on site unless told otherwise. */
export async function serviceItem(
  client: GqlClient,
  regionCode: string,
  opts: {
    onSite?: boolean;
    timeLimitDays?: number;
    name?: string;
    category?: string;
    offerAt?: string;
    eligibleTags?: string[];
    minAge?: number;
  } = {},
): Promise<{ id: string; code: string }> {
  const create = await client.gql<{ createServiceItem: { id: string; code: string } }>(
    `mutation($input: CreateServiceItemInput!) { createServiceItem(input: $input) { id code } }`,
    {
      input: {
        code: `T-ITEM-${process.pid}-${++codes}`,
        name: opts.name ?? '老年证办理（补办）',
        category: opts.category ?? 'ELDERLY',
        servicePoint: 'COMMUNITY',
        materials: SENIOR_CARD_MATERIALS,
        formFields: SENIOR_CARD_FORM,
        onSite: opts.onSite ?? true,
        timeLimitDays: opts.timeLimitDays ?? 7,
        regionCode,
        eligibleTags: opts.eligibleTags ?? [],
        minAge: opts.minAge ?? null,
      },
    },
  );
  const item = ok(create, 'createServiceItem').createServiceItem;
  ok(
    await client.gql(`mutation($input: OfferServiceItemInput!) { offerServiceItem(input: $input) { id } }`, {
      input: { itemId: item.id, regionCodes: [opts.offerAt ?? regionCode] },
    }),
    'offerServiceItem',
  );
  return item;
}

/** A day in China `days` from today. */
export function chinaDayFromNow(days: number): string {
  return chinaDay(Date.now() + days * 86_400_000);
}

let hours = 0;

/** An appointment slot opened through the API (a fresh hour each time, so slots never collide). */
export async function serviceSlot(
  client: GqlClient,
  regionCode: string,
  opts: { day?: string; capacity?: number } = {},
): Promise<{ id: string; day: string; startsAt: string; booked: number; capacity: number }> {
  const minute = ++hours % (16 * 60);
  const start = `${String(6 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  const res = await client.gql<{
    openServiceSlot: { id: string; day: string; startsAt: string; booked: number; capacity: number };
  }>(
    `mutation($input: OpenServiceSlotInput!) { openServiceSlot(input: $input) { id day startsAt booked capacity } }`,
    {
      input: {
        regionCode,
        day: opts.day ?? chinaDayFromNow(2),
        startsAt: start,
        endsAt: '23:00',
        capacity: opts.capacity ?? 5,
      },
    },
  );
  return ok(res, 'openServiceSlot').openServiceSlot;
}

export const SUBMIT = `mutation($input: SubmitServiceApplicationInput!) {
  submitServiceApplication(input: $input) { ${APPLICATION_FIELDS} }
}`;

/** An application submitted through the API with the senior card's answers unless told otherwise. */
export async function submitApplication(
  client: GqlClient,
  input: { itemId: string; residentId: string; regionCode: string } & Record<string, unknown>,
): Promise<TestApplication> {
  const res = await client.gql<{ submitServiceApplication: TestApplication }>(SUBMIT, {
    input: { answers: SENIOR_CARD_ANSWERS, materials: ['居民身份证', '户口簿'], ...input },
  });
  return ok(res, 'submitServiceApplication').submitServiceApplication;
}

/** Each command of the machine as its API mutation and the input it takes besides id and version. */
export const COMMAND_MUTATIONS: Record<
  string,
  { mutation: string; input: string; extra: (refs: { slotId: string }) => object }
> = {
  accept: { mutation: 'acceptServiceApplication', input: 'AcceptServiceApplicationInput', extra: () => ({}) },
  returnForMaterial: {
    mutation: 'returnServiceApplication',
    input: 'ReturnServiceApplicationInput',
    extra: () => ({ missing: ['户口簿'] }),
  },
  resubmit: {
    mutation: 'resubmitServiceApplication',
    input: 'ResubmitServiceApplicationInput',
    extra: () => ({ materials: ['居民身份证', '户口簿'] }),
  },
  reject: {
    mutation: 'rejectServiceApplication',
    input: 'RejectServiceApplicationInput',
    extra: () => ({ reason: '不符合条件' }),
  },
  bookAppointment: {
    mutation: 'bookServiceAppointment',
    input: 'BookServiceAppointmentInput',
    extra: (refs) => ({ slotId: refs.slotId }),
  },
  recordNoShow: { mutation: 'recordServiceNoShow', input: 'RecordServiceNoShowInput', extra: () => ({}) },
  handleOnSite: {
    mutation: 'handleServiceApplicationOnSite',
    input: 'HandleServiceApplicationOnSiteInput',
    extra: () => ({}),
  },
  complete: {
    mutation: 'completeServiceApplication',
    input: 'CompleteServiceApplicationInput',
    extra: () => ({}),
  },
  withdraw: {
    mutation: 'withdrawServiceApplication',
    input: 'WithdrawServiceApplicationInput',
    extra: () => ({ reason: '申请人撤回' }),
  },
};

/** Takes one command of the machine through its mutation, with the version read. */
export function step(
  client: GqlClient,
  command: string,
  a: { id: string; version: number },
  refs: { slotId: string } = { slotId: '00000000-0000-4000-8000-000000000000' },
) {
  const c = COMMAND_MUTATIONS[command];
  return client.gql<Record<string, TestApplication>>(
    `mutation($input: ${c.input}!) { ${c.mutation}(input: $input) { ${APPLICATION_FIELDS} } }`,
    { input: { id: a.id, expectedVersion: a.version, ...c.extra(refs) } },
  );
}

/** `step`, which must succeed: the application after it. */
export async function stepOk(
  client: GqlClient,
  command: string,
  a: { id: string; version: number },
  refs?: { slotId: string },
): Promise<TestApplication> {
  const res = await step(client, command, a, refs);
  return Object.values(ok(res, command))[0];
}
