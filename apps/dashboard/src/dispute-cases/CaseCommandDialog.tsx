import { ancestorDivisionCodes } from '@qiangji/domain';
import {
  AutocompleteInput,
  BooleanInput,
  DateInput,
  RadioButtonGroupInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  minLength,
  useDataProvider,
  useGetList,
  useTranslate,
} from 'react-admin';
import { REFERRAL_CHOICES } from '../common/choices';
import { FormDialog } from '../common/FormDialog';
import type { QiangjiDataProvider } from '../data-provider';
import { chinaToday } from '../mediation/dates';
import { organizationText } from '../organizations/organization-text';
import type { DisputeCaseDetailRecord } from './dispute-case-record';
import { toCaseCommand } from './dispute-case-resource';

const YES_NO = [
  { id: 'true', name: 'ra.boolean.true' },
  { id: 'false', name: 'ra.boolean.false' },
];
// The API's limits: a reason of 2 to 500 characters.
const reasonRules = [required(), minLength(2)];
const byName = (text: string) => ({ nameContains: text });
const field = (name: string) => `app.cases.command_fields.${name}`;

/** Centres the city has at most, far more than Harbin's district and township centres: read in one go. */
const MAX_CENTRES = 1000;

/**
 * The coordination centres a case may go up to: those whose region strictly contains the handling
 * organisation's (the township's, the district's, the city's), nearest first. The API checks the same rule.
 */
const EscalationCentreInput = ({ organizationRegion }: { organizationRegion: string | undefined }) => {
  const { data, isPending } = useGetList<{ id: string; name: string; regionCode: string }>(
    'mediationOrganizations',
    { filter: { kind: ['COORDINATION_CENTRE'] }, pagination: { page: 1, perPage: MAX_CENTRES } },
    { enabled: Boolean(organizationRegion) },
  );
  const above = organizationRegion ? ancestorDivisionCodes(organizationRegion) : [];
  const choices = (data ?? [])
    .filter((centre) => above.includes(centre.regionCode))
    .sort((a, b) => b.regionCode.length - a.regionCode.length);
  return (
    <SelectInput
      source="organizationId"
      label={field('centre')}
      choices={choices}
      optionText={organizationText}
      isPending={isPending}
      validate={required()}
      helperText="app.cases.centre_help"
    />
  );
};

/** Exactly the inputs the command needs (DISPUTE_CASE_TRANSITIONS' `requires`), plus its optional notes. */
const CommandInputs = ({ name, record }: { name: string; record: DisputeCaseDetailRecord }) => {
  switch (name) {
    case 'ACCEPT':
    case 'CLOSE':
      return <TextInput source="note" label={field('note')} multiline fullWidth />;
    case 'DECLINE':
    case 'WITHDRAW':
      return (
        <TextInput
          source="reason"
          label={field('reason')}
          validate={reasonRules}
          multiline
          fullWidth
          autoFocus
        />
      );
    case 'ASSIGN_MEDIATOR':
      return (
        <ReferenceInput
          source="mediatorId"
          reference="mediators"
          // Mediators of the handling organisation and of those inside its region qualify; the API checks.
          filter={{ regionCode: record.organization?.regionCode ?? record.regionCode, active: true }}
          sort={{ field: 'name', order: 'ASC' }}
        >
          <AutocompleteInput
            label={field('mediator')}
            optionText="name"
            filterToQuery={byName}
            validate={required()}
            fullWidth
          />
        </ReferenceInput>
      );
    case 'RECORD_SESSION':
      return (
        <>
          <DateInput source="date" label={field('date')} validate={required()} />
          <TextInput source="place" label={field('place')} validate={required()} fullWidth />
          <TextInput
            source="participants"
            label={field('participants')}
            helperText="app.cases.names_help"
            validate={required()}
            fullWidth
          />
          <TextInput source="notes" label={field('notes')} multiline minRows={2} fullWidth />
        </>
      );
    case 'CONCLUDE_WITH_AGREEMENT':
      return (
        <>
          <TextInput
            source="terms"
            label={field('terms')}
            validate={required()}
            multiline
            minRows={3}
            fullWidth
          />
          <TextInput
            source="signatories"
            label={field('signatories')}
            helperText="app.cases.names_help"
            validate={required()}
            fullWidth
          />
          <DateInput source="signedOn" label={field('signed_on')} validate={required()} />
          <BooleanInput source="courtConfirmed" label={field('court_confirmed')} />
        </>
      );
    case 'CONCLUDE_WITHOUT_AGREEMENT':
      return (
        <>
          <SelectInput
            source="referral"
            label={field('referral')}
            choices={REFERRAL_CHOICES}
            validate={required()}
          />
          <TextInput source="reason" label={field('reason')} multiline fullWidth />
        </>
      );
    case 'ESCALATE':
      return (
        <>
          <EscalationCentreInput organizationRegion={record.organization?.regionCode} />
          <TextInput source="reason" label={field('reason')} validate={reasonRules} multiline fullWidth />
        </>
      );
    case 'RECORD_FOLLOW_UP':
      return (
        <>
          <DateInput source="date" label={field('date')} validate={required()} />
          <RadioButtonGroupInput
            source="honoured"
            label={field('honoured')}
            choices={YES_NO}
            validate={required()}
          />
          <TextInput source="notes" label={field('notes')} multiline minRows={2} fullWidth />
        </>
      );
    default:
      return null;
  }
};

const DEFAULTS: Readonly<Record<string, () => Record<string, unknown>>> = {
  RECORD_SESSION: () => ({ date: chinaToday() }),
  CONCLUDE_WITH_AGREEMENT: () => ({ signedOn: chinaToday(), courtConfirmed: false }),
  RECORD_FOLLOW_UP: () => ({ date: chinaToday() }),
};

interface CaseCommandDialogProps {
  /** The GraphQL enum name of the command (ACCEPT, RECORD_SESSION …); null: closed. */
  name: string | null;
  record: DisputeCaseDetailRecord;
  onClose: () => void;
}

/**
 * One step of the case, sent with the version the page read. A CONFLICT (someone took a step meanwhile) closes
 * the dialog, says so and reloads the case, whose buttons then show what is possible now.
 */
export const CaseCommandDialog = ({ name, record, onClose }: CaseCommandDialogProps) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<QiangjiDataProvider>();
  const command = name ? translate(`app.dispute_command.${name}`) : '';
  const run = async (values: Record<string, unknown>) => {
    const call = toCaseCommand(name!, values, record);
    const result = await dataProvider.command<{ id?: string }>('disputeCases', call.command, {
      input: call.input,
    });
    // After a 401 react-admin signs the user out and resolves with an empty result: nothing happened.
    return Boolean(result?.id);
  };
  return (
    <FormDialog
      // A fresh form (today's date, no stale error) for each command.
      key={name ?? ''}
      open={name !== null}
      title={translate('app.cases.command_title', { command, number: record.number })}
      onClose={onClose}
      run={run}
      successMessage="app.cases.command_done"
      successArgs={{ command }}
      defaultValues={name ? DEFAULTS[name]?.() : undefined}
    >
      {name && <CommandInputs name={name} record={record} />}
    </FormDialog>
  );
};
