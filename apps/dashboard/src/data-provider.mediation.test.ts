import { DISPUTE_CASE_MACHINE } from '@qiangji/domain';
import { availableCommands, commandCall } from './common/command-forms';
import { createDataProvider } from './data-provider';
import { DISPUTE_CASE_COMMANDS } from './dispute-cases/dispute-case-commands';
import type { DisputeCaseDetailRecord } from './dispute-cases/dispute-case-record';
import { disputeCaseResource } from './dispute-cases/dispute-case-resource';
import { createGraphqlRequest } from './graphql-client';
import { buildQueries } from './graphql-resource';
import { PETITION_COMMANDS } from './petitions/petition-commands';
import { GRAPHQL_RESOURCES } from './resources';
import { fail, fakeFetch, ok, type Reply, type SentRequest } from './test-support/fake-fetch';

/** The real resource mappings and GraphQL client over a fake fetch that answers `reply`. */
function setup(reply: (request: SentRequest) => Reply = () => ok({ page: { totalCount: 0, edges: [] } })) {
  const { fetchFn, sent } = fakeFetch(reply);
  const dataProvider = createDataProvider(GRAPHQL_RESOURCES, createGraphqlRequest('/graphql', fetchFn));
  return { dataProvider, sent };
}

const PAGE = { page: 1, perPage: 25 };
const CASE = { id: 'c-1', number: '2012-000123', version: 4 } as DisputeCaseDetailRecord;

describe('data provider: dispute cases', () => {
  it('when cases are filtered, then region subtree, type, state, risk, overdue and dates reach DisputeCaseFilter', async () => {
    const { dataProvider, sent } = setup();
    await dataProvider.getList('disputeCases', {
      pagination: { page: 3, perPage: 25 },
      sort: { field: 'receivedAt', order: 'DESC' },
      filter: {
        q: ' 机耕路 ',
        regionCode: '230129100',
        type: 'LAND',
        state: ['RECEIVED', 'ACCEPTED'],
        risk: ['HIGH'],
        overdue: true,
        atRisk: false,
        acceptedFrom: '2012-01-01',
        acceptedTo: '2012-12-31',
      },
    });
    expect(sent[0].operation).toBe('DisputeCaseList');
    expect(sent[0].query).toContain(
      'disputeCases(filter: $filter, first: $first, offset: $offset, orderBy: $orderBy)',
    );
    expect(sent[0].variables).toEqual({
      // An unticked checkbox is no filter, never "not at risk".
      filter: {
        q: '机耕路',
        regionCode: '230129100',
        type: ['LAND'],
        state: ['RECEIVED', 'ACCEPTED'],
        risk: ['HIGH'],
        overdue: true,
        acceptedFrom: '2012-01-01',
        acceptedTo: '2012-12-31',
      },
      orderBy: { field: 'RECEIVED_AT', direction: 'DESC' },
      first: 25,
      offset: 50,
    });
  });

  it('when the list is sorted by deadline, then DUE_AT is sent; other columns keep the API’s order', async () => {
    const { dataProvider, sent } = setup();
    await dataProvider.getList('disputeCases', {
      pagination: PAGE,
      sort: { field: 'dueAt', order: 'ASC' },
      filter: {},
    });
    await dataProvider.getList('disputeCases', {
      pagination: PAGE,
      sort: { field: 'title', order: 'ASC' },
      filter: {},
    });
    expect(sent.map((r) => r.variables.orderBy)).toEqual([{ field: 'DUE_AT', direction: 'ASC' }, null]);
  });

  it('when an unknown filter reaches the cases, then it fails instead of widening the list', async () => {
    const { dataProvider, sent } = setup();
    await expect(
      dataProvider.getList('disputeCases', { pagination: PAGE, filter: { partyName: '王' } }),
    ).rejects.toThrow('Unsupported disputeCases filter: partyName.');
    expect(sent).toHaveLength(0);
  });

  it('when an organisation’s or a mediator’s cases are shown, then the reference becomes the filter', async () => {
    const { dataProvider, sent } = setup();
    await dataProvider.getManyReference('disputeCases', {
      target: 'mediatorId',
      id: 'm-1',
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'receivedAt', order: 'DESC' },
      filter: {},
    });
    expect(sent[0].variables.filter).toEqual({ mediatorId: 'm-1' });
  });

  it('when a case is opened, then disputeCase(id) selects the timeline, the parties and the available commands', async () => {
    const { dataProvider, sent } = setup(() => ok({ record: { ...CASE, availableCommands: ['ACCEPT'] } }));
    const { data } = await dataProvider.getOne('disputeCases', { id: 'c-1' });
    expect(sent[0].query).toContain('record: disputeCase(id: $id) { ...DisputeCaseDetail }');
    // The details are typed per step (issue 8): the document selects each kind's fields.
    expect(sent[0].query).toContain('timeline { id at command fromState toState actorName details {');
    expect(sent[0].query).toContain('... on SessionDetails { date place participants notes }');
    expect(sent[0].query).toContain('parties { id role name contact resident { id } }');
    expect(sent[0].query).toContain('availableCommands');
    expect(sent[0].query).toContain('deadlineStatus');
    expect(data.availableCommands).toEqual(['ACCEPT']);
  });

  it('when a case is registered, then registerDisputeCase gets trimmed text, numbers and the named parties only', async () => {
    const { dataProvider, sent } = setup(() => ok({ record: { id: 'c-9' } }));
    await dataProvider.create('disputeCases', {
      data: {
        idempotencyKey: 'dashboard-abc',
        channel: 'WALK_IN',
        type: 'LAND',
        title: ' 机耕路占用纠纷 ',
        description: ' 翻耕机耕路 ',
        regionCode: '230129100204',
        organizationId: '',
        parties: [
          { role: 'APPLICANT', name: ' 王某 ', contact: ' 13800001234 ' },
          { role: 'RESPONDENT', name: '李某', contact: '' },
          { role: 'OTHER', name: ' ' },
        ],
        peopleInvolved: '12',
        householdsInvolved: 3,
        amountAtStake: ' 120,000.50 ',
        threats: true,
        receivedAt: '2012-05-14T08:30:00+08:00',
      },
    });
    expect(sent[0].query).toContain('record: registerDisputeCase(input: $input)');
    expect(sent[0].variables).toEqual({
      input: {
        idempotencyKey: 'dashboard-abc',
        channel: 'WALK_IN',
        type: 'LAND',
        title: '机耕路占用纠纷',
        description: '翻耕机耕路',
        regionCode: '230129100204',
        parties: [
          { role: 'APPLICANT', name: '王某', contact: '13800001234' },
          { role: 'RESPONDENT', name: '李某' },
        ],
        peopleInvolved: 12,
        householdsInvolved: 3,
        threats: true,
        amountAtStake: '120000.50',
        receivedAt: '2012-05-14T00:30:00.000Z',
      },
    });
  });

  it('when a button is pressed, then its step’s mutation gets the dialog’s input with the id and the version read', () => {
    const calls = Object.fromEntries(
      (
        [
          ['accept', { note: ' ' }],
          ['decline', { reason: ' 不属于民间纠纷 ' }],
          ['assignMediator', { mediatorId: 'm-1' }],
          [
            'recordSession',
            { date: '2012-05-14', place: ' 村委会 ', participants: '敖亚斌、王某, 李某', notes: '' },
          ],
          [
            'concludeWithAgreement',
            { terms: ' 恢复原状 ', signatories: '王某，李某', signedOn: '2012-05-15', courtConfirmed: true },
          ],
          ['concludeWithoutAgreement', { referral: 'LITIGATION', reason: '' }],
          ['withdraw', { reason: '双方和解' }],
          ['escalate', { organizationId: 'o-9', reason: '涉及多户' }],
          ['recordFollowUp', { date: '2012-06-15', honoured: 'false', notes: ' 未履行 ' }],
          ['close', { note: '已履行完毕' }],
        ] as const
      ).map(([name, values]) => [name, commandCall(DISPUTE_CASE_COMMANDS, name, values, CASE)]),
    );
    const version = { id: 'c-1', expectedVersion: 4 };
    expect(calls).toEqual({
      accept: { mutation: 'acceptDisputeCase', input: version },
      decline: { mutation: 'declineDisputeCase', input: { ...version, reason: '不属于民间纠纷' } },
      assignMediator: { mutation: 'assignMediator', input: { ...version, mediatorId: 'm-1' } },
      recordSession: {
        mutation: 'recordSession',
        input: { ...version, date: '2012-05-14', place: '村委会', participants: ['敖亚斌', '王某', '李某'] },
      },
      concludeWithAgreement: {
        mutation: 'concludeWithAgreement',
        input: {
          ...version,
          agreement: {
            terms: '恢复原状',
            signatories: ['王某', '李某'],
            signedOn: '2012-05-15',
            courtConfirmed: true,
          },
        },
      },
      concludeWithoutAgreement: {
        mutation: 'concludeWithoutAgreement',
        input: { ...version, referral: 'LITIGATION' },
      },
      withdraw: {
        mutation: 'withdrawDisputeCase',
        input: { ...version, reason: '双方和解' },
      },
      escalate: {
        mutation: 'escalateDisputeCase',
        input: { ...version, organizationId: 'o-9', reason: '涉及多户' },
      },
      recordFollowUp: {
        mutation: 'recordFollowUp',
        input: { ...version, date: '2012-06-15', honoured: false, notes: '未履行' },
      },
      close: { mutation: 'closeDisputeCase', input: { ...version, note: '已履行完毕' } },
    });
  });

  it('when the machine’s steps are listed, then each has a form whose mutation the resource sends', () => {
    const { commands } = buildQueries(disputeCaseResource);
    for (const command of DISPUTE_CASE_MACHINE.commands) {
      expect([command, commands[DISPUTE_CASE_COMMANDS[command].mutation]]).toEqual([
        command,
        expect.stringContaining('{ ...DisputeCaseDetail }'),
      ]);
    }
  });

  it('when the API names the steps allowed now, then the buttons are the domain’s commands and an unknown one is left out', () => {
    expect(
      availableCommands(DISPUTE_CASE_MACHINE, {
        availableCommands: ['ACCEPT', 'CONCLUDE_WITH_AGREEMENT', 'REOPEN'],
      }),
    ).toEqual(['accept', 'concludeWithAgreement']);
    expect(availableCommands(DISPUTE_CASE_MACHINE, {})).toEqual([]);
  });

  it('when a command runs, then its mutation returns the case with the detail fragment', async () => {
    const { dataProvider, sent } = setup(() =>
      ok({ result: { ...CASE, version: 5, state: 'AGREEMENT_REACHED' } }),
    );
    const { mutation, input } = commandCall(
      DISPUTE_CASE_COMMANDS,
      'concludeWithAgreement',
      { terms: '恢复原状', signatories: '王某', signedOn: '2012-05-15' },
      CASE,
    );
    await expect(dataProvider.command('disputeCases', mutation, { input })).resolves.toMatchObject({
      version: 5,
    });
    expect(sent[0].operation).toBe('ConcludeWithAgreement');
    expect(sent[0].query).toContain(
      'mutation ConcludeWithAgreement($input: ConcludeWithAgreementInput!) {\n  result: concludeWithAgreement(input: $input) { ...DisputeCaseDetail }',
    );
    expect(sent[0].query).toContain('fragment DisputeCaseDetail on DisputeCase {');
    expect(sent[0].variables).toEqual({ input });
  });

  it('when someone took a step meanwhile, then the command fails with CONFLICT as a 409 and no field error', async () => {
    const { dataProvider } = setup(() => fail('CONFLICT', 'Version 4 is stale; the current version is 5.'));
    const error = await dataProvider
      .command('disputeCases', 'acceptDisputeCase', { input: { id: 'c-1', expectedVersion: 4 } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    expect((error as { body: object }).body).not.toHaveProperty('errors');
  });

  it('when the overview loads, then mediationStats gets the region and the range and its figures come back', async () => {
    const stats = { regionCode: '230100', accepted: 10368, mediated: 9917, mediationRate: 0.9565 };
    const { dataProvider, sent } = setup(() => ok({ result: stats }));
    const variables = { regionCode: '230100', from: '2012-01-01', to: '2012-12-31' };
    await expect(dataProvider.command('disputeCases', 'stats', variables)).resolves.toEqual(stats);
    expect(sent[0].operation).toBe('MediationStats');
    expect(sent[0].query).toContain('result: mediationStats(regionCode: $regionCode, from: $from, to: $to)');
    expect(sent[0].query).toContain('byChildRegion { regionCode region { code name qualifiedName level }');
    expect(sent[0].query).toContain('petitionBacklog { backlog resolved resolutionRate }');
    expect(sent[0].variables).toEqual(variables);
  });
});

describe('data provider: organisations and mediators', () => {
  it('when organisations are listed, then one kind becomes a list and no orderBy is sent', async () => {
    const { dataProvider, sent } = setup();
    await dataProvider.getList('mediationOrganizations', {
      pagination: PAGE,
      sort: { field: 'name', order: 'ASC' },
      filter: { kind: 'COORDINATION_CENTRE', regionCode: '230129', nameContains: ' 延寿 ' },
    });
    expect(sent[0].query).toContain(
      'mediationOrganizations(filter: $filter, first: $first, offset: $offset)',
    );
    expect(sent[0].variables).toEqual({
      filter: { kind: ['COORDINATION_CENTRE'], regionCode: '230129', nameContains: '延寿' },
      first: 25,
      offset: 0,
    });
  });

  it('when an organisation is created, then the industry goes with a committee of industry only and the school with a clinic only', async () => {
    const { dataProvider, sent } = setup(() => ok({ record: { id: 'o-1' } }));
    await dataProvider.create('mediationOrganizations', {
      data: {
        kind: 'INDUSTRY_COMMITTEE',
        industry: 'ROAD_TRAFFIC',
        name: ' 交通事故调委会 ',
        regionCode: '230102',
        partnerUniversity: 'x',
      },
    });
    await dataProvider.create('mediationOrganizations', {
      data: {
        kind: 'LEGAL_CLINIC',
        industry: 'ROAD_TRAFFIC',
        name: '上红社区法律诊所',
        regionCode: '230102010003',
        partnerUniversity: ' 黑龙江大学法学院 ',
      },
    });
    expect(sent.map((r) => r.variables.input)).toEqual([
      { kind: 'INDUSTRY_COMMITTEE', industry: 'ROAD_TRAFFIC', name: '交通事故调委会', regionCode: '230102' },
      {
        kind: 'LEGAL_CLINIC',
        name: '上红社区法律诊所',
        regionCode: '230102010003',
        partnerUniversity: '黑龙江大学法学院',
      },
    ]);
  });

  it('when an organisation is edited, then updateMediationOrganization gets the version and what changed; an emptied school is removed', async () => {
    const clinic = {
      id: 'o-2',
      kind: 'LEGAL_CLINIC',
      name: '上红社区法律诊所',
      partnerUniversity: '黑龙江大学法学院',
      version: 3,
    };
    const { dataProvider, sent } = setup(() => ok({ record: clinic }));
    await dataProvider.update('mediationOrganizations', {
      id: 'o-2',
      data: { ...clinic, partnerUniversity: ' ' },
      previousData: clinic,
    });
    expect(sent[0].query).toContain('record: updateMediationOrganization(input: $input)');
    expect(sent[0].variables).toEqual({ input: { id: 'o-2', expectedVersion: 3, partnerUniversity: '' } });
  });

  it('when a clinic records a month, then recordLegalClinicService gets the month’s first day', async () => {
    const { dataProvider, sent } = setup(() =>
      ok({ result: { id: 't-1', month: '2012-05-01', peopleServed: 40 } }),
    );
    const { toClinicServiceInput } = await import('./organizations/organization-resource');
    await dataProvider.command('mediationOrganizations', 'recordClinicService', {
      input: toClinicServiceInput('o-2', { month: '2012-05', peopleServed: '40' }),
    });
    expect(sent[0].query).toContain(
      'result: recordLegalClinicService(input: $input) { id month peopleServed }',
    );
    expect(sent[0].variables).toEqual({
      input: { organizationId: 'o-2', month: '2012-05-01', peopleServed: 40 },
    });
  });

  it('when mediators are picked for a case, then the region subtree, active only and the name reach MediatorFilter', async () => {
    const { dataProvider, sent } = setup();
    await dataProvider.getList('mediators', {
      pagination: PAGE,
      filter: { regionCode: '230129100204', active: true, nameContains: '敖', employment: 'FULL_TIME' },
    });
    expect(sent[0].query).toContain('mediators(filter: $filter, first: $first, offset: $offset)');
    expect(sent[0].variables.filter).toEqual({
      regionCode: '230129100204',
      active: true,
      nameContains: '敖',
      employment: ['FULL_TIME'],
    });
  });

  it('when a mediator is registered, then registerMediator gets the lists without blank rows and no blank phone', async () => {
    const { dataProvider, sent } = setup(() => ok({ record: { id: 'm-9' } }));
    await dataProvider.create('mediators', {
      data: {
        name: ' 敖亚斌 ',
        employment: 'PART_TIME',
        specialities: ['LAND'],
        organizationIds: ['o-1'],
        qualifications: [
          { title: '人民调解员证', issuedBy: '延寿县司法局', obtainedOn: '2003-03-10' },
          { title: '' },
        ],
        trainings: [{ title: '业务培训', completedOn: '2012-08-01', hours: '8' }],
        phone: ' ',
        regionCode: '230129100204',
      },
    });
    expect(sent[0].variables).toEqual({
      input: {
        name: '敖亚斌',
        employment: 'PART_TIME',
        specialities: ['LAND'],
        qualifications: [{ title: '人民调解员证', issuedBy: '延寿县司法局', obtainedOn: '2003-03-10' }],
        trainings: [{ title: '业务培训', completedOn: '2012-08-01', hours: 8 }],
        regionCode: '230129100204',
        organizationIds: ['o-1'],
      },
    });
  });

  it('when a mediator is edited, then updateMediator sends the version and only what changed; the masked phone is never sent back', async () => {
    const mediator = {
      id: 'm-1',
      name: '敖亚斌',
      employment: 'PART_TIME',
      specialities: ['LAND', 'MARRIAGE_FAMILY'],
      qualifications: [{ title: '人民调解员证', issuedBy: '延寿县司法局', obtainedOn: '2003-03-10' }],
      trainings: [],
      phone: '138****1234',
      active: true,
      organizations: [{ id: 'o-1', name: '双金村人民调解委员会' }],
      version: 6,
    };
    const { dataProvider, sent } = setup(() => ok({ record: mediator }));
    await dataProvider.update('mediators', {
      id: 'm-1',
      data: {
        ...mediator,
        specialities: ['MARRIAGE_FAMILY', 'LAND'],
        organizationIds: ['o-1', 'o-2'],
        newPhone: '13900002222',
        active: false,
      },
      previousData: mediator,
    });
    expect(sent[0].variables).toEqual({
      input: {
        id: 'm-1',
        expectedVersion: 6,
        phone: '13900002222',
        active: false,
        organizationIds: ['o-1', 'o-2'],
      },
    });
  });
});

describe('data provider: meetings and petitions', () => {
  it('when a meeting is recorded, then the departments are split and each decision names its case', async () => {
    const { dataProvider, sent } = setup(() => ok({ record: { id: 'mt-1' } }));
    await dataProvider.create('coordinationMeetings', {
      data: {
        organizationId: 'o-9',
        heldOn: '2012-06-04',
        attendees: '司法所、派出所，信访办\n国土所',
        notes: ' 月例会 ',
        decisions: [
          { caseId: 'c-1', decision: ' 由国土所现场勘界 ' },
          { caseId: 'c-2', decision: ' ' },
        ],
      },
    });
    expect(sent[0].query).toContain('record: recordCoordinationMeeting(input: $input)');
    expect(sent[0].variables).toEqual({
      input: {
        organizationId: 'o-9',
        heldOn: '2012-06-04',
        attendees: ['司法所', '派出所', '信访办', '国土所'],
        notes: '月例会',
        decisions: [{ caseId: 'c-1', decision: '由国土所现场勘界' }],
      },
    });
  });

  it('when petition cases are filtered, then one state becomes a list and the dates pass through', async () => {
    const { dataProvider, sent } = setup();
    await dataProvider.getList('petitionCases', {
      pagination: PAGE,
      filter: { regionCode: '230129', state: 'UNRESOLVED', registeredFrom: '2012-01-01' },
    });
    expect(sent[0].query).toContain('petitionCases(filter: $filter, first: $first, offset: $offset)');
    expect(sent[0].variables.filter).toEqual({
      regionCode: '230129',
      state: ['UNRESOLVED'],
      registeredFrom: '2012-01-01',
    });
  });

  it('when a petition case is assigned or resolved, then the commands carry the version read', async () => {
    const petition = {
      id: 'p-1',
      version: 2,
      title: '拖欠工资',
      state: 'ASSIGNED',
      regionCode: '230129',
    } as const;
    expect(commandCall(PETITION_COMMANDS, 'assign', { organizationId: 'o-3' }, petition)).toEqual({
      mutation: 'assignPetitionCase',
      input: { id: 'p-1', expectedVersion: 2, organizationId: 'o-3' },
    });
    expect(commandCall(PETITION_COMMANDS, 'recordUnresolved', { on: '2012-09-30' }, petition)).toEqual({
      mutation: 'resolvePetitionCase',
      input: { id: 'p-1', expectedVersion: 2, resolved: false, on: '2012-09-30' },
    });
    const { dataProvider, sent } = setup(() => ok({ result: { id: 'p-1', state: 'RESOLVED' } }));
    const resolve = commandCall(PETITION_COMMANDS, 'resolve', { on: '2012-10-08' }, petition);
    await dataProvider.command('petitionCases', resolve.mutation, { input: resolve.input });
    expect(sent[0].query).toContain('result: resolvePetitionCase(input: $input) { ...PetitionCaseDetail }');
    expect(sent[0].variables).toEqual({
      input: { id: 'p-1', expectedVersion: 2, resolved: true, on: '2012-10-08' },
    });
  });
});
