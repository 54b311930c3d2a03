import { nodeResource } from '../graphql-resource';
import { asIs, asList, filterMapper } from '../filter-mapper';

/** The form filters by one action; the API takes a list. Dates are YYYY-MM-DD, both days inclusive. */
export const toAuditEventFilter = filterMapper('auditEvents', {
  action: asList,
  entityType: asIs,
  entityId: asIs,
  actorId: asIs,
  from: asIs,
  to: asIs,
});

// Newest first, always: the API has no orderBy here, nor a query for one event (the list row is the event).
export const auditEventResource = nodeResource('AuditEvent', {
  key: false,
  exportable: true,
  listFields:
    'id at actorKind actorId actorName roles action entityType entityId changes purpose requestId clientIp',
  toFilter: toAuditEventFilter,
});
