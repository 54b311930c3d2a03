import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, Kind, visit, type DocumentNode, type ValueNode } from 'graphql';
import { AppError } from '../common/app-error';
import type { RequestContext } from './context';

/**
 * PostgreSQL cannot store a NUL character in text. Such a value is refused as the client's mistake on the field
 * that holds it, before any resolver runs, rather than failing deep in SQL as INTERNAL. The field is the path
 * inside the argument (`parties.0.name`), or its name when it is a plain string.
 */
export function refuseUnstorableText(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const field = unstorableIn(document, request.variables ?? {});
          if (field === undefined) return;
          const error = AppError.badInput(
            'The text contains a character that cannot be stored (NUL).',
            field,
          );
          throw new GraphQLError(error.message, {
            originalError: error,
            extensions: { http: { status: 400 } },
          });
        },
      };
    },
  };
}

/**
 * Where a document's arguments can hold a NUL, in document order: an inline string that holds one (a field), or
 * a variable used there (its name and the argument's path).
 */
type Site = { field: string } | { variable: string; path: string[] };

/** Apollo keeps the parsed documents and hands the same object to every request that sends the same text. */
const sitesOf = new WeakMap<DocumentNode, Site[]>();

/**
 * The first argument that holds a NUL, inline or through a variable: a variable counts where it is used, so the
 * field is the argument's (`purpose`, `nameContains`), whatever the variable is called.
 */
function unstorableIn(document: DocumentNode, variables: Record<string, unknown>): string | undefined {
  let sites = sitesOf.get(document);
  if (!sites) sitesOf.set(document, (sites = findSites(document)));
  for (const site of sites) {
    const found = 'field' in site ? site.field : unstorable(variables[site.variable], site.path);
    if (found !== undefined) return found;
  }
  return undefined;
}

function findSites(document: DocumentNode): Site[] {
  const sites: Site[] = [];
  visit(document, {
    // Past an inline NUL nothing later is asked.
    Argument: (node) => (collect(node.value, [node.name.value], sites) ? BREAK : undefined),
  });
  return sites;
}

/** Adds the sites of one argument's value; true when it holds an inline NUL. */
function collect(node: ValueNode, path: string[], sites: Site[]): boolean {
  switch (node.kind) {
    case Kind.VARIABLE:
      sites.push({ variable: node.name.value, path });
      return false;
    case Kind.STRING:
      if (!node.value.includes('\u0000')) return false;
      sites.push({ field: fieldOf(path) });
      return true;
    case Kind.LIST:
      return node.values.some((item, i) => collect(item, [...path, String(i)], sites));
    case Kind.OBJECT:
      return node.fields.some((f) => collect(f.value, [...path, f.name.value], sites));
    default:
      return false;
  }
}

/** A variable's value, at the path of the argument it fills. */
function unstorable(value: unknown, path: string[]): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? fieldOf(path) : undefined;
  if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) {
      const found = unstorable(inner, [...path, key]);
      if (found !== undefined) return found;
    }
  return undefined;
}

/** `input.title` → `title`: the services name fields inside their input object; a plain argument keeps its name. */
function fieldOf(path: string[]): string {
  return (path.length > 1 ? path.slice(1) : path).join('.');
}
