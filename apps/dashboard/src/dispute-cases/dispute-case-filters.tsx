import { BooleanInput, DateInput, SearchInput, SelectArrayInput } from 'react-admin';
import {
  DISPUTE_STATE_CHOICES,
  DISPUTE_TYPE_CHOICES,
  INTAKE_CHANNEL_CHOICES,
  RISK_LEVEL_CHOICES,
} from '../common/choices';
import { RegionInput } from '../common/RegionInput';

/** Labels come from resources.disputeCases.fields.<source>; dispute-case-resource.ts maps them to DisputeCaseFilter. */
export const disputeCaseFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <RegionInput key="regionCode" source="regionCode" alwaysOn />,
  <SelectArrayInput
    key="state"
    source="state"
    choices={DISPUTE_STATE_CHOICES}
    alwaysOn
    sx={{ minWidth: '10rem' }}
  />,
  <SelectArrayInput key="type" source="type" choices={DISPUTE_TYPE_CHOICES} sx={{ minWidth: '10rem' }} />,
  <SelectArrayInput key="risk" source="risk" choices={RISK_LEVEL_CHOICES} sx={{ minWidth: '8rem' }} />,
  <BooleanInput key="overdue" source="overdue" alwaysOn />,
  <BooleanInput key="atRisk" source="atRisk" />,
  <DateInput key="acceptedFrom" source="acceptedFrom" />,
  <DateInput key="acceptedTo" source="acceptedTo" />,
  <DateInput key="receivedFrom" source="receivedFrom" />,
  <DateInput key="receivedTo" source="receivedTo" />,
  <SelectArrayInput
    key="channel"
    source="channel"
    choices={INTAKE_CHANNEL_CHOICES}
    sx={{ minWidth: '10rem' }}
  />,
];
