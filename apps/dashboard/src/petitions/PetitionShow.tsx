import { PETITION_CASE_MACHINE } from '@qiangji/domain';
import { SimpleShowLayout, TextField, useRecordContext } from 'react-admin';
import { DateTimeField, DayField } from '../common/DateTimeField';
import { RecordCommands } from '../common/MachineCommands';
import { RegionLink } from '../common/RegionLink';
import { ShowWithCommands } from '../common/ShowWithCommands';
import { PETITION_COMMANDS, type PetitionRecord } from './petition-commands';
import { PetitionStateField } from './PetitionList';
import { ShowLink } from '../common/ShowLink';

/** 交办, 化解 and 未化解: the steps the user's roles allow from the case's state. */
const PetitionActions = () => {
  return (
    <RecordCommands
      machine={PETITION_CASE_MACHINE}
      forms={PETITION_COMMANDS}
      labels="app.petition_command"
      subject={(record: PetitionRecord) => record.title}
      // 已交办 reads well, 已未化解 does not.
      doneMessage="app.petitions.done"
      permission="mediation:manage"
    />
  );
};

const OrganizationLink = (_props: { label?: string }) => {
  const record = useRecordContext<PetitionRecord>();
  if (!record?.organization) return <>—</>;
  return (
    <ShowLink resource="mediationOrganizations" id={record.organization.id}>
      {record.organization.name}
    </ShowLink>
  );
};

export const PetitionShow = () => (
  <ShowWithCommands commands={<PetitionActions />}>
    <SimpleShowLayout>
      <TextField source="title" />
      <PetitionStateField label="resources.petitionCases.fields.state" />
      <RegionLink label="resources.petitionCases.fields.region" />
      <OrganizationLink label="resources.petitionCases.fields.organization" />
      <DayField source="registeredOn" />
      <DayField source="resolvedOn" emptyText="—" />
      <DateTimeField source="updatedAt" />
    </SimpleShowLayout>
  </ShowWithCommands>
);
