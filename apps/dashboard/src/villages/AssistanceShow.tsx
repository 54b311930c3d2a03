import { ASSISTANCE_MACHINE, formatPercent } from '@qiangji/domain';
import {
  FunctionField,
  NumberField,
  SimpleShowLayout,
  TextField,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { allows } from '../auth/actions';
import { availableCommands } from '../common/command-forms';
import { DayField } from '../common/DateTimeField';
import { MachineCommands } from '../common/MachineCommands';
import { ShowWithCommands } from '../common/ShowWithCommands';
import { ASSISTANCE_COMMANDS, type AssistanceRecord } from './assistance-commands';

const AssistanceActions = () => {
  const record = useRecordContext<AssistanceRecord>();
  const { permissions } = usePermissions();
  if (!record || !allows(permissions, 'visit:write')) return null;
  return (
    <MachineCommands
      resource="assistances"
      record={record}
      commands={availableCommands(ASSISTANCE_MACHINE, record)}
      forms={ASSISTANCE_COMMANDS}
      labels="app.villages.assistance_command"
      subject={record.description}
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
