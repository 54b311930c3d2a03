import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { columnsFor, keepAhead, readAhead, selectedFields, withInstants } from './look-ahead';

/** The look-ahead of a field's selection, through graphql-js itself: what a service may read ahead of the resolvers. */

const schema = buildSchema(`
  type Person { name: String, phone: String }
  type Case { id: ID, title: String, mediator: Person, parties: [Person] }
  type Edge { node: Case, cursor: String }
  type Page { edges: [Edge], totalCount: Int }
  type Query { one: Case, page: Page }
`);

async function seen(query: string, variableValues?: Record<string, unknown>) {
  const asked: Record<string, string[]> = {};
  const rootValue = {
    one: (_: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
      asked.one = [...selectedFields(info)].sort();
      asked.mediator = [...selectedFields(info, 'mediator')].sort();
      return {};
    },
    page: (_: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
      asked.node = [...selectedFields(info, 'edges', 'node')].sort();
      return {};
    },
  };
  const result = await graphql({ schema, source: query, rootValue, variableValues });
  expect(result.errors).toBeUndefined();
  return asked;
}

describe('selectedFields', () => {
  it('when the selection names fields, then it answers their names, not their aliases', async () => {
    expect(await seen(`{ one { id boss: mediator { name } title } }`)).toMatchObject({
      one: ['id', 'mediator', 'title'],
      mediator: ['name'],
    });
  });

  it('when fields come through named and inline fragments, then they are merged in', async () => {
    const asked = await seen(`
      query { one { id ...Rel ... on Case { mediator { phone } } } }
      fragment Rel on Case { parties { name } mediator { name } }`);
    expect(asked).toMatchObject({ one: ['id', 'mediator', 'parties'], mediator: ['name', 'phone'] });
  });

  it('when @skip or @include leave a field out, then it is not asked for', async () => {
    const query = `query($with: Boolean!) { one { id mediator @include(if: $with) { name }
      parties @skip(if: $with) { name } } }`;
    expect((await seen(query, { with: true })).one).toEqual(['id', 'mediator']);
    expect((await seen(query, { with: false })).one).toEqual(['id', 'parties']);
  });

  it("when a path leads below the field, then it answers the fields there (a connection's rows)", async () => {
    expect(
      (
        await seen(
          `{ page { totalCount edges { cursor node { id } } ... on Page { edges { node { mediator { name } } } } } }`,
        )
      ).node,
    ).toEqual(['id', 'mediator']);
    expect((await seen(`{ page { totalCount } }`)).node).toEqual([]);
  });
});

describe('readAhead', () => {
  it('when a relation was kept with the row, then it is returned as it is without loading; else it is loaded', () => {
    const row = { id: '1' };
    const load = jest.fn(() => 'loaded');
    keepAhead(row, 'mediator', null);
    expect(readAhead(row, 'mediator', load)).toBeNull();
    expect(readAhead(row, 'parties', load)).toBe('loaded');
    expect(load).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(row)).toBe('{"id":"1"}');
  });
});

describe('withInstants', () => {
  it('when JSON gives timestamps as text, then they become the Dates pg would give, nulls left alone', () => {
    const row = withInstants(
      { at: '2012-03-04T13:06:07.123456+08:00' as unknown as Date, none: null as Date | null },
      'at',
      'none',
    );
    expect(row.at).toEqual(new Date('2012-03-04T05:06:07.123Z'));
    expect(row.none).toBeNull();
  });
});

describe('columnsFor', () => {
  const type = {
    columns: { id: 't.id', name: 't.name', note: 't.note', placeCode: 't.place_code AS "placeCode"' },
    needs: { place: ['placeCode'] },
    always: ['id'],
  };

  it('when fields and resolvers are selected, then their columns and the service’s own, in the listed order', () => {
    expect(columnsFor(type, new Set(['place', 'name', '__typename']))).toBe(
      't.id, t.name, t.place_code AS "placeCode"',
    );
  });

  it('when there is no selection, or it names a field the type does not list, then every column', () => {
    const every = 't.id, t.name, t.note, t.place_code AS "placeCode"';
    expect(columnsFor(type, null)).toBe(every);
    expect(columnsFor(type, new Set(['name', 'visit']))).toBe(every);
    expect(columnsFor(type, new Set(['toString']))).toBe(every);
  });

  it('when a selection comes again, also after hundreds of others, then it gets the same columns', () => {
    const first = columnsFor(type, new Set(['name']));
    for (let i = 0; i < 300; i++) columnsFor(type, new Set(['name', `__alias${i}`]));
    expect(columnsFor(type, new Set(['name']))).toBe(first);
    expect(first).toBe('t.id, t.name');
  });
});
