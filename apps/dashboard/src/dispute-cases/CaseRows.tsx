import type { ReactNode } from 'react';
import { Datagrid, TextField, useTranslate } from 'react-admin';
import { RelatedRecords, SectionHeading } from '../common/ShowSections';
import { TableOrList } from '../common/TableOrList';
import { DeadlineField, StateField } from '../mediation/chips';
import { showsDeadline, type DisputeCaseRecord } from './dispute-case-record';

/**
 * The cases of a ReferenceManyField (an organisation's, a mediator's): number, title, state and deadline,
 * a row opening the case; on a phone a simple list.
 */
export const CaseRows = ({ empty }: { empty?: ReactNode }) => {
  const translate = useTranslate();
  return (
    <TableOrList
      phone={{
        primaryText: (c: DisputeCaseRecord) => `${c.number} ${c.title}`,
        secondaryText: (c: DisputeCaseRecord) =>
          [
            translate(`app.dispute_state.${c.state}`),
            showsDeadline(c) && translate(`app.deadline_status.${c.deadlineStatus}`),
          ]
            .filter(Boolean)
            .join(' · '),
        empty,
      }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false} empty={empty}>
        <TextField source="number" sortable={false} />
        <TextField source="title" sortable={false} />
        <StateField source="state" label="resources.disputeCases.fields.state" />
        <DeadlineField source="deadlineStatus" label="resources.disputeCases.fields.deadlineStatus" />
      </Datagrid>
    </TableOrList>
  );
};

/** A show page's section of the cases pointing to its record (`target`: organizationId, mediatorId), newest first. */
export const RelatedCases = ({
  target,
  heading,
  empty,
}: {
  target: string;
  heading: string;
  empty?: ReactNode;
}) => (
  <>
    <SectionHeading sx={{ mt: 2 }}>{heading}</SectionHeading>
    <RelatedRecords reference="disputeCases" target={target} sort={{ field: 'receivedAt', order: 'DESC' }}>
      <CaseRows empty={empty} />
    </RelatedRecords>
  </>
);
