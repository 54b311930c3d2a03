import { Datagrid, List, TextField } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { auditFilters } from './audit-filters';
import { AuditChanges } from './AuditChanges';

/** The append-only audit log, newest first; a row opens its changes in place. */
export const AuditEventList = () => (
  <List filters={auditFilters} perPage={25} exporter={false}>
    <Datagrid rowClick="expand" expand={<AuditChanges />} bulkActionButtons={false}>
      <DateTimeField source="at" sortable={false} />
      <TextField source="actorName" sortable={false} />
      <TextField source="action" sortable={false} />
      <TextField source="entityType" sortable={false} />
      <TextField source="entityId" sortable={false} emptyText="—" />
      <TextField source="purpose" sortable={false} emptyText="—" />
      <TextField source="requestId" sortable={false} emptyText="—" />
    </Datagrid>
  </List>
);
