import { Show, type ShowProps } from 'react-admin';

// react-admin fills the getOne cache with every row a list loads, so a record's page first rendered the list's
// row, which lacks the page's own fields (timeline, answers, hints), and crashed before it fetched the record.
// Under a key of its own the page waits for the record it asked for.
const DETAIL_QUERY = { meta: { detail: true } };

/** A record's page (react-admin's `Show`), rendered from the record's own query, never from a list's row. */
export const DetailShow = ({ queryOptions, ...props }: ShowProps) => (
  <Show queryOptions={{ ...DETAIL_QUERY, ...queryOptions }} {...props} />
);
