import type {
  CreateParams,
  CreateResult,
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
  UpdateParams,
  UpdateResult,
} from 'react-admin';
import { HttpError } from 'react-admin';
import type { Download, DownloadedFile, DownloadProgress } from './download';
import type { GraphqlRequest } from './graphql-client';
import { buildQueries, type GraphqlResource, type ResourceQueries } from './graphql-resource';

export type { GraphqlResource, GraphqlWrite } from './graphql-resource';

/** The API's cap on `first` (docs: api-conventions, "Reading lists"). */
export const MAX_PAGE_SIZE = 200;

/** react-admin's data provider plus the domain's other commands (reveal, disable, revoke …). */
export interface QiangjiDataProvider extends DataProvider {
  /** Runs `resources[resource].commands[name]` and resolves to its `result`. */
  command<T>(resource: string, name: string, variables: Record<string, unknown>): Promise<T>;
  /** The list as the API exports it, with the list's filter and order: a CSV (UTF-8 with BOM) or a workbook. */
  exportList(
    resource: string,
    params: {
      filter?: Record<string, unknown>;
      sort?: SortPayload;
      format: 'csv' | 'xlsx';
      language: 'zh' | 'en';
      /** Cancels the export. */
      signal?: AbortSignal;
    },
    onProgress?: (progress: DownloadProgress) => void,
  ): Promise<DownloadedFile>;
  /** A list the API exports that is no resource's (the convenience map), by its query field and its arguments. */
  exportField(
    field: string,
    params: {
      arguments: Record<string, unknown>;
      format: 'csv' | 'xlsx';
      language: 'zh' | 'en';
      signal?: AbortSignal;
    },
    onProgress?: (progress: DownloadProgress) => void,
  ): Promise<DownloadedFile>;
  /** A file of the API's `/downloads/<name>` (a monthly report's PDF or workbook, the command view's ranking). */
  download(
    name: string,
    body: Record<string, unknown>,
    onProgress?: (progress: DownloadProgress) => void,
    signal?: AbortSignal,
  ): Promise<DownloadedFile>;
}

interface Connection {
  totalCount: number;
  edges: { node: RaRecord }[];
}

/** A react-admin data provider over hand-written GraphQL operations (the API disables introspection). */
export function createDataProvider(
  resources: Readonly<Record<string, GraphqlResource>>,
  request: GraphqlRequest,
  download: Download = () => Promise.reject(new Error('No downloads in this data provider.')),
): QiangjiDataProvider {
  const queries = new Map(Object.entries(resources).map(([name, r]) => [name, buildQueries(r)]));

  function resourceOf(resource: string): { r: GraphqlResource; q: ResourceQueries } {
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
    const { r, q } = resourceOf(resource);
    // A list without a filter or orderBy argument must not be sent those variables.
    const fixed = {
      ...(r.filterType ? { filter: variables.filter } : {}),
      ...(r.orderByType ? { orderBy: variables.orderBy } : {}),
    };
    const data: RaRecord[] = [];
    for (;;) {
      const first = Math.min(count - data.length, MAX_PAGE_SIZE);
      const { page } = await request<{ page: Connection }>(q.list, {
        ...fixed,
        first,
        offset: offset + data.length,
      });
      data.push(...page.edges.map((edge) => edge.node));
      if (page.edges.length < first || data.length >= count) return { data, total: page.totalCount };
    }
  }

  function orderByOf(resource: string, sort: SortPayload | undefined) {
    const field = sort && resourceOf(resource).r.sortFields?.[sort.field];
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

  async function readOne<R extends RaRecord>(resource: string, id: Identifier): Promise<R> {
    const { r, q } = resourceOf(resource);
    if (!q.one) return refuse(resource, 'read one by one');
    const { record } = await request<{ record: R | null }>(q.one, { id: String(id) });
    if (!record) {
      throw new HttpError(`${r.typeName} ${id} was not found.`, 404, { code: 'NOT_FOUND' });
    }
    return record;
  }

  async function write<R extends RaRecord>(document: string, input: Record<string, unknown>): Promise<R> {
    const { record } = await request<{ record: R }>(document, { input });
    return record;
  }

  return {
    async getList<R extends RaRecord>(resource: string, params: GetListParams) {
      return (await readPage(resource, params, params.filter ?? {})) as GetListResult<R>;
    },

    async getOne<R extends RaRecord>(resource: string, params: { id: Identifier }): Promise<GetOneResult<R>> {
      return { data: await readOne<R>(resource, params.id) };
    },

    async getMany<R extends RaRecord>(
      resource: string,
      params: { ids: Identifier[] },
    ): Promise<GetManyResult<R>> {
      const { r } = resourceOf(resource);
      const ids = [...new Set(params.ids.map(String))];
      if (!r.idsFilterField) {
        // References to households or users are one or two per page (a form's selected value), so
        // reading them one by one costs little; a missing one is left out, as getMany expects.
        const found: (R | null)[] = await Promise.all(
          ids.map((id) =>
            readOne<R>(resource, id).catch((error: unknown): null => {
              if (error instanceof HttpError && error.status === 404) return null;
              throw error;
            }),
          ),
        );
        return { data: found.filter((record): record is R => record !== null) };
      }
      const chunks = Array.from({ length: Math.ceil(ids.length / MAX_PAGE_SIZE) }, (_, i) =>
        ids.slice(i * MAX_PAGE_SIZE, (i + 1) * MAX_PAGE_SIZE),
      );
      const pages = await Promise.all(
        chunks.map((chunk) =>
          readRange(resource, { filter: { [r.idsFilterField!]: chunk }, orderBy: null }, 0, chunk.length),
        ),
      );
      return { data: pages.flatMap((page) => page.data) as R[] };
    },

    async getManyReference<R extends RaRecord>(resource: string, params: GetManyReferenceParams) {
      const filter = { ...params.filter, [params.target]: params.id };
      return (await readPage(resource, params, filter)) as GetManyReferenceResult<R>;
    },

    async create<R extends RaRecord>(resource: string, params: CreateParams): Promise<CreateResult<R>> {
      const { r, q } = resourceOf(resource);
      if (!r.create || !q.create) return refuse(resource, 'created');
      return { data: await write<R>(q.create, r.create.toInput(params.data)) };
    },

    async update<R extends RaRecord>(resource: string, params: UpdateParams): Promise<UpdateResult<R>> {
      const { r, q } = resourceOf(resource);
      if (!r.update || !q.update) return refuse(resource, 'changed');
      const input = { id: String(params.id), ...r.update.toInput(params.data, params.previousData) };
      return { data: await write<R>(q.update, input) };
    },

    // The API deletes nothing: residents move or leave through domain commands, and the audit trail stays.
    updateMany: (resource: string) => refuse(resource, 'changed in bulk'),
    delete: (resource: string) => refuse(resource, 'deleted'),
    deleteMany: (resource: string) => refuse(resource, 'deleted'),

    exportList(resource, { filter, sort, format, language, signal }, onProgress) {
      const { r } = resourceOf(resource);
      if (!r.exportable) return refuse(resource, 'exported');
      const body = {
        format,
        language,
        ...(r.filterType ? { filter: r.toFilter(filter ?? {}) } : {}),
        ...(r.orderByType ? { orderBy: orderByOf(resource, sort) } : {}),
      };
      return download(`/exports/${r.listField}`, body, onProgress, signal);
    },

    exportField: (field, { signal, ...body }, onProgress) =>
      download(`/exports/${field}`, body, onProgress, signal),

    download: (name, body, onProgress, signal) => download(`/downloads/${name}`, body, onProgress, signal),

    async command<T>(resource: string, name: string, variables: Record<string, unknown>): Promise<T> {
      const document = resourceOf(resource).q.commands[name];
      if (!document) throw new Error(`No command "${name}" for the resource "${resource}".`);
      const { result } = await request<{ result: T }>(document, variables);
      return result;
    },
  };
}

function refuse(resource: string, what: string): Promise<never> {
  return Promise.reject(
    new HttpError(`"${resource}" is read-only in the dashboard: it cannot be ${what}.`, 405, {
      code: 'READ_ONLY',
    }),
  );
}
