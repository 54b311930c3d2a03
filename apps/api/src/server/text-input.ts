import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type ValueNode } from 'graphql';
import { AppError } from '../common/app-error';
import type { RequestContext } from './context';

/**
 * PostgreSQL cannot store a NUL character in text. Such a value is refused as the client's mistake on the field
 * that holds it, before any resolver runs, rather than failing deep in SQL as INTERNAL. The field is the path
 * inside the variable or argument (`parties.0.name`), or its name when it is a plain string.
 */
export function refuseUnstorableText(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const field = unstorable(request.variables ?? {}) ?? unstorableLiteral(document);
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

function unstorable(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? fieldOf(path) : undefined;
  if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) {
      const found = unstorable(inner, [...path, key]);
      if (found !== undefined) return found;
    }
  return undefined;
}

function unstorableLiteral(document: Parameters<typeof visit>[0]): string | undefined {
  let found: string | undefined;
  visit(document, {
    Argument(node) {
      found ??= literal(node.value, [node.name.value]);
    },
  });
  return found;
}

function literal(node: ValueNode, path: string[]): string | undefined {
  if (node.kind === Kind.STRING) return node.value.includes('\u0000') ? fieldOf(path) : undefined;
  if (node.kind === Kind.LIST)
    for (const [i, item] of node.values.entries()) {
      const found = literal(item, [...path, String(i)]);
      if (found !== undefined) return found;
    }
  if (node.kind === Kind.OBJECT)
    for (const f of node.fields) {
      const found = literal(f.value, [...path, f.name.value]);
      if (found !== undefined) return found;
    }
  return undefined;
}

/** `input.title` → `title`: the services name fields inside their input object; a plain argument keeps its name. */
function fieldOf(path: string[]): string {
  return (path.length > 1 ? path.slice(1) : path).join('.');
}
