import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { QiangjiDataProvider } from '../data-provider';

/**
 * Runs a domain command (disable a user, revoke a key) and refreshes the page's data; errors arrive already
 * translated by the GraphQL client.
 */
export function useCommand(resource: string, name: string, successMessage: string) {
  const dataProvider = useDataProvider<QiangjiDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [isPending, setPending] = useState(false);
  const run = async (variables: Record<string, unknown>) => {
    setPending(true);
    try {
      const result = await dataProvider.command<{ id?: string }>(resource, name, variables);
      // After a 401 react-admin signs the user out and resolves with an empty result: nothing succeeded.
      if (!result?.id) return;
      notify(successMessage, { type: 'success' });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setPending(false);
    }
  };
  return { run, isPending };
}
