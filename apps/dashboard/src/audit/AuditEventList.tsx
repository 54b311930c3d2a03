import { Datagrid, TextField, useRecordContext, useTranslate } from 'react-admin';
import { useDates } from '../common/use-dates';
import { DateTimeField } from '../common/DateTimeField';
import { ResourceList } from '../common/ResourceList';
import { auditFilters } from './audit-filters';
import { AuditChanges } from './AuditChanges';

interface AuditRow {
  at: string;
  actorName: string;
  action: string;
  entityType: string;
  purpose: string | null;
}

/** A code as its label (resident.reveal → 查看完整证件号); one the dashboard does not know stays as it is. */
const useAuditText = () => {
  const translate = useTranslate();
  return {
    action: (code: string) => translate(`app.audit_action.${code}`, { _: code }),
    entity: (type: string) => translate(`app.audit_entity.${type}`, { _: type }),
  };
};

const CodeField = ({ kind }: { kind: 'action' | 'entity'; label?: string; sortable?: boolean }) => {
  const record = useRecordContext<AuditRow>();
  const text = useAuditText();
  if (!record) return null;
  return <span>{kind === 'action' ? text.action(record.action) : text.entity(record.entityType)}</span>;
};

/** The append-only audit log, newest first; a row opens its changes in place. */
export const AuditEventList = () => {
  const text = useAuditText();
  const dates = useDates();
  return (
    <ResourceList
      filters={auditFilters}
      rowClick={false}
      phone={{
        primaryText: (e: AuditRow) => `${text.action(e.action)} · ${text.entity(e.entityType)}`,
        secondaryText: (e: AuditRow) => [e.actorName, e.purpose].filter(Boolean).join(' · '),
        tertiaryText: (e: AuditRow) => dates.dateTime(e.at),
      }}
    >
      <Datagrid rowClick="expand" expand={<AuditChanges />} bulkActionButtons={false}>
        <DateTimeField source="at" sortable={false} />
        <TextField source="actorName" sortable={false} />
        <CodeField kind="action" label="resources.auditEvents.fields.action" sortable={false} />
        <CodeField kind="entity" label="resources.auditEvents.fields.entityType" sortable={false} />
        <TextField source="entityId" sortable={false} emptyText="—" />
        <TextField source="purpose" sortable={false} emptyText="—" />
      </Datagrid>
    </ResourceList>
  );
};
