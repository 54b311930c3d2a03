import { BooleanInput } from 'react-admin';
import {
  DISPUTE_STATE_CHOICES,
  DISPUTE_TYPE_CHOICES,
  INTAKE_CHANNEL_CHOICES,
  RISK_LEVEL_CHOICES,
} from '../common/choices';
import { choicesFilter, dayRangeFilters, regionFilter, searchFilter } from '../common/filter-inputs';

/** Labels come from resources.disputeCases.fields.<source>; dispute-case-resource.ts maps them to DisputeCaseFilter. */
export const disputeCaseFilters = [
  searchFilter('q'),
  regionFilter(),
  choicesFilter('state', DISPUTE_STATE_CHOICES, { minWidth: '10rem', alwaysOn: true }),
  choicesFilter('type', DISPUTE_TYPE_CHOICES, { minWidth: '10rem' }),
  choicesFilter('risk', RISK_LEVEL_CHOICES, { minWidth: '8rem' }),
  <BooleanInput key="overdue" source="overdue" alwaysOn />,
  <BooleanInput key="atRisk" source="atRisk" />,
  ...dayRangeFilters('acceptedFrom', 'acceptedTo'),
  choicesFilter('channel', INTAKE_CHANNEL_CHOICES, { minWidth: '10rem' }),
];
