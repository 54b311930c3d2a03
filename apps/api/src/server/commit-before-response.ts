import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from './context';

/**
 * Ends each signed-in request's scoped transaction (`ctx.transaction`, made with the context) before the response
 * is sent. If it cannot commit, nothing of it stands and nothing is answered as done: the answer is an INTERNAL
 * error instead.
 */
export function commitBeforeResponse(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        // A query only reads: each of its statements is a transaction of its own (ScopedTransaction.readsOnly).
        async didResolveOperation({ contextValue, operation }) {
          if (operation?.operation === 'query') contextValue.transaction?.readsOnly();
        },
        async willSendResponse({ contextValue, response }) {
          const transaction = contextValue.transaction;
          if (!transaction || (await transaction.end()) || response.body.kind !== 'single') return;
          response.body.singleResult = {
            errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL' } }],
          };
        },
      };
    },
  };
}
