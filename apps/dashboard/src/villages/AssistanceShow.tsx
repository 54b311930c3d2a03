import { ASSISTANCE_MACHINE, formatPercent } from '@qiangji/domain';
import { FunctionField, NumberField, SimpleShowLayout, TextField, useTranslate } from 'react-admin';
import { DayField } from '../common/DateTimeField';
import { RecordCommands } from '../common/MachineCommands';
import { ShowWithCommands } from '../common/ShowWithCommands';
import { ASSISTANCE_COMMANDS, type AssistanceRecord } from './assistance-commands';

const AssistanceActions = () => {
  return (
    <RecordCommands
      machine={ASSISTANCE_MACHINE}
      forms={ASSISTANCE_COMMANDS}
      labels="app.villages.assistance_command"
      subject={(record: AssistanceRecord) => record.description}
      permission="visit:write"
    />
  );
};

interface Effect {
  effect?: {
    before: { year: number; incomeYuan: number } | null;
    after: { year: number; incomeYuan: number } | null;
    growth: number | null;
  };
}

/** An assistance: its steps as buttons (the machine's), its timeline and its measured effect on the household's income. */
export const AssistanceShow = () => {
  const translate = useTranslate();
  return (
    <ShowWithCommands commands={<AssistanceActions />}>
      <SimpleShowLayout>
        <FunctionField
          source="type"
          render={(a: { type: string }) => translate(`app.villages.assistance_type.${a.type}`)}
        />
        <FunctionField
          source="state"
          render={(a: { state: string }) => translate(`app.villages.assistance_state.${a.state}`)}
        />
        <TextField source="description" />
        <FunctionField
          source="household"
          render={(a: { household?: { address: string } }) => a.household?.address ?? '—'}
        />
        <NumberField source="amountYuan" emptyText="—" />
        <TextField source="cadreName" />
        <DayField source="plannedOn" />
        <DayField source="doneOn" emptyText="—" />
        <TextField source="outcome" emptyText="—" />
        <TextField source="abandonReason" emptyText="—" />
        <FunctionField
          source="effect"
          render={({ effect }: Effect) =>
            effect?.before && effect.after
              ? `${effect.before.year}: ${effect.before.incomeYuan.toLocaleString()} → ${effect.after.year}: ${effect.after.incomeYuan.toLocaleString()} (${formatPercent(effect.growth)})`
              : '—'
          }
        />
      </SimpleShowLayout>
    </ShowWithCommands>
  );
};
