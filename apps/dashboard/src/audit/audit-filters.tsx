import { DateInput, TextInput } from 'react-admin';

/** Labels come from resources.auditEvents.fields.<source>; audit-event-resource.ts maps them to AuditEventFilter. */
export const auditFilters = [
  <TextInput key="action" source="action" alwaysOn helperText="app.audit.action_help" />,
  <TextInput key="entityType" source="entityType" alwaysOn helperText="app.audit.entity_type_help" />,
  <DateInput key="from" source="from" alwaysOn />,
  <DateInput key="to" source="to" alwaysOn />,
  <TextInput key="entityId" source="entityId" />,
];
