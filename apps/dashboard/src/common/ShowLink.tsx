import type { ReactNode } from 'react';
import { Link, useCreatePath, type Identifier } from 'react-admin';

/** A link to a record's show page: how a page names another record (its organisation, its household …). */
export const ShowLink = ({
  resource,
  id,
  variant,
  children,
}: {
  resource: string;
  id: Identifier;
  variant?: 'body2';
  children: ReactNode;
}) => {
  const createPath = useCreatePath();
  return (
    <Link to={createPath({ resource, id, type: 'show' })} variant={variant}>
      {children}
    </Link>
  );
};
