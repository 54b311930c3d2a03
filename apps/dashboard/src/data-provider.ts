import type {
  DataProvider,
  GetListParams,
  GetListResult,
  GetManyReferenceParams,
  GetManyReferenceResult,
  GetManyResult,
  GetOneResult,
  Identifier,
  RaRecord,
  SortPayload,
} from 'react-admin';
import { HttpError } from 'react-admin';
import type { GraphqlRequest } from './graphql-client';

/** The API's cap on `first` (docs: api-conventions, "Reading lists"). */
export const MAX_PAGE_SIZE = 200;

/** How one react-admin resource reads from the GraphQL API; everything else is shared. */
export interface GraphqlResource {
  /** The node's GraphQL type, e.g. `Region`: names the fragments and the operations (seen in server logs). */
  typeName: string;
  /** The query field returning a connection, e.g. `regions`. */
  listField: string;
  /** The query field returning one node or null, e.g. `region`, and its argument, e.g. `code` of `String!`. */
  oneField: string;
  oneArgument: { name: string; type: string };
  /** GraphQL input types of the list field's `filter` and `orderBy` arguments. */
  filterType: string;
  orderByType: string;
  /** The filter field selecting nodes by id, for `getMany`, e.g. `codes`. */
  idsFilterField: string;
  /** Selection set of a row in lists and references. */
  listFields: string;
  /** Selection set of the show page. */
  detailFields: string;
  /** react-admin sort field → value of the `orderBy.field` enum; other fields keep the server's default order. */
  sortFields: Readonly<Record<string, string>>;
  /** react-admin filter values (inputs, and getManyReference's target) → the API's filter input. */
  toFilter(filter: Record<string, unknown>): Record<string, unknown>;
}

interface Connection {
  totalCount: number;
  edges: { node: RaRecord }[];
}

interface Queries {
  list: string;
  one: string;
}

function buildQueries(r: GraphqlResource): Queries {
  const row = `fragment ${r.typeName}Row on ${r.typeName} { ${r.listFields} }`;
  const detail = `fragment ${r.typeName}Detail on ${r.typeName} { ${r.detailFields} }`;
  return {
    list: `query ${r.typeName}List($filter: ${r.filterType}, $first: Int, $offset: Int, $orderBy: ${r.orderByType}) {
  page: ${r.listField}(filter: $filter, first: $first, offset: $offset, orderBy: $orderBy) {
    totalCount
    edges { node { ...${r.typeName}Row } }
  }
}
${row}`,
    one: `query ${r.typeName}One($id: ${r.oneArgument.type}) {
  record: ${r.oneField}(${r.oneArgument.name}: $id) { ...${r.typeName}Detail }
}
${detail}`,
  };
}

/** A react-admin data provider over hand-written GraphQL operations (the API disables introspection). */
export function createDataProvider(
  resources: Readonly<Record<string, GraphqlResource>>,
  request: GraphqlRequest,
): DataProvider {
  const queries = new Map(Object.entries(resources).map(([name, r]) => [name, buildQueries(r)]));

  function resourceOf(resource: string): { r: GraphqlResource; q: Queries } {
    const r = resources[resource];
    const q = queries.get(resource);
    if (!r || !q) throw new Error(`No GraphQL mapping for the resource "${resource}".`);
    return { r, q };
  }

  /** Reads `count` rows from `offset`, in as many requests as the page-size cap requires. */
  async function readRange(
    resource: string,
    variables: { filter: Record<string, unknown>; orderBy: unknown },
    offset: number,
    count: number,
  ): Promise<{ data: RaRecord[]; total: number }> {
    const { q } = resourceOf(resource);
    const data: RaRecord[] = [];
    for (;;) {
      const first = Math.min(count - data.length, MAX_PAGE_SIZE);
      const { page } = await request<{ page: Connection }>(q.list, {
        ...variables,
        first,
        offset: offset + data.length,
      });
      data.push(...page.edges.map((edge) => edge.node));
      if (page.edges.length < first || data.length >= count) return { data, total: page.totalCount };
    }
  }

  function orderByOf(resource: string, sort: SortPayload | undefined) {
    const field = sort && resourceOf(resource).r.sortFields[sort.field];
    return field ? { field, direction: sort.order === 'DESC' ? 'DESC' : 'ASC' } : null;
  }

  async function readPage(
    resource: string,
    params: { pagination?: { page: number; perPage: number }; sort?: SortPayload },
    filter: Record<string, unknown>,
  ) {
    const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
    const variables = {
      filter: resourceOf(resource).r.toFilter(filter),
      orderBy: orderByOf(resource, params.sort),
    };
    return readRange(resource, variables, (page - 1) * perPage, perPage);
  }

  function readOnly(resource: string): Promise<never> {
    return Promise.reject(
      new HttpError(`The dashboard is read-only: "${resource}" cannot be changed from here.`, 405, {
        code: 'READ_ONLY',
      }),
    );
  }

  return {
    async getList<R extends RaRecord>(resource: string, params: GetListParams) {
      return (await readPage(resource, params, params.filter ?? {})) as GetListResult<R>;
    },

    async getOne<R extends RaRecord>(resource: string, params: { id: Identifier }): Promise<GetOneResult<R>> {
      const { r, q } = resourceOf(resource);
      const { record } = await request<{ record: R | null }>(q.one, { id: String(params.id) });
      if (!record) {
        throw new HttpError(`${r.typeName} ${params.id} was not found.`, 404, { code: 'NOT_FOUND' });
      }
      return { data: record };
    },

    async getMany<R extends RaRecord>(
      resource: string,
      params: { ids: Identifier[] },
    ): Promise<GetManyResult<R>> {
      const { r } = resourceOf(resource);
      const ids = [...new Set(params.ids.map(String))];
      const chunks = Array.from({ length: Math.ceil(ids.length / MAX_PAGE_SIZE) }, (_, i) =>
        ids.slice(i * MAX_PAGE_SIZE, (i + 1) * MAX_PAGE_SIZE),
      );
      const pages = await Promise.all(
        chunks.map((chunk) =>
          readRange(resource, { filter: { [r.idsFilterField]: chunk }, orderBy: null }, 0, chunk.length),
        ),
      );
      return { data: pages.flatMap((page) => page.data) as R[] };
    },

    async getManyReference<R extends RaRecord>(resource: string, params: GetManyReferenceParams) {
      const filter = { ...params.filter, [params.target]: params.id };
      return (await readPage(resource, params, filter)) as GetManyReferenceResult<R>;
    },

    create: (resource: string) => readOnly(resource),
    update: (resource: string) => readOnly(resource),
    updateMany: (resource: string) => readOnly(resource),
    delete: (resource: string) => readOnly(resource),
    deleteMany: (resource: string) => readOnly(resource),
  };
}
