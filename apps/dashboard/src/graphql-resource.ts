import type { RaRecord } from 'react-admin';
import { noFilter } from './filter-mapper';

/** A create or update: one mutation taking `input: <inputType>!` and returning the changed node. */
export interface GraphqlWrite {
  /** The mutation field, e.g. `registerResident` (a command of the domain, never a generic update). */
  field: string;
  inputType: string;
  /** The form's values (and, for an update, the record as it was read) → the mutation's input. */
  toInput(data: Record<string, unknown>, previous?: RaRecord): Record<string, unknown>;
}

/** How one react-admin resource reads from (and, where the API allows, writes to) the GraphQL API. */
export interface GraphqlResource {
  /** The node's GraphQL type, e.g. `Region`: names the fragments and the operations (seen in server logs). */
  typeName: string;
  /** The query field returning a connection, e.g. `regions`. */
  listField: string;
  /** The query field returning one node, e.g. `region(code: String!)`; absent where the API has none. */
  one?: { field: string; argument: string; type: string };
  /** GraphQL input types of the list field's `filter` and `orderBy` arguments; absent where it has none. */
  filterType?: string;
  orderByType?: string;
  /** The filter field selecting nodes by id, for `getMany`; without one, getMany reads the nodes one by one. */
  idsFilterField?: string;
  /** Selection set of a row in lists and references. */
  listFields: string;
  /** Selection set of the show and edit pages, and of what writes return; the row's by default. */
  detailFields?: string;
  /** react-admin sort field → value of the `orderBy.field` enum; other fields keep the server's default order. */
  sortFields?: Readonly<Record<string, string>>;
  /** The API exports the list as CSV and XLSX (`POST /exports/<listField>`): the list's toolbar shows 导出. */
  exportable?: boolean;
  /** react-admin filter values (inputs, and getManyReference's target) → the API's filter input. */
  toFilter(filter: Record<string, unknown>): Record<string, unknown>;
  create?: GraphqlWrite;
  update?: GraphqlWrite;
  /**
   * Other operations, by name: the domain's commands (mutations), and reads that are neither a list nor a record
   * (statistics). Whole operations whose root field is aliased `result`; they may spread the `<Type>Row` and
   * `<Type>Detail` fragments, which are appended. Run by `dataProvider.command`.
   */
  commands?: Readonly<Record<string, string>>;
}

type WriteSpec = Pick<GraphqlWrite, 'field' | 'toInput'>;

/** What a resource chooses; the rest of its GraphqlResource follows the schema's naming for its type. */
export interface NodeResourceSpec extends Pick<
  GraphqlResource,
  'listFields' | 'detailFields' | 'sortFields' | 'idsFilterField' | 'commands' | 'exportable'
> {
  /** The single-node query's argument: `id: ID!` unless said otherwise; `false` where the API has no such query. */
  key?: { argument: string; type: string } | false;
  /** Absent where the list takes no `filter` (then any filter value is refused). */
  toFilter?: GraphqlResource['toFilter'];
  create?: WriteSpec;
  update?: WriteSpec;
  /** The mutations of the node's machine steps, by field (`inputMutations`), run as commands too. */
  steps?: readonly string[];
}

export const upperFirst = (name: string) => `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
const lowerFirst = (name: string) => `${name.charAt(0).toLowerCase()}${name.slice(1)}`;

/**
 * A resource of the type `typeName` as the API names its parts: the list `households`, the node
 * `household(id: ID!)`, the inputs `HouseholdFilter` and `HouseholdOrderBy` (where it sorts), and a write's
 * input `<Field>Input`.
 */
export function nodeResource(typeName: string, spec: NodeResourceSpec): GraphqlResource {
  const { key = { argument: 'id', type: 'ID!' }, toFilter, create, update, steps, ...rest } = spec;
  const node = lowerFirst(typeName);
  const write = (w: WriteSpec): GraphqlWrite => ({ ...w, inputType: `${upperFirst(w.field)}Input` });
  return {
    typeName,
    listField: `${node}s`,
    ...(key && { one: { field: node, ...key } }),
    ...(toFilter && { filterType: `${typeName}Filter` }),
    ...(spec.sortFields && { orderByType: `${typeName}OrderBy` }),
    ...rest,
    toFilter: toFilter ?? noFilter(`${node}s`),
    ...(create && { create: write(create) }),
    ...(update && { update: write(update) }),
    ...(steps && { commands: { ...inputMutations(typeName, steps), ...rest.commands } }),
  };
}

export interface ResourceQueries {
  list: string;
  one?: string;
  create?: string;
  update?: string;
  commands: Readonly<Record<string, string>>;
}

/** The operations of one resource, written out once: the API disables introspection, so nothing is generated. */
export function buildQueries(r: GraphqlResource): ResourceQueries {
  const rowName = `${r.typeName}Row`;
  const detailName = `${r.typeName}Detail`;
  const row = `fragment ${rowName} on ${r.typeName} { ${r.listFields} }`;
  const detail = `fragment ${detailName} on ${r.typeName} { ${r.detailFields ?? r.listFields} }`;
  const withFragments = (operation: string) =>
    [operation, operation.includes(`...${rowName}`) && row, operation.includes(`...${detailName}`) && detail]
      .filter(Boolean)
      .join('\n');

  const params = [
    r.filterType && `$filter: ${r.filterType}`,
    '$first: Int',
    '$offset: Int',
    r.orderByType && `$orderBy: ${r.orderByType}`,
  ].filter(Boolean);
  const args = [
    r.filterType && 'filter: $filter',
    'first: $first',
    'offset: $offset',
    r.orderByType && 'orderBy: $orderBy',
  ]
    .filter(Boolean)
    .join(', ');
  const write = (operation: string, w: GraphqlWrite) =>
    withFragments(`mutation ${r.typeName}${operation}($input: ${w.inputType}!) {
  record: ${w.field}(input: $input) { ...${detailName} }
}`);

  return {
    list: withFragments(`query ${r.typeName}List(${params.join(', ')}) {
  page: ${r.listField}(${args}) {
    totalCount
    edges { node { ...${rowName} } }
  }
}`),
    one:
      r.one &&
      withFragments(`query ${r.typeName}One($id: ${r.one.type}) {
  record: ${r.one.field}(${r.one.argument}: $id) { ...${detailName} }
}`),
    create: r.create && write('Create', r.create),
    update: r.update && write('Update', r.update),
    commands: Object.fromEntries(
      Object.entries(r.commands ?? {}).map(([name, operation]) => [name, withFragments(operation)]),
    ),
  };
}

/**
 * The API's mutations of a domain machine's steps, by their field (`concludeWithAgreement`): each takes
 * `input: <Field>Input!` and returns the changed object, so the page shows the state it moved to.
 */
function inputMutations<M extends string>(typeName: string, fields: readonly M[]): Record<M, string> {
  return Object.fromEntries(
    fields.map((field) => [
      field,
      `mutation ${upperFirst(field)}($input: ${upperFirst(field)}Input!) {
  result: ${field}(input: $input) { ...${typeName}Detail }
}`,
    ]),
  ) as Record<M, string>;
}
