import { PETITION_CASE_MACHINE } from '@qiangji/domain';
import {
  Link,
  SimpleShowLayout,
  TextField,
  useCreatePath,
  usePermissions,
  useRecordContext,
} from 'react-admin';
import { allows } from '../auth/actions';
import { DateTimeField, DayField } from '../common/DateTimeField';
import { availableCommands } from '../common/command-forms';
import { MachineCommands } from '../common/MachineCommands';
import { RegionLink } from '../common/RegionLink';
import { ShowWithCommands } from '../common/ShowWithCommands';
import { PETITION_COMMANDS, type PetitionRecord } from './petition-commands';
import { PetitionStateField } from './PetitionList';

/** 交办, 化解 and 未化解: the API's `availableCommands`, the steps the user's roles allow from the case's state. */
const PetitionActions = () => {
  const record = useRecordContext<PetitionRecord>();
  const { permissions } = usePermissions();
  if (!record || !allows(permissions, 'mediation:manage')) return null;
  return (
    <MachineCommands
      resource="petitionCases"
      record={record}
      commands={availableCommands(PETITION_CASE_MACHINE, record)}
      forms={PETITION_COMMANDS}
      labels="app.petition_command"
      subject={record.title}
      // 已交办 reads well, 已未化解 does not.
      doneMessage="app.petitions.done"
    />
  );
};

const OrganizationLink = (_props: { label?: string }) => {
  const record = useRecordContext<PetitionRecord>();
  const createPath = useCreatePath();
  if (!record?.organization) return <>—</>;
  return (
    <Link to={createPath({ resource: 'mediationOrganizations', id: record.organization.id, type: 'show' })}>
      {record.organization.name}
    </Link>
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
