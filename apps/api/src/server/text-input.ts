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
 * The first argument that holds a NUL, inline or through a variable: a variable counts where it is used, so the
 * field is the argument's (`purpose`, `nameContains`), whatever the variable is called.
 */
function unstorableIn(document: DocumentNode, variables: Record<string, unknown>): string | undefined {
  let found: string | undefined;
  visit(document, {
    Argument(node) {
      found = inValue(node.value, [node.name.value], variables);
      return found === undefined ? undefined : BREAK;
    },
  });
  return found;
}

function inValue(node: ValueNode, path: string[], variables: Record<string, unknown>): string | undefined {
  switch (node.kind) {
    case Kind.VARIABLE:
      return unstorable(variables[node.name.value], path);
    case Kind.STRING:
      return node.value.includes('\u0000') ? fieldOf(path) : undefined;
    case Kind.LIST:
      for (const [i, item] of node.values.entries()) {
        const found = inValue(item, [...path, String(i)], variables);
        if (found !== undefined) return found;
      }
      return undefined;
    case Kind.OBJECT:
      for (const f of node.fields) {
        const found = inValue(f.value, [...path, f.name.value], variables);
        if (found !== undefined) return found;
      }
      return undefined;
    default:
      return undefined;
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
