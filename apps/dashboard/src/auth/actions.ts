import { ACTIONS, type Action } from '@qiangji/domain';

/** The API's GraphQL name of a domain action: 'resident:read' → RESIDENT_READ, 'apiKey:manage' → APIKEY_MANAGE. */
export function apiActionName(action: Action): string {
  return action.replace(':', '_').toUpperCase();
}

const NAMES: ReadonlyMap<Action, string> = new Map(ACTIONS.map((action) => [action, apiActionName(action)]));

/** Whether the permissions from authProvider.getPermissions (the API's action names) allow `action`. */
export function allows(permissions: unknown, action: Action): boolean {
  return Array.isArray(permissions) && permissions.includes(NAMES.get(action));
}
