import { Show, useNotify, useRedirect, useResourceContext, type ShowProps } from 'react-admin';

// react-admin fills the getOne cache with every row a list loads, so a record's page first rendered the list's
// row, which lacks the page's own fields (timeline, answers, hints), and crashed before it fetched the record.
// Under a key of its own the page waits for the record it asked for.
const DETAIL_META = { detail: true };

/**
 * A record's page (react-admin's `Show`), rendered from the record's own query, never from a list's row. A
 * failed read says why (the GraphQL client's words, e.g. out of your jurisdiction), not react-admin's "not found".
 */
export const DetailShow = ({ queryOptions, ...props }: ShowProps) => {
  const notify = useNotify();
  const redirect = useRedirect();
  const resource = useResourceContext(props);
  const onError = (error: Error) => {
    notify(error.message || 'ra.notification.item_doesnt_exist', { type: 'error' });
    redirect('list', resource);
  };
  return <Show queryOptions={{ meta: DETAIL_META, onError, ...queryOptions }} {...props} />;
};
