import { ancestorDivisionCodes, PETITION_CASE_MACHINE, type PetitionCaseState } from '@qiangji/domain';
import { useState } from 'react';
import {
  DateInput,
  Link,
  required,
  SelectInput,
  Show,
  SimpleShowLayout,
  TextField,
  useCreatePath,
  useDataProvider,
  useGetList,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { allows } from '../auth/actions';
import { CommandButton, CommandToolbar } from '../common/CommandButton';
import { DateTimeField, DayField } from '../common/DateTimeField';
import { FormDialog } from '../common/FormDialog';
import { RegionLink } from '../common/RegionLink';
import type { QiangjiDataProvider } from '../data-provider';
import { chinaToday } from '../mediation/dates';
import { organizationText } from '../organizations/organization-text';
import { toPetitionCommand } from './petition-resource';
import { PetitionStateField } from './PetitionList';

interface PetitionRecord {
  id: string;
  title: string;
  state: PetitionCaseState;
  version: number;
  regionCode: string;
  organization?: { id: string; name: string } | null;
}

type PetitionCommand = 'assign' | 'resolve' | 'leaveUnresolved';
/** The state each button leads to, as the domain's table names it. */
const COMMAND_TO: Readonly<Record<PetitionCaseState, PetitionCommand | null>> = {
  REGISTERED: null,
  ASSIGNED: 'assign',
  RESOLVED: 'resolve',
  UNRESOLVED: 'leaveUnresolved',
};
/** Organisations of a district, far more than any has: read in one go. */
const MAX_ORGANIZATIONS = 1000;

/**
 * The organisations a backlog case may be assigned to: those whose region contains the case's (its community's
 * committee or clinic, the street's or the district's centre …), nearest first. The API checks the same rule.
 */
const OrganizationAboveInput = ({ regionCode }: { regionCode: string }) => {
  const district = regionCode.slice(0, 6);
  const { data, isPending } = useGetList<{ id: string; name: string; regionCode: string }>(
    'mediationOrganizations',
    { filter: { regionCode: district }, pagination: { page: 1, perPage: MAX_ORGANIZATIONS } },
  );
  const covering = new Set([...ancestorDivisionCodes(regionCode), regionCode]);
  const choices = (data ?? [])
    .filter((organization) => covering.has(organization.regionCode))
    .sort((a, b) => b.regionCode.length - a.regionCode.length);
  return (
    <SelectInput
      source="organizationId"
      label="resources.petitionCases.fields.organization"
      choices={choices}
      optionText={organizationText}
      isPending={isPending}
      validate={required()}
      helperText="app.petitions.organization_help"
    />
  );
};

/** 交办, 化解 and 未化解, as PETITION_CASE_MACHINE allows from the case's state; mediation:manage only. */
const PetitionActions = () => {
  const record = useRecordContext<PetitionRecord>();
  const { permissions } = usePermissions();
  const translate = useTranslate();
  const dataProvider = useDataProvider<QiangjiDataProvider>();
  const [open, setOpen] = useState<PetitionCommand | null>(null);
  if (!record || !allows(permissions, 'mediation:manage')) return <CommandToolbar>{null}</CommandToolbar>;
  const commands = PETITION_CASE_MACHINE.graph[record.state].to
    .map((state) => COMMAND_TO[state])
    .filter((c): c is PetitionCommand => c !== null);
  const run = async (values: Record<string, unknown>) => {
    const { command, input } = toPetitionCommand(open!, values, record);
    const result = await dataProvider.command<{ id?: string }>('petitionCases', command, { input });
    return Boolean(result?.id);
  };
  return (
    <CommandToolbar>
      {commands.map((name) => (
        <CommandButton key={name} label={`app.petitions.${name}`} onClick={() => setOpen(name)} />
      ))}
      <FormDialog
        key={open ?? ''}
        open={open !== null}
        title={open ? `${translate(`app.petitions.${open}`)} · ${record.title}` : ''}
        onClose={() => setOpen(null)}
        run={run}
        successMessage="app.petitions.done"
        defaultValues={open === 'assign' ? {} : { on: chinaToday() }}
      >
        {open === 'assign' ? (
          <OrganizationAboveInput regionCode={record.regionCode} />
        ) : (
          <DateInput source="on" label="app.petitions.on" validate={required()} />
        )}
      </FormDialog>
    </CommandToolbar>
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
  <Show actions={<PetitionActions />}>
    <SimpleShowLayout>
      <TextField source="title" />
      <PetitionStateField label="resources.petitionCases.fields.state" />
      <RegionLink label="resources.petitionCases.fields.region" />
      <OrganizationLink label="resources.petitionCases.fields.organization" />
      <DayField source="registeredOn" />
      <DayField source="resolvedOn" emptyText="—" />
      <DateTimeField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);
