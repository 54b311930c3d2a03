import {
  ancestorDivisionCodes,
  chinaDay,
  type PetitionCaseCommand,
  type PetitionCaseState,
} from '@qiangji/domain';
import { DateInput, required, SelectInput, useGetList } from 'react-admin';
import type { CommandForms } from '../common/command-forms';
import { organizationText } from '../organizations/organization-text';
import type { PetitionMutation } from './petition-resource';

export interface PetitionRecord {
  id: string;
  title: string;
  state: PetitionCaseState;
  version: number;
  regionCode: string;
  organization?: { id: string; name: string } | null;
}

/** Organisations of a district, far more than any has: read in one go. */
const MAX_ORGANIZATIONS = 1000;

/**
 * The organisations a backlog case may be assigned to: those whose region contains the case's (its community's
 * committee or clinic, the street's or the district's centre …), nearest first. The API checks the same rule.
 */
const OrganizationAboveInput = ({ record }: { record: PetitionRecord }) => {
  const district = record.regionCode.slice(0, 6);
  const { data, isPending } = useGetList<{ id: string; name: string; regionCode: string }>(
    'mediationOrganizations',
    { filter: { regionCode: district }, pagination: { page: 1, perPage: MAX_ORGANIZATIONS } },
  );
  const covering = new Set([...ancestorDivisionCodes(record.regionCode), record.regionCode]);
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
      fullWidth
    />
  );
};

const DayInput = () => <DateInput source="on" label="app.petitions.on" validate={required()} />;
const today = () => ({ on: chinaDay() });

/**
 * Every step of PETITION_CASE_MACHINE: the mutation that takes it, its input, and the dialog's inputs. The API
 * has one resolvePetitionCase for both outcomes, told apart by `resolved`.
 */
export const PETITION_COMMANDS: CommandForms<PetitionCaseCommand, PetitionRecord, PetitionMutation> = {
  assign: {
    mutation: 'assignPetitionCase',
    input: (v) => ({ organizationId: String(v.organizationId) }),
    Fields: OrganizationAboveInput,
  },
  resolve: {
    mutation: 'resolvePetitionCase',
    input: (v) => ({ resolved: true, on: String(v.on) }),
    Fields: DayInput,
    defaults: today,
  },
  recordUnresolved: {
    mutation: 'resolvePetitionCase',
    input: (v) => ({ resolved: false, on: String(v.on) }),
    Fields: DayInput,
    defaults: today,
    turnsAway: true,
  },
};
