import { BooleanInput, TextInput, useTranslate } from 'react-admin';
import {
  DISPUTE_STATE_CHOICES,
  DISPUTE_TYPE_CHOICES,
  INTAKE_CHANNEL_CHOICES,
  RISK_LEVEL_CHOICES,
} from '../common/choices';
import { choicesFilter, dayRangeFilters, regionFilter, searchFilter } from '../common/filter-inputs';

/**
 * The resident a recurring-dispute alert names, shown as set (an id means nothing to an official, and the cases
 * list their parties masked as usual); the filter's own close button takes it away.
 */
const PartyInput = ({ source }: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return (
    <TextInput
      source={source}
      disabled
      format={(id) => (id ? translate('app.command_view.alert_party') : '')}
    />
  );
};

/** Labels come from resources.disputeCases.fields.<source>; dispute-case-resource.ts maps them to DisputeCaseFilter. */
export const disputeCaseFilters = [
  searchFilter('q'),
  regionFilter(),
  // The command view's recurring-dispute alerts: the cases registered at the place itself, not below it.
  <BooleanInput key="regionOnly" source="regionOnly" />,
  choicesFilter('state', DISPUTE_STATE_CHOICES, { minWidth: '10rem', alwaysOn: true }),
  choicesFilter('type', DISPUTE_TYPE_CHOICES, { minWidth: '10rem' }),
  choicesFilter('risk', RISK_LEVEL_CHOICES, { minWidth: '8rem' }),
  <BooleanInput key="overdue" source="overdue" alwaysOn />,
  <BooleanInput key="atRisk" source="atRisk" />,
  ...dayRangeFilters('acceptedFrom', 'acceptedTo'),
  ...dayRangeFilters('receivedFrom', 'receivedTo'),
  choicesFilter('channel', INTAKE_CHANNEL_CHOICES, { minWidth: '10rem' }),
  <PartyInput key="partyResidentId" source="partyResidentId" />,
];
