import { chinaDay, type DisputeCaseCommand } from '@qiangji/domain';
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
  useTranslate,
} from 'react-admin';
import { REFERRAL_CHOICES } from '../common/choices';
import { byName } from '../common/form-inputs';
import type { CommandForms } from '../common/command-forms';
import { OrganizationAboveInput } from '../organizations/OrganizationAboveInput';
import { nameList, optionalText, trimmed, yes } from '../write-input';
import type { DisputeCaseDetailRecord } from './dispute-case-record';
import type { DisputeCaseMutation } from './dispute-case-resource';

const YES_NO = [
  { id: 'true', name: 'ra.boolean.true' },
  { id: 'false', name: 'ra.boolean.false' },
];
// The API's limits: a reason of 2 to 500 characters.
const reasonRules = [required(), minLength(2)];
const field = (name: string) => `app.cases.command_fields.${name}`;

/** A coordination centre a tier up from the handling organisation: the case goes up to it. */
const EscalationInputs = ({ record }: { record: DisputeCaseDetailRecord }) => (
  <>
    <OrganizationAboveInput
      region={record.organization?.regionCode}
      strictly
      filter={CENTRES}
      label={field('centre')}
      helperText="app.cases.centre_help"
    />
    <TextInput source="reason" label={field('reason')} validate={reasonRules} multiline fullWidth />
  </>
);
const CENTRES = { kind: ['COORDINATION_CENTRE'] };

/** Names typed into one field (参加人员, 签字人). */
const NamesInput = ({ source, label }: { source: string; label: string }) => (
  <TextInput
    source={source}
    label={field(label)}
    helperText="app.cases.names_help"
    validate={required()}
    fullWidth
  />
);

const NoteInput = () => <TextInput source="note" label={field('note')} multiline fullWidth />;

const ReasonInput = () => (
  <TextInput source="reason" label={field('reason')} validate={reasonRules} multiline fullWidth autoFocus />
);

/** Mediators of the handling organisation and of those inside its region qualify; the API checks. */
const MediatorInput = ({ record }: { record: DisputeCaseDetailRecord }) => {
  const translate = useTranslate();
  return (
    <ReferenceInput
      source="mediatorId"
      reference="mediators"
      filter={{ regionCode: record.organization?.regionCode ?? record.regionCode, active: true }}
      sort={{ field: 'name', order: 'ASC' }}
    >
      <AutocompleteInput
        label={field('mediator')}
        optionText="name"
        filterToQuery={byName}
        validate={required()}
        // A reassignment: who has the case now (the API refuses the same one again).
        helperText={
          record.mediator ? translate('app.cases.current_mediator', { name: record.mediator.name }) : false
        }
        fullWidth
      />
    </ReferenceInput>
  );
};

const SessionInputs = () => (
  <>
    <DateInput source="date" label={field('date')} validate={required()} />
    <TextInput source="place" label={field('place')} validate={required()} fullWidth />
    <NamesInput source="participants" label="participants" />
    <TextInput source="notes" label={field('notes')} multiline minRows={2} fullWidth />
  </>
);

const AgreementInputs = () => (
  <>
    <TextInput source="terms" label={field('terms')} validate={required()} multiline minRows={3} fullWidth />
    <NamesInput source="signatories" label="signatories" />
    <DateInput source="signedOn" label={field('signed_on')} validate={required()} />
    <BooleanInput source="courtConfirmed" label={field('court_confirmed')} />
  </>
);

const FailureInputs = () => (
  <>
    <SelectInput
      source="referral"
      label={field('referral')}
      choices={REFERRAL_CHOICES}
      validate={required()}
      fullWidth
    />
    <TextInput source="reason" label={field('reason')} multiline fullWidth />
  </>
);

const FollowUpInputs = () => (
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

const today = () => ({ date: chinaDay() });

/** Every step of DISPUTE_CASE_MACHINE: the mutation that takes it, its input, and the dialog's inputs. */
export const DISPUTE_CASE_COMMANDS: CommandForms<
  DisputeCaseCommand,
  DisputeCaseDetailRecord,
  DisputeCaseMutation
> = {
  accept: {
    mutation: 'acceptDisputeCase',
    input: (v) => optionalText('note', v.note),
    Fields: NoteInput,
  },
  decline: {
    mutation: 'declineDisputeCase',
    input: (v) => ({ reason: trimmed(v.reason) }),
    Fields: ReasonInput,
    turnsAway: true,
  },
  assignMediator: {
    mutation: 'assignMediator',
    input: (v) => ({ mediatorId: String(v.mediatorId) }),
    Fields: MediatorInput,
    // The API refuses a mediator the case already has, and one outside the handling organisation's reach.
    refusal: (name, v, record) =>
      name !== 'mediatorId'
        ? undefined
        : v.mediatorId === record.mediator?.id
          ? 'app.cases.refused.already_assigned'
          : 'app.cases.refused.not_a_member',
  },
  recordSession: {
    mutation: 'recordSession',
    input: (v) => ({
      date: String(v.date),
      place: trimmed(v.place),
      participants: nameList(v.participants),
      ...optionalText('notes', v.notes),
    }),
    Fields: SessionInputs,
    defaults: today,
  },
  concludeWithAgreement: {
    mutation: 'concludeWithAgreement',
    input: (v) => ({
      agreement: {
        terms: trimmed(v.terms),
        signatories: nameList(v.signatories),
        signedOn: String(v.signedOn),
        courtConfirmed: yes(v.courtConfirmed),
      },
    }),
    Fields: AgreementInputs,
    defaults: () => ({ signedOn: chinaDay(), courtConfirmed: false }),
  },
  concludeWithoutAgreement: {
    mutation: 'concludeWithoutAgreement',
    input: (v) => ({ referral: String(v.referral), ...optionalText('reason', v.reason) }),
    Fields: FailureInputs,
  },
  withdraw: {
    mutation: 'withdrawDisputeCase',
    input: (v) => ({ reason: trimmed(v.reason) }),
    Fields: ReasonInput,
    turnsAway: true,
  },
  recordFollowUp: {
    mutation: 'recordFollowUp',
    input: (v) => ({ date: String(v.date), honoured: yes(v.honoured), ...optionalText('notes', v.notes) }),
    Fields: FollowUpInputs,
    defaults: today,
  },
  close: {
    mutation: 'closeDisputeCase',
    input: (v) => optionalText('note', v.note),
    Fields: NoteInput,
  },
  escalate: {
    mutation: 'escalateDisputeCase',
    input: (v) => ({ organizationId: String(v.organizationId), reason: trimmed(v.reason) }),
    Fields: EscalationInputs,
  },
};
