import { ACTIONS, actionName, type Action } from '@qiangji/domain';

const NAMES: ReadonlyMap<Action, string> = new Map(ACTIONS.map((action) => [action, actionName(action)]));

/** Whether the permissions from authProvider.getPermissions (the API's action names) allow `action`. */
export function allows(permissions: unknown, action: Action): boolean {
  return Array.isArray(permissions) && permissions.includes(NAMES.get(action));
}
