import type { NextFunction, Request, Response } from 'express';
import { BREAK, Kind, parse, visit, type DocumentNode, type TypeNode } from 'graphql';

const SIGN_IN_FIELDS = new Set(['login', 'refresh', '__typename']);

/**
 * Anonymous callers may sign in and nothing else, and they learn that before GraphQL validates anything:
 * validation errors would otherwise tell them which fields and types exist. A document may only select
 * login, refresh or __typename at the root of each operation, with no fragments anywhere (a type condition
 * would answer whether a type exists) and variables of type String only. A document that does not parse, a
 * batch, or a body without a query goes on to Apollo, which refuses it without naming any field.
 */
export function refuseAnonymousUnlessSignIn(maxTokens: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (res.locals.principal) return next();
    const body = req.method === 'GET' ? req.query : req.body;
    const query = body && !Array.isArray(body) ? (body as { query?: unknown }).query : undefined;
    if (typeof query !== 'string') return next();
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens, noLocation: true });
    } catch {
      return next();
    }
    if (onlySignIn(document)) return next();
    res.status(401).json({
      errors: [{ message: 'Sign in, or send an API key.', extensions: { code: 'UNAUTHENTICATED' } }],
    });
  };
}

function onlySignIn(document: DocumentNode): boolean {
  const rootsAreSignIn = document.definitions.every(
    (d) =>
      d.kind === Kind.OPERATION_DEFINITION &&
      d.selectionSet.selections.every((s) => s.kind === Kind.FIELD && SIGN_IN_FIELDS.has(s.name.value)),
  );
  if (!rootsAreSignIn) return false;
  let plain = true;
  visit(document, {
    enter(node) {
      const bad =
        node.kind === Kind.INLINE_FRAGMENT ||
        node.kind === Kind.FRAGMENT_SPREAD ||
        (node.kind === Kind.VARIABLE_DEFINITION && !isString(node.type));
      if (!bad) return undefined;
      plain = false;
      return BREAK;
    },
  });
  return plain;
}

function isString(type: TypeNode): boolean {
  const inner = type.kind === Kind.NON_NULL_TYPE ? type.type : type;
  return inner.kind === Kind.NAMED_TYPE && inner.name.value === 'String';
}
