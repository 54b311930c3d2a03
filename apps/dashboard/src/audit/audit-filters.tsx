import { AutocompleteInput, DateInput, SelectInput, TextInput } from 'react-admin';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from './audit-labels';

// The inputs translate choice names, so these are message keys.
const ACTION_CHOICES = AUDIT_ACTIONS.map((code) => ({ id: code, name: `app.audit_action.${code}` }));
const ENTITY_CHOICES = AUDIT_ENTITY_TYPES.map((type) => ({ id: type, name: `app.audit_entity.${type}` }));

/** Labels come from resources.auditEvents.fields.<source>; audit-event-resource.ts maps them to AuditEventFilter. */
export const auditFilters = [
  <AutocompleteInput
    key="action"
    source="action"
    choices={ACTION_CHOICES}
    alwaysOn
    sx={{ minWidth: { xs: '100%', sm: '16rem' } }}
  />,
  <SelectInput key="entityType" source="entityType" choices={ENTITY_CHOICES} alwaysOn />,
  <DateInput key="from" source="from" alwaysOn />,
  <DateInput key="to" source="to" alwaysOn />,
  <TextInput key="entityId" source="entityId" />,
];
