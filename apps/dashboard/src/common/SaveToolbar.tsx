import { SaveButton, Toolbar } from 'react-admin';

/** Save only: the API deletes nothing (residents move or leave through commands, and the audit trail stays). */
export const SaveToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);
