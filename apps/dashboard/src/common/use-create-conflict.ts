import { HttpError, useNotify } from 'react-admin';

/**
 * Mutation options for a create form whose CONFLICT can only mean "already exists" (an ID number, a
 * username): the generic CONFLICT message speaks of someone else's change, which is wrong there.
 */
export function useCreateConflict(message: string) {
  const notify = useNotify();
  return {
    onError: (error: unknown) => {
      // Field errors (BAD_USER_INPUT naming its field) are shown by the form itself.
      if (error instanceof HttpError && error.body?.errors) return;
      const conflict = error instanceof HttpError && error.body?.code === 'CONFLICT';
      const text = conflict ? message : error instanceof Error ? error.message : 'ra.notification.http_error';
      notify(text, { type: 'error' });
    },
  };
}
