import type { GraphqlResource } from '../data-provider';
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

export const auditEventResource: GraphqlResource = {
  typeName: 'AuditEvent',
  listField: 'auditEvents',
  exportable: true,
  // Newest first, always: the API has no orderBy here, nor a query for one event (the list row is the event).
  filterType: 'AuditEventFilter',
  listFields:
    'id at actorKind actorId actorName roles action entityType entityId changes purpose requestId clientIp',
  toFilter: toAuditEventFilter,
};
