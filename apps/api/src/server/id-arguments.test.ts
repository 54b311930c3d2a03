import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  type GraphQLInputType,
} from 'graphql';
import { regionTree } from '../test/factories';
import {
  apiKeyClient,
  CASE_COMMANDS,
  caseIn,
  caseInput,
  chinaDay,
  mediator,
  organization,
  type CommandRefs,
} from '../test/mediation';
import { GRID_COMMAND_API, reportEvent } from '../test/grid';
import { cityAdmin, codeOf, household, resident } from '../test/people';
import { COMMAND_MUTATIONS, serviceItem, serviceSlot, submitApplication } from '../test/services';
import { startTestApp, type SignedIn, type TestApp } from '../test/test-app';
import { logVisit, one, stationedCounty } from '../test/villages';

/**
 * One id parser (issue 7 item 8, catalogue cases 17 and 19): every argument and input field of type ID, in every
 * query and mutation the schema has, refuses an empty or malformed id with BAD_USER_INPUT on that field, before
 * any SQL; never a wider result, never the first row. `AuditEventFilter.entityId` is a String, not an ID, by design:
 * the audit log names entities of every kind (and refused attempts name ids that exist nowhere), so it is free
 * text compared as text; it can only narrow.
 */

const BAD_IDS = ['', 'x', '{"$gt":""}'];

/** Every (operation, path) of an ID in the committed schema: `Mutation.assignMediator input.mediatorId`. */
function idPathsOfSchema(): string[] {
  const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8'));
  const paths: string[] = [];
  const walk = (type: GraphQLInputType, at: string[], op: string): void => {
    const t = getNullableType(type);
    if (isListType(t)) return walk(t.ofType, [...at, '0'], op);
    if (getNamedType(t).name === 'ID') {
      paths.push(`${op} ${at.join('.')}`);
      return;
    }
    if (isInputObjectType(t)) for (const f of Object.values(t.getFields())) walk(f.type, [...at, f.name], op);
  };
  for (const root of [schema.getQueryType()!, schema.getMutationType()!])
    for (const field of Object.values(root.getFields()))
      for (const arg of field.args) walk(arg.type, [arg.name], `${root.name}.${field.name}`);
  return paths.sort();
}

interface Operation {
  /** `Query.residents` */
  op: string;
  /** Each argument: its GraphQL type and a value that is valid in every respect. */
  args: Record<string, [type: string, value: unknown]>;
  /** Paths (inside the arguments) of the ids this operation takes. */
  ids: string[];
}

/** `value` with `at` (a path of keys and list positions) replaced by `replacement`. */
function withValueAt(value: Record<string, unknown>, at: string[], replacement: unknown) {
  const copy = structuredClone(value);
  let node: Record<string, unknown> = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[at.at(-1)!] = replacement;
  return copy;
}

/** The field the error names: the path inside the input object, or the argument itself (`id`). */
const fieldOf = (at: string[]) => (at.length > 1 ? at.slice(1) : at).join('.');

/** Issue 10's records, made through the API: a county with a posted cadre, a visit and an assistance. */
async function villageIds(app: TestApp) {
  const w = await stationedCounty(app);
  const visit = (await logVisit(w.cadreAccount, { householdId: w.poorHome.id })).data!.logVisit;
  const assistance = await one<{ id: string; version: number }>(
    w.cadreAccount,
    `mutation($input: PlanAssistanceInput!) { planAssistance(input: $input) { id version } }`,
    { input: { householdId: w.poorHome.id, type: 'LOAN', description: '小额贷款', plannedOn: '2012-05-01' } },
  );
  const organization = await one<{ id: string }>(
    w.officer,
    `mutation($input: CreateVillageOrganizationInput!) { createVillageOrganization(input: $input) { id } }`,
    {
      input: { villageCode: w.villages[0], kind: 'COOPERATIVE', name: '测试合作社', foundedOn: '2010-01-01' },
    },
  );
  const account = await app.signIn({ roles: ['STATIONED_CADRE'], jurisdiction: w.villages[1] });
  return { w, visit, assistance, organizationId: organization.id, accountId: account.userId };
}

function villageOperations(
  { w, visit, assistance, organizationId, accountId }: Awaited<ReturnType<typeof villageIds>>,
  residentId: string,
): Operation[] {
  const q = (name: string, filterType: string, filter: Record<string, string>): Operation => ({
    op: `Query.${name}`,
    args: { filter: [filterType, filter] },
    ids: Object.keys(filter).map((k) => `filter.${k}`),
  });
  const mutation = (
    name: string,
    inputType: string,
    input: Record<string, unknown>,
    ids: string[],
  ): Operation => ({
    op: `Mutation.${name}`,
    args: { input: [`${inputType}!`, input] },
    ids: ids.map((id) => `input.${id}`),
  });
  const step = { id: assistance.id, expectedVersion: assistance.version, on: '2012-06-01' };
  return [
    { op: 'Query.workUnit', args: { id: ['ID!', w.unitId] }, ids: ['id'] },
    { op: 'Query.stationedCadre', args: { id: ['ID!', w.cadre.id] }, ids: ['id'] },
    { op: 'Query.posting', args: { id: ['ID!', w.posting.id] }, ids: ['id'] },
    { op: 'Query.visit', args: { id: ['ID!', visit.id] }, ids: ['id'] },
    { op: 'Query.assistance', args: { id: ['ID!', assistance.id] }, ids: ['id'] },
    { op: 'Query.householdTimeline', args: { householdId: ['ID!', w.poorHome.id] }, ids: ['householdId'] },
    q('pairings', 'PairingFilter', { workUnitId: w.unitId }),
    q('stationedCadres', 'StationedCadreFilter', { workUnitId: w.unitId }),
    q('postings', 'PostingFilter', { cadreId: w.cadre.id, workUnitId: w.unitId }),
    q('visits', 'VisitFilter', {
      cadreId: w.cadre.id,
      workUnitId: w.unitId,
      postingId: w.posting.id,
      householdId: w.poorHome.id,
    }),
    q('assistances', 'AssistanceFilter', {
      cadreId: w.cadre.id,
      workUnitId: w.unitId,
      householdId: w.poorHome.id,
    }),
    mutation(
      'createPairing',
      'CreatePairingInput',
      { workUnitId: w.unitId, villageCode: w.villages[1], startsOn: '2012-01-01' },
      ['workUnitId'],
    ),
    mutation(
      'registerStationedCadre',
      'RegisterStationedCadreInput',
      { name: '新干部', workUnitId: w.unitId, regionCode: w.villages[1], userId: accountId },
      ['workUnitId', 'userId'],
    ),
    mutation(
      'startPosting',
      'StartPostingInput',
      {
        cadreId: w.cadre.id,
        villageCode: w.villages[1],
        role: 'TEAM_MEMBER',
        startsOn: '2012-01-01',
        workUnitId: w.unitId,
        previousPostingId: w.posting.id,
      },
      ['cadreId', 'workUnitId', 'previousPostingId'],
    ),
    mutation(
      'endPosting',
      'EndPostingInput',
      { id: w.posting.id, expectedVersion: 1, endsOn: '2012-06-30', handoverNote: '交接' },
      ['id'],
    ),
    mutation(
      'logVisit',
      'LogVisitInput',
      { householdId: w.poorHome.id, postingId: w.posting.id, visitedOn: '2012-06-01', purpose: 'OTHER' },
      ['householdId', 'postingId'],
    ),
    mutation(
      'reportVisitDispute',
      'ReportVisitDisputeInput',
      {
        visitId: visit.id,
        type: 'LAND',
        title: '地界',
        description: '地界',
        parties: [{ role: 'APPLICANT', residentId }],
        peopleInvolved: 1,
        householdsInvolved: 1,
      },
      ['visitId', 'parties.0.residentId'],
    ),
    mutation(
      'planAssistance',
      'PlanAssistanceInput',
      {
        householdId: w.poorHome.id,
        postingId: w.posting.id,
        type: 'LOAN',
        description: '贷款',
        plannedOn: '2012-05-01',
      },
      ['householdId', 'postingId'],
    ),
    mutation('startAssistance', 'StartAssistanceInput', step, ['id']),
    mutation('completeAssistance', 'CompleteAssistanceInput', { ...step, outcome: '完成' }, ['id']),
    mutation('abandonAssistance', 'AbandonAssistanceInput', { ...step, reason: '放弃' }, ['id']),
    mutation(
      'recordHouseholdIncome',
      'RecordHouseholdIncomeInput',
      { householdId: w.poorHome.id, year: 2012, incomeYuan: 1 },
      ['householdId'],
    ),
    mutation(
      'addVillageOrganizationMembers',
      'AddVillageOrganizationMembersInput',
      { organizationId, householdIds: [w.poorHome.id], joinedOn: '2011-01-01' },
      ['organizationId', 'householdIds.0'],
    ),
  ];
}

describe('every ID argument through one parser', () => {
  let app: TestApp;
  let admin: SignedIn;
  let operations: Operation[];

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
    const street = tree.rows.find((r) => r.level === 'STREET')!.code;
    const community = tree.rows.find((r) => r.level === 'COMMUNITY')!.code;
    const grid = tree.rows.find((r) => r.level === 'GRID')!.code;
    admin = await cityAdmin(app);
    const committee = await organization(app.db, community);
    const centre = await organization(app.db, street, 'COORDINATION_CENTRE');
    const clinic = await organization(app.db, street, 'LEGAL_CLINIC');
    const refs: CommandRefs = {
      mediatorId: await mediator(app.db, community, [committee]),
      centreId: centre,
    };
    const h = await household(app, grid);
    const r = await resident(app, h.id);
    const c = await caseIn(admin, community, 'IN_MEDIATION', refs);
    const mediatorUser = await app.signIn({ roles: ['MEDIATOR'], jurisdiction: community });
    await apiKeyClient(app, admin, tree.districtCode, ['READ']);
    const [{ id: apiKeyId }] = await app.db.query(`SELECT id FROM api_key ORDER BY created_at DESC LIMIT 1`);
    const [petition] = await app.db.query(
      `INSERT INTO petition_case (title, region_code, state, registered_on) VALUES ('信访', $1, 'REGISTERED', '2012-01-05')
       RETURNING id, version`,
      [community],
    );
    const [meeting] = await app.db.query(
      `INSERT INTO coordination_meeting (organization_id, region_path, held_on, attendees, notes)
       SELECT $1, region_path, '2012-01-05', '{司法所}', '' FROM mediation_organization WHERE id = $1 RETURNING id`,
      [centre],
    );
    const [m] = await app.db.query(`SELECT version FROM mediator WHERE id = $1`, [refs.mediatorId]);
    const event = await reportEvent(admin, grid, { category: 'NEIGHBOURHOOD_DISPUTE' });
    const gridWorker = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: grid });
    const assigned = await admin.gql<{ assignGridWorker: { id: string; version: number } }>(
      `mutation($input: AssignGridWorkerInput!) { assignGridWorker(input: $input) { id version } }`,
      { input: { regionCode: grid, workerName: '网格员', validFrom: chinaDay(0) } },
    );
    const assignment = assigned.data!.assignGridWorker;
    const gridCommand = (name: keyof typeof GRID_COMMAND_API, input = {}, ids = ['input.id']): Operation => {
      const { mutation, inputType, input: base } = GRID_COMMAND_API[name];
      return {
        op: `Mutation.${mutation}`,
        args: {
          input: [`${inputType}!`, { id: event.id, expectedVersion: event.version, ...base, ...input }],
        },
        ids,
      };
    };
    const vill = await villageIds(app);
    const v = c.version;
    const command = (name: keyof typeof CASE_COMMANDS, ids = ['input.id']): Operation => {
      const { mutation, inputType, input } = CASE_COMMANDS[name];
      return {
        op: `Mutation.${mutation}`,
        args: { input: [`${inputType}!`, { id: c.id, expectedVersion: v, ...input(refs) }] },
        ids,
      };
    };
    const byId = (name: string, id: string): Operation => ({
      op: `Query.${name}`,
      args: { id: ['ID!', id] },
      ids: ['id'],
    });

    // Public services: an item, a policy, a slot and an application of the community.
    const item = await serviceItem(admin, community);
    const slot = await serviceSlot(admin, community);
    const application = await submitApplication(admin, {
      itemId: item.id,
      residentId: r.id,
      regionCode: community,
    });
    const policy = await admin.gql<{ publishPolicy: { id: string } }>(
      `mutation($input: PublishPolicyInput!) { publishPolicy(input: $input) { id } }`,
      {
        input: {
          title: '政策',
          body: '正文',
          category: 'ELDERLY',
          issuingBody: '民政局',
          effectiveFrom: '2012-01-01',
          regionCode: community,
        },
      },
    );
    const policyId = policy.data!.publishPolicy.id;
    const serviceStep = (command: keyof typeof COMMAND_MUTATIONS, ids = ['input.id']): Operation => {
      const { mutation, input, extra } = COMMAND_MUTATIONS[command];
      return {
        op: `Mutation.${mutation}`,
        args: {
          input: [
            `${input}!`,
            { id: application.id, expectedVersion: application.version, ...extra({ slotId: slot.id }) },
          ],
        },
        ids,
      };
    };

    operations = [
      byId('serviceItem', item.id),
      byId('policy', policyId),
      byId('serviceApplication', application.id),
      {
        op: 'Query.serviceItems',
        args: { filter: ['ServiceItemFilter', { policyId }] },
        ids: ['filter.policyId'],
      },
      {
        op: 'Query.serviceApplications',
        args: { filter: ['ServiceApplicationFilter', { itemId: item.id, residentId: r.id }] },
        ids: ['filter.itemId', 'filter.residentId'],
      },
      {
        op: 'Mutation.createServiceItem',
        args: {
          input: [
            'CreateServiceItemInput!',
            {
              code: 'ID-TEST',
              name: '事项',
              category: 'ELDERLY',
              servicePoint: 'COMMUNITY',
              onSite: false,
              timeLimitDays: 3,
              regionCode: community,
              policyId,
            },
          ],
        },
        ids: ['input.policyId'],
      },
      {
        op: 'Mutation.offerServiceItem',
        args: { input: ['OfferServiceItemInput!', { itemId: item.id, regionCodes: [community] }] },
        ids: ['input.itemId'],
      },
      {
        op: 'Mutation.submitServiceApplication',
        args: {
          input: [
            'SubmitServiceApplicationInput!',
            { itemId: item.id, residentId: r.id, regionCode: community, answers: {} },
          ],
        },
        ids: ['input.itemId', 'input.residentId'],
      },
      ...(
        [
          'accept',
          'returnForMaterial',
          'resubmit',
          'reject',
          'recordNoShow',
          'handleOnSite',
          'complete',
          'withdraw',
        ] as const
      ).map((c) => serviceStep(c)),
      serviceStep('bookAppointment', ['input.id', 'input.slotId']),
      ...villageOperations(vill, r.id),
      byId('coordinationMeeting', meeting.id),
      byId('disputeCase', c.id),
      byId('household', h.id),
      byId('mediationOrganization', committee),
      byId('mediator', refs.mediatorId),
      byId('petitionCase', petition.id),
      byId('resident', r.id),
      byId('user', mediatorUser.userId),
      {
        op: 'Query.auditEvents',
        args: { filter: ['AuditEventFilter', { actorId: admin.userId }] },
        ids: ['filter.actorId'],
      },
      {
        op: 'Query.coordinationMeetings',
        args: { filter: ['CoordinationMeetingFilter', { organizationId: centre }] },
        ids: ['filter.organizationId'],
      },
      {
        op: 'Query.disputeCases',
        args: {
          filter: [
            'DisputeCaseFilter',
            { mediatorId: refs.mediatorId, organizationId: committee, partyResidentId: r.id },
          ],
        },
        ids: ['filter.mediatorId', 'filter.organizationId', 'filter.partyResidentId'],
      },
      {
        op: 'Query.mediators',
        args: { filter: ['MediatorFilter', { organizationId: committee }] },
        ids: ['filter.organizationId'],
      },
      {
        op: 'Query.residents',
        args: { filter: ['ResidentFilter', { householdId: h.id }] },
        ids: ['filter.householdId'],
      },
      command('accept'),
      command('assignMediator', ['input.id', 'input.mediatorId']),
      command('close'),
      command('concludeWithAgreement'),
      command('concludeWithoutAgreement'),
      command('withdraw'),
      // The deprecated names of two of those steps (recordSession, and the three ends by outcome).
      {
        op: 'Mutation.recordMediationSession',
        args: {
          input: [
            'RecordMediationSessionInput!',
            { id: c.id, expectedVersion: v, ...CASE_COMMANDS.recordSession.input(refs) },
          ],
        },
        ids: ['input.id'],
      },
      {
        op: 'Mutation.concludeDisputeCase',
        args: {
          input: [
            'ConcludeDisputeCaseInput!',
            { id: c.id, expectedVersion: v, outcome: 'WITHDRAWN', reason: '申请人撤回申请' },
          ],
        },
        ids: ['input.id'],
      },
      command('decline'),
      command('escalate', ['input.id', 'input.organizationId']),
      command('recordFollowUp'),
      command('recordSession'),
      {
        op: 'Mutation.assignPetitionCase',
        args: {
          input: [
            'AssignPetitionCaseInput!',
            { id: petition.id, expectedVersion: petition.version, organizationId: committee },
          ],
        },
        ids: ['input.id', 'input.organizationId'],
      },
      {
        op: 'Mutation.resolvePetitionCase',
        args: {
          input: [
            'ResolvePetitionCaseInput!',
            { id: petition.id, expectedVersion: petition.version, resolved: true, on: chinaDay(1) },
          ],
        },
        ids: ['input.id'],
      },
      { op: 'Mutation.disableUser', args: { id: ['ID!', mediatorUser.userId] }, ids: ['id'] },
      { op: 'Mutation.enableUser', args: { id: ['ID!', mediatorUser.userId] }, ids: ['id'] },
      { op: 'Mutation.revokeApiKey', args: { id: ['ID!', apiKeyId] }, ids: ['id'] },
      {
        op: 'Mutation.deleteWorkCalendarEntry',
        args: { id: ['ID!', '00000000-0000-4000-8000-000000000000'] },
        ids: ['id'],
      },
      {
        op: 'Mutation.revealResident',
        args: { id: ['ID!', r.id], purpose: ['String!', '窗口核验身份'] },
        ids: ['id'],
      },
      {
        op: 'Mutation.moveHousehold',
        args: { input: ['MoveHouseholdInput!', { id: h.id, expectedVersion: h.version, regionCode: grid }] },
        ids: ['input.id'],
      },
      {
        op: 'Mutation.updateHousehold',
        args: {
          input: ['UpdateHouseholdInput!', { id: h.id, expectedVersion: h.version, headResidentId: r.id }],
        },
        ids: ['input.id', 'input.headResidentId'],
      },
      {
        op: 'Mutation.registerResident',
        args: {
          input: ['RegisterResidentInput!', { householdId: h.id, name: '新居民', idNumber: r.idNumber }],
        },
        ids: ['input.householdId'],
      },
      {
        op: 'Mutation.updateResident',
        args: { input: ['UpdateResidentInput!', { id: r.id, expectedVersion: r.version, name: '改名' }] },
        ids: ['input.id'],
      },
      {
        op: 'Mutation.moveResident',
        args: { input: ['MoveResidentInput!', { id: r.id, expectedVersion: r.version, householdId: h.id }] },
        ids: ['input.id', 'input.householdId'],
      },
      {
        op: 'Mutation.registerDisputeCase',
        args: {
          input: [
            'RegisterDisputeCaseInput!',
            caseInput(community, {
              organizationId: committee,
              parties: [
                { role: 'APPLICANT', residentId: r.id },
                { role: 'RESPONDENT', name: '李某' },
              ],
            }),
          ],
        },
        ids: ['input.organizationId', 'input.parties.0.residentId'],
      },
      {
        op: 'Mutation.recordCoordinationMeeting',
        args: {
          input: [
            'RecordCoordinationMeetingInput!',
            {
              organizationId: centre,
              heldOn: chinaDay(3),
              attendees: ['司法所'],
              decisions: [{ caseId: c.id, decision: '限期调处' }],
            },
          ],
        },
        ids: ['input.organizationId', 'input.decisions.0.caseId'],
      },
      {
        op: 'Mutation.recordLegalClinicService',
        args: {
          input: [
            'RecordLegalClinicServiceInput!',
            { organizationId: clinic, month: '2012-01-01', peopleServed: 3 },
          ],
        },
        ids: ['input.organizationId'],
      },
      {
        op: 'Mutation.registerMediator',
        args: {
          input: [
            'RegisterMediatorInput!',
            {
              name: '新调解员',
              employment: 'PART_TIME',
              regionCode: community,
              organizationIds: [committee],
              userId: mediatorUser.userId,
            },
          ],
        },
        ids: ['input.organizationIds.0', 'input.userId'],
      },
      {
        op: 'Mutation.updateMediator',
        args: {
          input: [
            'UpdateMediatorInput!',
            { id: refs.mediatorId, expectedVersion: m.version, organizationIds: [committee] },
          ],
        },
        ids: ['input.id', 'input.organizationIds.0'],
      },
      {
        op: 'Mutation.updateMediationOrganization',
        args: {
          input: [
            'UpdateMediationOrganizationInput!',
            { id: committee, expectedVersion: 1, name: '改名调委会' },
          ],
        },
        ids: ['input.id'],
      },
      // Grid management (issue 12).
      byId('gridEvent', event.id),
      ...(
        ['file', 'dispatch', 'startDisposal', 'dispose', 'verify', 'sendBack', 'close', 'evaluate'] as const
      ).map((name) => gridCommand(name)),
      gridCommand('reject', { reason: 'DUPLICATE', duplicateOfId: event.id }, [
        'input.id',
        'input.duplicateOfId',
      ]),
      gridCommand(
        'referToMediation',
        {
          organizationId: committee,
          parties: [
            { role: 'APPLICANT', residentId: r.id },
            { role: 'RESPONDENT', name: '李某' },
          ],
        },
        ['input.id', 'input.organizationId', 'input.parties.0.residentId'],
      ),
      {
        op: 'Mutation.assignGridWorker',
        args: {
          input: [
            'AssignGridWorkerInput!',
            { regionCode: grid, workerName: '网格员', validFrom: chinaDay(0), userId: gridWorker.userId },
          ],
        },
        ids: ['input.userId'],
      },
      {
        op: 'Mutation.endGridWorkerAssignment',
        args: {
          input: [
            'EndGridWorkerAssignmentInput!',
            { id: assignment.id, expectedVersion: assignment.version, validTo: chinaDay(0) },
          ],
        },
        ids: ['input.id'],
      },
      {
        op: 'Mutation.moveHouseholdToGridUnit',
        args: {
          input: [
            'MoveHouseholdToGridUnitInput!',
            { householdId: h.id, expectedVersion: h.version, regionCode: grid, on: chinaDay(0) },
          ],
        },
        ids: ['input.householdId'],
      },
    ];
  });
  afterAll(() => app.close());

  /** The operation as a document with its arguments as variables; `{ __typename }` fits every result type. */
  const send = (operation: Operation, values: Record<string, unknown>) => {
    const [root, name] = operation.op.split('.');
    const names = Object.keys(operation.args);
    const document = `${root === 'Query' ? 'query' : 'mutation'}(${names
      .map((n) => `$${n}: ${operation.args[n][0]}`)
      .join(', ')}) { ${name}(${names.map((n) => `${n}: $${n}`).join(', ')}) { __typename } }`;
    return admin.gql(document, values);
  };
  const valid = (operation: Operation) =>
    Object.fromEntries(Object.entries(operation.args).map(([n, [, value]]) => [n, value]));

  it("when the table of operations is compared with the schema's ID arguments, then it holds every one of them", () => {
    expect(operations.flatMap((o) => o.ids.map((id) => `${o.op} ${id}`)).sort()).toEqual(idPathsOfSchema());
  });

  it('when each query is sent with its valid ids, then it answers: the ids below are the only fault', async () => {
    for (const operation of operations.filter((o) => o.op.startsWith('Query.'))) {
      const res = await send(operation, valid(operation));
      expect({ op: operation.op, errors: res.errors }).toEqual({ op: operation.op, errors: undefined });
    }
  });

  it.each(BAD_IDS)(
    'when %j is sent as each ID of every query and mutation, then BAD_USER_INPUT on that field and no data (cases 17, 19)',
    async (bad) => {
      const answers = [];
      for (const operation of operations)
        for (const id of operation.ids) {
          const at = id.split('.');
          const res = await send(operation, withValueAt(valid(operation), at, bad));
          answers.push({
            where: `${operation.op} ${id}`,
            code: codeOf(res),
            field: res.errors?.[0].extensions.field,
            message: res.errors?.[0].message,
            data: res.data ?? null,
          });
        }
      // `is not a valid id.` is the parser's own sentence: nothing but the parser refused these.
      expect(answers).toEqual(
        answers.map((a) => {
          const field = fieldOf(a.where.split(' ')[1].split('.'));
          return {
            where: a.where,
            code: 'BAD_USER_INPUT',
            field,
            message: `${field} is not a valid id.`,
            data: null,
          };
        }),
      );
    },
  );

  it('when an ID variable is a JSON object or an array, then the request is refused with 400 before any resolver (case 17)', async () => {
    const residents = `query($h: ID) { residents(filter: { householdId: $h }) { totalCount } }`;
    for (const value of [{ $gt: '' }, ['00000000-0000-4000-8000-000000000000'], true, 1.5]) {
      const res = await admin.gql(residents, { h: value });
      expect({ value, status: res.status, code: codeOf(res), data: res.data ?? null }).toEqual({
        value,
        status: 400,
        code: 'BAD_USER_INPUT',
        data: null,
      });
    }
  });

  it('when an ID is an integer literal, then it is coerced to text and refused by the parser, not matched', async () => {
    const res = await admin.gql(`{ resident(id: 1) { id } }`);
    expect(res.errors![0]).toMatchObject({ message: 'id is not a valid id.', extensions: { field: 'id' } });
  });

  it('when the audit filter names an entityId that is no UUID, then it is compared as text and only narrows (by design)', async () => {
    const list = (entityId: string) =>
      admin.gql<{ auditEvents: { totalCount: number } }>(
        `query($e: String) { auditEvents(filter: { entityId: $e }) { totalCount } }`,
        { e: entityId },
      );
    const all = await admin.gql<{ auditEvents: { totalCount: number } }>(`{ auditEvents { totalCount } }`);
    expect(all.data!.auditEvents.totalCount).toBeGreaterThan(0);
    for (const e of ['', 'x', '{"$gt":""}', '%']) {
      const res = await list(e);
      expect(res.errors).toBeUndefined();
      // An empty filter is no filter; anything else matches only entities of exactly that id.
      expect(res.data!.auditEvents.totalCount).toBe(e === '' ? all.data!.auditEvents.totalCount : 0);
    }
  });
});
