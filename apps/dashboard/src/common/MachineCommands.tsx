import { useState } from 'react';
import type { Action } from '@qiangji/domain';
import {
  useDataProvider,
  usePermissions,
  useRecordContext,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import { allows } from '../auth/actions';
import type { QiangjiDataProvider } from '../data-provider';
import { CommandButton } from './CommandButton';
import {
  availableCommands,
  commandCall,
  type CommandForms,
  type FormValues,
  type VersionedRecord,
} from './command-forms';
import { FormDialog } from './FormDialog';

interface MachineCommandsProps<C extends string, R extends VersionedRecord> {
  /** The react-admin resource whose data provider commands run the steps. */
  resource: string;
  record: R;
  /** The steps allowed now, in the machine's order (the API's `availableCommands`, or the machine's table). */
  commands: readonly C[];
  forms: CommandForms<C, R, string>;
  /** Message prefix of the steps' names, from the machine's labels: app.dispute_command. */
  labels: string;
  /** What the dialog's title names besides the step: the case number, the petition's title. */
  subject: string;
  /** The notification once a step is taken, with the step's name as `command`: 已受理. */
  doneMessage?: string;
}

/**
 * A button per allowed step and its dialog: the step's inputs, sent with the version the page read. A CONFLICT
 * (someone took a step meanwhile) closes the dialog, says so and reloads the record, whose buttons then show
 * what is possible now.
 */
export function MachineCommands<C extends string, R extends VersionedRecord>({
  resource,
  record,
  commands,
  forms,
  labels,
  subject,
  doneMessage = 'app.command.done',
}: MachineCommandsProps<C, R>) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<QiangjiDataProvider>();
  const [open, setOpen] = useState<C | null>(null);
  const form = open ? forms[open] : null;
  const label = open ? translate(`${labels}.${open}`) : '';
  const run = async (values: FormValues) => {
    const { mutation, input } = commandCall(forms, open!, values, record);
    const result = await dataProvider.command<{ id?: string }>(resource, mutation, { input });
    // After a 401 react-admin signs the user out and resolves with an empty result: nothing happened.
    return Boolean(result?.id);
  };
  return (
    <>
      {commands.map((command) => (
        <CommandButton
          key={command}
          label={`${labels}.${command}`}
          variant={forms[command].turnsAway ? 'outlined' : 'contained'}
          color={forms[command].turnsAway ? 'inherit' : 'primary'}
          onClick={() => setOpen(command)}
        />
      ))}
      <FormDialog
        // A fresh form (today's date, no stale error) for each step.
        key={open ?? ''}
        open={form !== null}
        title={translate('app.command.title', { command: label, subject })}
        onClose={() => setOpen(null)}
        run={run}
        successMessage={doneMessage}
        successArgs={{ command: label }}
        defaultValues={form?.defaults?.()}
        refusal={form?.refusal && ((field, values) => form.refusal!(field, values, record))}
      >
        {form?.Fields && <form.Fields record={record} />}
      </FormDialog>
    </>
  );
}

type MachineRecord = VersionedRecord & { availableCommands?: string[] };

/**
 * The buttons of the shown record's `availableCommands`, run on the shown resource: the steps the user's roles
 * allow in its state (the API checks again), in the machine's order. Nothing until the record's detail, which
 * carries them, is read, and nothing for a user without `permission` where the page names one.
 */
export function RecordCommands<C extends string, R extends MachineRecord>({
  machine,
  subject,
  permission,
  ...props
}: Omit<MachineCommandsProps<C, R>, 'resource' | 'record' | 'commands' | 'subject'> & {
  machine: { commands: readonly C[] };
  subject: (record: R) => string;
  permission?: Action;
}) {
  const resource = useResourceContext()!;
  const record = useRecordContext<R>();
  const { permissions } = usePermissions();
  if (!record?.availableCommands || (permission && !allows(permissions, permission))) return null;
  return (
    <MachineCommands
      {...props}
      resource={resource}
      record={record}
      commands={availableCommands(machine, record)}
      subject={subject(record)}
    />
  );
}
