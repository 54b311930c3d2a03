import type { Action } from '@qiangji/domain';
import { Fragment, type ReactElement } from 'react';
import { TopToolbar, usePermissions } from 'react-admin';
import { allows } from '../auth/actions';

/** A button of a show page's toolbar and the action a user's roles must allow for it to appear. */
export type GuardedButton = readonly [action: Action, button: ReactElement];

/**
 * A show page's toolbar: only the buttons the user's roles allow, since the API would refuse the others (and
 * checks again).
 */
export const GuardedActions = ({ buttons }: { buttons: readonly GuardedButton[] }) => {
  const { permissions } = usePermissions();
  return (
    <TopToolbar>
      {buttons.map(([action, button], i) => (
        <Fragment key={i}>{allows(permissions, action) && button}</Fragment>
      ))}
    </TopToolbar>
  );
};
