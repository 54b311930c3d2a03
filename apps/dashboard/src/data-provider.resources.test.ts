import { createDataProvider } from './data-provider';
import { createGraphqlRequest } from './graphql-client';
import { GRAPHQL_RESOURCES } from './resources';
import { fail, fakeFetch, ok, type Reply, type SentRequest } from './test-support/fake-fetch';

/** The real resource mappings and GraphQL client over a fake fetch that answers `reply`. */
function setup(reply: (request: SentRequest) => Reply = () => ok({ page: { totalCount: 0, edges: [] } })) {
  const { fetchFn, sent } = fakeFetch(reply);
  const dataProvider = createDataProvider(GRAPHQL_RESOURCES, createGraphqlRequest('/graphql', fetchFn));
  return { dataProvider, sent };
}

const PAGE = { page: 1, perPage: 25 };
const resident = {
  id: 'r-1',
  name: '于丽',
  gender: 'FEMALE',
  birthYear: 1954,
  age: 72,
  idNumber: '230102********0021',
  phone: '138****5678',
  tags: ['ELDERLY'],
  regionCode: '230102010003001',
  version: 3,
  region: { code: '230102010003001', name: '第1网格' },
};

describe('data provider: residents', () => {
  it('when residents are filtered, then region subtree, name, tags and exact ID number reach ResidentFilter', async () => {
    const { dataProvider, sent } = setup();
    await dataProvider.getList('residents', {
      pagination: { page: 2, perPage: 25 },
      sort: { field: 'name', order: 'ASC' },
      filter: {
        regionCode: '230102010003',
        nameContains: ' 于 ',
        tags: ['ELDERLY'],
        idNumber: '11010519491231002x',
      },
    });
    expect(sent[0].operation).toBe('ResidentList');
    expect(sent[0].query).toContain(
      'residents(filter: $filter, first: $first, offset: $offset, orderBy: $orderBy)',
    );
    expect(sent[0].variables).toEqual({
      filter: {
        regionCode: '230102010003',
        nameContains: '于',
        tags: ['ELDERLY'],
        idNumber: '11010519491231002X',
      },
      orderBy: { field: 'NAME', direction: 'ASC' },
      first: 25,
      offset: 25,
    });
  });

  it('when an unknown filter reaches residents, then it fails instead of widening the list', async () => {
    const { dataProvider, sent } = setup();
    await expect(
      dataProvider.getList('residents', { pagination: PAGE, filter: { q: '于' } }),
    ).rejects.toThrow('Unsupported residents filter: q.');
    expect(sent).toHaveLength(0);
  });

  it('when a resident is opened, then resident(id) selects the household and region with the masked fields', async () => {
    const { dataProvider, sent } = setup(() => ok({ record: resident }));
    const { data } = await dataProvider.getOne('residents', { id: 'r-1' });
    expect(sent[0].query).toContain('record: resident(id: $id) { ...ResidentDetail }');
    expect(sent[0].query).toContain('household { id address }');
    expect(sent[0].variables).toEqual({ id: 'r-1' });
    expect(data).toEqual(resident);
  });

  it('when a resident is registered, then registerResident gets the input without a blank phone', async () => {
    const { dataProvider, sent } = setup(() => ok({ record: resident }));
    await dataProvider.create('residents', {
      data: {
        householdId: 'h-1',
        name: ' 张三 ',
        idNumber: '11010519491231002x',
        phone: ' ',
        tags: ['ELDERLY'],
      },
    });
    expect(sent[0].operation).toBe('ResidentCreate');
    expect(sent[0].query).toContain('record: registerResident(input: $input)');
    expect(sent[0].variables).toEqual({
      input: { householdId: 'h-1', name: '张三', idNumber: '11010519491231002X', tags: ['ELDERLY'] },
    });
  });

  it('when a resident is edited, then updateResident sends the version read and only what changed', async () => {
    const { dataProvider, sent } = setup(() => ok({ record: { ...resident, version: 4 } }));
    const { data } = await dataProvider.update('residents', {
      id: 'r-1',
      // The form sends the whole record back, masked phone included: it must not be written.
      data: { ...resident, name: '于丽华', tags: ['ELDERLY'], newPhone: '13912345678' },
      previousData: resident,
    });
    expect(sent[0].query).toContain('record: updateResident(input: $input)');
    expect(sent[0].variables).toEqual({
      input: { id: 'r-1', expectedVersion: 3, name: '于丽华', phone: '13912345678' },
    });
    expect(data.version).toBe(4);
  });

  it('when the edit removes the phone or changes tags, then the API gets an empty phone and the new tags', async () => {
    const { dataProvider, sent } = setup(() => ok({ record: resident }));
    await dataProvider.update('residents', {
      id: 'r-1',
      data: { ...resident, removePhone: true, tags: ['DISABLED', 'ELDERLY'] },
      previousData: resident,
    });
    expect(sent[0].variables.input).toEqual({
      id: 'r-1',
      expectedVersion: 3,
      phone: '',
      tags: ['DISABLED', 'ELDERLY'],
    });
  });

  it('when someone else changed the resident, then the update fails with CONFLICT as a 409', async () => {
    const { dataProvider } = setup(() => fail('CONFLICT', 'Version 3 is stale; the current version is 4.'));
    const error = await dataProvider
      .update('residents', { id: 'r-1', data: { ...resident, name: '于丽华' }, previousData: resident })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    // Not a field error: react-admin must show the message, not "the form is invalid".
    expect((error as { body: object }).body).not.toHaveProperty('errors');
  });

  it('when a resident is revealed, then revealResident gets the id and purpose and its answer is returned as is', async () => {
    const revealed = { id: 'r-1', idNumber: '230102195407150021', birthDate: '1954-07-15', phone: null };
    const { dataProvider, sent } = setup(() => ok({ result: revealed }));
    await expect(
      dataProvider.command('residents', 'reveal', { id: 'r-1', purpose: '核实低保申请' }),
    ).resolves.toEqual(revealed);
    expect(sent[0].query).toContain('result: revealResident(id: $id, purpose: $purpose)');
    expect(sent[0].variables).toEqual({ id: 'r-1', purpose: '核实低保申请' });
  });
});

describe('data provider: households', () => {
  it('when households are listed, then no orderBy is sent: the API has none for them', async () => {
    const { dataProvider, sent } = setup();
    await dataProvider.getList('households', {
      pagination: PAGE,
      sort: { field: 'address', order: 'ASC' },
      filter: { regionCode: '230102010003', addressContains: '中医街', tags: 'POOR_HOUSEHOLD' },
    });
    expect(sent[0].query).toContain('households(filter: $filter, first: $first, offset: $offset)');
    expect(sent[0].query).not.toContain('orderBy');
    expect(sent[0].variables).toEqual({
      filter: { regionCode: '230102010003', addressContains: '中医街', tags: ['POOR_HOUSEHOLD'] },
      first: 25,
      offset: 0,
    });
  });

  it('when a household is edited, then updateHousehold sends the version read and only what changed', async () => {
    const household = { id: 'h-1', address: '中医街84号', tags: ['POOR_HOUSEHOLD'], version: 7 };
    const { dataProvider, sent } = setup(() => ok({ record: household }));
    await dataProvider.update('households', {
      id: 'h-1',
      data: { ...household, address: '中医街86号', tags: ['POOR_HOUSEHOLD'] },
      previousData: household,
    });
    expect(sent[0].variables).toEqual({ input: { id: 'h-1', expectedVersion: 7, address: '中医街86号' } });
  });

  it('when a household is registered, then registerHousehold gets region, address and tags', async () => {
    const { dataProvider, sent } = setup(() => ok({ record: { id: 'h-2' } }));
    await dataProvider.create('households', {
      data: { regionCode: '230102010003001', address: ' 中医街86号 ' },
    });
    expect(sent[0].query).toContain('record: registerHousehold(input: $input)');
    expect(sent[0].variables).toEqual({
      input: { regionCode: '230102010003001', address: '中医街86号', tags: [] },
    });
  });

  it('when a form needs households by id, then each is read with household(id), and a missing one is left out', async () => {
    const { dataProvider, sent } = setup((r) =>
      r.variables.id === 'h-1' ? ok({ record: { id: 'h-1', address: '中医街84号' } }) : fail('NOT_FOUND'),
    );
    const { data } = await dataProvider.getMany('households', { ids: ['h-1', 'h-9', 'h-1'] });
    expect(sent.map((r) => r.variables)).toEqual([{ id: 'h-1' }, { id: 'h-9' }]);
    expect(data).toEqual([{ id: 'h-1', address: '中医街84号' }]);
  });
});

describe('data provider: users, API keys, audit log', () => {
  it('when users are listed, then neither filter nor orderBy is sent: the API takes neither', async () => {
    const { dataProvider, sent } = setup();
    await dataProvider.getList('users', {
      pagination: PAGE,
      sort: { field: 'username', order: 'ASC' },
      filter: {},
    });
    expect(sent[0].query).toContain('users(first: $first, offset: $offset)');
    expect(sent[0].variables).toEqual({ first: 25, offset: 0 });
  });

  it('when a user is created, then createUser gets the roles and jurisdiction, the username lower-cased', async () => {
    const { dataProvider, sent } = setup(() => ok({ record: { id: 'u-9' } }));
    await dataProvider.create('users', {
      data: {
        username: ' Hulan01 ',
        displayName: '呼兰区工作人员',
        password: ' long enough ',
        roles: ['DISTRICT_OFFICER'],
        jurisdictionCode: '230111',
      },
    });
    expect(sent[0].variables).toEqual({
      input: {
        username: 'hulan01',
        displayName: '呼兰区工作人员',
        password: ' long enough ',
        roles: ['DISTRICT_OFFICER'],
        jurisdictionCode: '230111',
      },
    });
  });

  it('when a user is disabled, then disableUser runs, selecting the fields the show page needs', async () => {
    const { dataProvider, sent } = setup(() => ok({ result: { id: 'u-9', disabled: true } }));
    await dataProvider.command('users', 'disable', { id: 'u-9' });
    expect(sent[0].query).toContain('result: disableUser(id: $id) { ...UserDetail }');
    expect(sent[0].query).toContain('fragment UserDetail on User {');
  });

  it('when an API key is created, then the answer carries the secret and react-admin create is refused', async () => {
    const created = { secret: 'qj_abcdefgh_secret', apiKey: { id: 'k-1', prefix: 'abcdefgh' } };
    const { dataProvider, sent } = setup(() => ok({ result: created }));
    const input = { name: '道里区综治系统', regionCode: '230102', scopes: ['READ'] };
    await expect(dataProvider.command('apiKeys', 'create', { input })).resolves.toEqual(created);
    expect(sent[0].query).toContain('result: createApiKey(input: $input) { secret apiKey { ...ApiKeyRow } }');
    await expect(dataProvider.create('apiKeys', { data: input })).rejects.toMatchObject({
      status: 405,
      body: { code: 'READ_ONLY' },
    });
    expect(sent).toHaveLength(1);
  });

  it('when the audit log is filtered, then one action becomes a list and the dates pass through', async () => {
    const { dataProvider, sent } = setup();
    await dataProvider.getList('auditEvents', {
      pagination: PAGE,
      sort: { field: 'at', order: 'DESC' },
      filter: { action: 'resident.reveal', entityType: 'Resident', from: '2025-03-01', to: '2025-03-31' },
    });
    expect(sent[0].query).toContain('auditEvents(filter: $filter, first: $first, offset: $offset)');
    expect(sent[0].variables).toEqual({
      filter: { action: ['resident.reveal'], entityType: 'Resident', from: '2025-03-01', to: '2025-03-31' },
      first: 25,
      offset: 0,
    });
  });

  it('when a resource has no single-record query, then getOne is refused without calling the API', async () => {
    const { dataProvider, sent } = setup();
    await expect(dataProvider.getOne('auditEvents', { id: '1' })).rejects.toMatchObject({ status: 405 });
    expect(sent).toHaveLength(0);
  });

  it('when nothing may be deleted, then delete is refused for every resource', async () => {
    const { dataProvider, sent } = setup();
    for (const resource of Object.keys(GRAPHQL_RESOURCES)) {
      await expect(
        dataProvider.delete(resource, { id: '1', previousData: { id: '1' } }),
      ).rejects.toMatchObject({
        body: { code: 'READ_ONLY' },
      });
    }
    expect(sent).toHaveLength(0);
  });
});
