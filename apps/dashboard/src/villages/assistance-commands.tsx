import { chinaDay, type AssistanceCommand, type AssistanceState } from '@qiangji/domain';
import { DateInput, required, TextInput } from 'react-admin';
import type { CommandForms } from '../common/command-forms';
import type { AssistanceMutation } from './assistance-resource';

export interface AssistanceRecord {
  id: string;
  description: string;
  state: AssistanceState;
  version: number;
  availableCommands?: string[];
}

const DayInput = () => <DateInput source="on" label="app.villages.assistance.on" validate={required()} />;
const today = () => ({ on: chinaDay() });
const WithText = (source: 'outcome' | 'reason') =>
  function Fields() {
    return (
      <>
        <DayInput />
        <TextInput
          source={source}
          label={`app.villages.assistance.${source}`}
          validate={required()}
          multiline
          fullWidth
        />
      </>
    );
  };

/** Every step of ASSISTANCE_MACHINE: the mutation that takes it, its input and the dialog's inputs. */
export const ASSISTANCE_COMMANDS: CommandForms<AssistanceCommand, AssistanceRecord, AssistanceMutation> = {
  start: {
    mutation: 'startAssistance',
    input: (v) => ({ on: String(v.on) }),
    Fields: DayInput,
    defaults: today,
  },
  complete: {
    mutation: 'completeAssistance',
    input: (v) => ({ on: String(v.on), outcome: String(v.outcome ?? '') }),
    Fields: WithText('outcome'),
    defaults: today,
  },
  abandon: {
    mutation: 'abandonAssistance',
    input: (v) => ({ on: String(v.on), reason: String(v.reason ?? '') }),
    Fields: WithText('reason'),
    defaults: today,
    turnsAway: true,
  },
};
