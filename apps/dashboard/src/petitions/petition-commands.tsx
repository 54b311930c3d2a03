import { chinaDay, type PetitionCaseCommand, type PetitionCaseState } from '@qiangji/domain';
import { DateInput, required } from 'react-admin';
import type { CommandForms } from '../common/command-forms';
import { OrganizationAboveInput } from '../organizations/OrganizationAboveInput';
import type { PetitionMutation } from './petition-resource';

export interface PetitionRecord {
  id: string;
  title: string;
  state: PetitionCaseState;
  version: number;
  regionCode: string;
  organization?: { id: string; name: string } | null;
  availableCommands?: string[];
}

/**
 * The organisations a backlog case may be assigned to: of its district, those whose region contains the case's
 * (its community's committee or clinic, the street's or the district's centre …).
 */
const AssignInput = ({ record }: { record: PetitionRecord }) => (
  <OrganizationAboveInput
    region={record.regionCode}
    strictly={false}
    filter={{ regionCode: record.regionCode.slice(0, 6) }}
    label="resources.petitionCases.fields.organization"
    helperText="app.petitions.organization_help"
  />
);

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
    Fields: AssignInput,
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
