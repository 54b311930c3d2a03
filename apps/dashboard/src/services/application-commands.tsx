import { chinaDay, type ServiceApplicationCommand, type ServiceApplicationState } from '@qiangji/domain';
import { CheckboxGroupInput, required, SelectInput, TextInput, useTranslate } from 'react-admin';
import type { CommandForms, FormValues } from '../common/command-forms';
import { useStats } from '../stats/use-stats';
import type { ApplicationMutation } from './service-resources';

export interface ApplicationRecord {
  id: string;
  number: string;
  state: ServiceApplicationState;
  version: number;
  regionCode: string;
  onSite: boolean;
  materials?: string[];
  item?: { name: string; materials?: { name: string; required: boolean }[] };
  availableCommands?: string[];
}

const materialChoices = (record: ApplicationRecord) =>
  (record.item?.materials ?? []).map((m) => ({ id: m.name, name: m.name }));

const NoteInput = () => <TextInput source="note" label="app.services.note" fullWidth multiline />;
const ReasonInput = () => (
  <TextInput source="reason" label="app.services.reason" validate={required()} fullWidth multiline />
);
const MissingInput = ({ record }: { record: ApplicationRecord }) => (
  <CheckboxGroupInput
    source="missing"
    label="app.services.missing"
    choices={materialChoices(record)}
    translateChoice={false}
    validate={required()}
  />
);
const MaterialsInput = ({ record }: { record: ApplicationRecord }) => (
  <CheckboxGroupInput
    source="materials"
    label="app.services.materials"
    choices={materialChoices(record)}
    translateChoice={false}
  />
);

interface Slot {
  id: string;
  day: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
}

/** The service point's slots from today with room left: staff call the applicant and agree on one. */
const SlotInput = ({ record }: { record: ApplicationRecord }) => {
  const translate = useTranslate();
  const { data } = useStats<{ edges: { node: Slot }[] }>('serviceApplications', 'slots', {
    filter: { regionCode: record.regionCode, dayFrom: chinaDay(), available: true },
  });
  const slots = data?.edges.map((e) => e.node) ?? [];
  return (
    <SelectInput
      source="slotId"
      label="app.services.slot"
      validate={required()}
      translateChoice={false}
      helperText={data && !slots.length ? translate('app.services.no_slot') : undefined}
      choices={slots.map((s) => ({
        id: s.id,
        name: `${s.day} ${s.startsAt}–${s.endsAt}（${s.capacity - s.booked}/${s.capacity}）`,
      }))}
    />
  );
};

const note = (v: FormValues) => ({ note: v.note ? String(v.note) : null });

/** Every step of SERVICE_APPLICATION_MACHINE: the mutation that takes it, its input and the dialog's inputs. */
export const APPLICATION_COMMANDS: CommandForms<
  ServiceApplicationCommand,
  ApplicationRecord,
  ApplicationMutation
> = {
  accept: { mutation: 'acceptServiceApplication', input: note, Fields: NoteInput },
  returnForMaterial: {
    mutation: 'returnServiceApplication',
    input: (v) => ({ missing: (v.missing as string[]) ?? [], note: v.note ? String(v.note) : null }),
    Fields: MissingInput,
    turnsAway: true,
  },
  resubmit: {
    mutation: 'resubmitServiceApplication',
    input: (v) => ({ materials: (v.materials as string[]) ?? [] }),
    Fields: MaterialsInput,
  },
  reject: {
    mutation: 'rejectServiceApplication',
    input: (v) => ({ reason: String(v.reason) }),
    Fields: ReasonInput,
    turnsAway: true,
  },
  bookAppointment: {
    mutation: 'bookServiceAppointment',
    input: (v) => ({ slotId: String(v.slotId) }),
    Fields: SlotInput,
    refusal: (field) => (field === 'slotId' ? 'app.services.no_slot' : undefined),
  },
  recordNoShow: { mutation: 'recordServiceNoShow', input: note, turnsAway: true },
  handleOnSite: { mutation: 'handleServiceApplicationOnSite', input: note, Fields: NoteInput },
  complete: { mutation: 'completeServiceApplication', input: note, Fields: NoteInput },
  withdraw: {
    mutation: 'withdrawServiceApplication',
    input: (v) => ({ reason: String(v.reason) }),
    Fields: ReasonInput,
    turnsAway: true,
  },
};
