import type { GridEventCommand, GridEventState } from '@qiangji/domain';
import { minLength, NumberInput, RadioButtonGroupInput, required, SelectInput, TextInput } from 'react-admin';
import type { CommandForms } from '../common/command-forms';
import { optionalText, trimmed } from '../write-input';
import { GRID_REJECTION_CHOICES, SATISFACTION_CHOICES } from '../common/choices';
import type { GridEventMutation } from './grid-event-resource';

export interface GridEventRecord {
  id: string;
  number: string;
  state: GridEventState;
  version: number;
  category: string;
  regionCode: string;
  description?: string;
  availableCommands?: string[];
  duplicateHints?: { id: string; number: string }[];
}

const reasonRules = [required(), minLength(2)];
const field = (name: string) => `resources.gridEvents.fields.${name}`;

const NoteInput = () => <TextInput source="note" label={field('note')} multiline fullWidth />;

const RejectInputs = ({ record }: { record: GridEventRecord }) => (
  <>
    <RadioButtonGroupInput
      source="reason"
      label={field('rejection')}
      choices={GRID_REJECTION_CHOICES}
      validate={required()}
    />
    {record.duplicateHints?.length ? (
      <SelectInput
        source="duplicateOfId"
        label="app.grid.duplicate_of"
        choices={record.duplicateHints.map((h) => ({ id: h.id, name: h.number }))}
        fullWidth
      />
    ) : null}
    <NoteInput />
  </>
);

const DispatchInputs = () => (
  <>
    <RadioButtonGroupInput
      source="assigneeKind"
      label={field('assigneeKind')}
      choices={[
        { id: 'DEPARTMENT', name: 'app.grid.assignee_kind.DEPARTMENT' },
        { id: 'PERSON', name: 'app.grid.assignee_kind.PERSON' },
      ]}
      validate={required()}
    />
    <TextInput
      source="assignee"
      label={field('assignee')}
      helperText="app.grid.assignee_help"
      validate={required()}
      fullWidth
    />
  </>
);

const ResultInput = () => (
  <TextInput
    source="result"
    label={field('disposalResult')}
    validate={reasonRules}
    multiline
    fullWidth
    autoFocus
  />
);
const ReasonInput = () => (
  <TextInput
    source="reason"
    label={field('reason')}
    helperText="app.grid.reason_help"
    validate={reasonRules}
    multiline
    fullWidth
    autoFocus
  />
);
const EvaluateInputs = () => (
  <>
    <RadioButtonGroupInput
      source="satisfaction"
      label={field('satisfaction')}
      choices={SATISFACTION_CHOICES}
      validate={required()}
    />
    <TextInput source="comment" label={field('evaluationComment')} multiline fullWidth />
  </>
);
/** The parties of the dispute the mediation case is registered with. */
const ReferInputs = () => (
  <>
    <TextInput
      source="applicant"
      label="app.cases.party_name"
      helperText="app.grid.applicant"
      validate={required()}
      fullWidth
    />
    <TextInput
      source="respondent"
      label="app.cases.party_name"
      helperText="app.grid.respondent"
      validate={required()}
      fullWidth
    />
    <NumberInput
      source="householdsInvolved"
      label="resources.disputeCases.fields.householdsInvolved"
      min={0}
      validate={required()}
    />
    <NumberInput
      source="peopleInvolved"
      label="resources.disputeCases.fields.peopleInvolved"
      min={0}
      validate={required()}
    />
  </>
);

const note = (v: Record<string, unknown>) => optionalText('note', v.note);

/** Every step of GRID_EVENT_MACHINE: the mutation that takes it, its input and the dialog's inputs. */
export const GRID_EVENT_COMMANDS: CommandForms<GridEventCommand, GridEventRecord, GridEventMutation> = {
  file: { mutation: 'fileGridEvent', input: note, Fields: NoteInput },
  reject: {
    mutation: 'rejectGridEvent',
    input: (v) => ({
      reason: String(v.reason),
      ...optionalText('duplicateOfId', v.duplicateOfId),
      ...note(v),
    }),
    Fields: RejectInputs,
    defaults: () => ({ reason: 'INVALID' }),
    turnsAway: true,
  },
  dispatch: {
    mutation: 'dispatchGridEvent',
    input: (v) => ({ assigneeKind: String(v.assigneeKind), assignee: trimmed(v.assignee) }),
    Fields: DispatchInputs,
    defaults: () => ({ assigneeKind: 'DEPARTMENT' }),
  },
  startDisposal: { mutation: 'startGridEventDisposal', input: note },
  dispose: {
    mutation: 'disposeGridEvent',
    input: (v) => ({ result: trimmed(v.result) }),
    Fields: ResultInput,
  },
  verify: { mutation: 'verifyGridEvent', input: note, Fields: NoteInput },
  sendBack: {
    mutation: 'sendBackGridEvent',
    input: (v) => ({ reason: trimmed(v.reason) }),
    Fields: ReasonInput,
    turnsAway: true,
  },
  close: { mutation: 'closeGridEvent', input: note },
  evaluate: {
    mutation: 'evaluateGridEvent',
    input: (v) => ({ satisfaction: String(v.satisfaction), ...optionalText('comment', v.comment) }),
    Fields: EvaluateInputs,
    defaults: () => ({ satisfaction: 'SATISFIED' }),
  },
  referToMediation: {
    mutation: 'referGridEventToMediation',
    input: (v) => ({
      parties: [
        { role: 'APPLICANT', name: trimmed(v.applicant) },
        { role: 'RESPONDENT', name: trimmed(v.respondent) },
      ],
      householdsInvolved: Number(v.householdsInvolved ?? 2),
      peopleInvolved: Number(v.peopleInvolved ?? 2),
    }),
    Fields: ReferInputs,
    defaults: () => ({ householdsInvolved: 2, peopleInvolved: 2 }),
  },
};
