import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * The names of the fields the client's selection asks for under the field being resolved, at `path` below it
 * (`selectedFields(info, 'edges', 'node')` for a connection's rows): fragments and inline fragments merged,
 * `@skip`/`@include` honoured. Type conditions are not checked, so the answer may name a field of another type
 * too; what a service reads ahead by it is at most a little more than needed, never less.
 */
export function selectedFields(info: GraphQLResolveInfo, ...path: string[]): Set<string> {
  let sets = info.fieldNodes.flatMap((node) => node.selectionSet ?? []);
  for (const name of path)
    sets = fieldsIn(info, sets).flatMap((f) => (f.name.value === name ? (f.selectionSet ?? []) : []));
  return new Set(fieldsIn(info, sets).map((f) => f.name.value));
}

function fieldsIn(info: GraphQLResolveInfo, sets: readonly SelectionSetNode[]): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (selection: SelectionNode) => {
    if (!included(info, selection)) return;
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) selection.selectionSet.selections.forEach(visit);
    else info.fragments[selection.name.value]?.selectionSet.selections.forEach(visit);
  };
  for (const set of sets) set.selections.forEach(visit);
  return fields;
}

function included(info: GraphQLResolveInfo, node: SelectionNode): boolean {
  const vars = info.variableValues;
  if (getDirectiveValues(GraphQLSkipDirective, node, vars)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, vars)?.if !== false;
}

/**
 * The columns of a row type by GraphQL field, so that a read selects what its client asks for: a page of 50 cases
 * read with every column (and every column of its mediators) parsed about ten times the JSON it answered with,
 * a third of the server's CPU for the page (issue 9).
 */
export interface FieldColumns {
  /** The SQL of each field that is a plain property of the row, in the order they are selected. */
  columns: Readonly<Record<string, string>>;
  /** The properties each field resolver of the type reads from the row: `region: ['regionCode']`. */
  needs: Readonly<Record<string, readonly string[]>>;
  /** Properties the service reads itself, whatever the selection: the id, the sort keys. */
  always: readonly string[];
}

/**
 * The columns for the fields selected (`selectedFields`), what their resolvers need and the service's own; every
 * column when there is no selection to go by (`null`: a loader, an export) or when it names a field that the type
 * does not list (a field resolver of another module, or one added later), so that no resolver finds a property missing.
 */
export function columnsFor(type: FieldColumns, selected: ReadonlySet<string> | null): string {
  if (!selected) return columnsOf(type, null);
  // A document asks the same selection on every request: its columns are worked out once (a bounded cache).
  let known = remembered.get(type);
  if (!known) remembered.set(type, (known = new Map()));
  const key = [...selected].join(' ');
  let columns = known.get(key);
  if (columns === undefined) {
    if (known.size >= REMEMBERED_SELECTIONS) known.clear();
    known.set(key, (columns = columnsOf(type, selected)));
  }
  return columns;
}

const REMEMBERED_SELECTIONS = 256;
const remembered = new WeakMap<FieldColumns, Map<string, string>>();

function columnsOf(type: FieldColumns, selected: ReadonlySet<string> | null): string {
  const every = () => Object.values(type.columns).join(', ');
  if (!selected) return every();
  const fields = new Set(type.always);
  for (const name of selected) {
    if (name.startsWith('__')) continue;
    const needs = Object.hasOwn(type.columns, name)
      ? [name]
      : Object.hasOwn(type.needs, name)
        ? type.needs[name]
        : null;
    if (!needs) return every();
    for (const field of needs) fields.add(field);
  }
  return Object.entries(type.columns)
    .flatMap(([field, sql]) => (fields.has(field) ? [sql] : []))
    .join(', ');
}

/** Where a row keeps the relations read ahead with it, by field name (not a GraphQL field of its own). */
const AHEAD = Symbol('read ahead');

type WithAhead = { [AHEAD]?: Record<string, unknown> };

/** Keeps `value` as the row's `field`, read ahead with the row: the field's resolver returns it as it is. */
export function keepAhead(row: object, field: string, value: unknown): void {
  ((row as WithAhead)[AHEAD] ??= {})[field] = value;
}

/** The row's `field` when it was read ahead with the row (`keepAhead`), else what `load` gives. */
export function readAhead<R>(row: object, field: string, load: () => R | Promise<R>): R | Promise<R> {
  const ahead = (row as WithAhead)[AHEAD];
  return ahead && field in ahead ? (ahead[field] as R) : load();
}

/** A row read as JSON (`row_to_json`, `json_agg`) with its timestamps as `Date`s, as `pg` reads them from columns. */
export function withInstants<T extends object>(row: T, ...fields: (keyof T & string)[]): T {
  const values = row as Record<string, unknown>;
  for (const f of fields) if (typeof values[f] === 'string') values[f] = new Date(values[f] as string);
  return row;
}
