import { useState, type ReactElement } from 'react';
import { Button, Confirm } from 'react-admin';
import { useCommand } from './use-command';

export interface ConfirmedCommandProps {
  /** The resource whose command runs, with the record's `id`. */
  resource: string;
  command: string;
  id: string;
  /** Message keys: the button, the dialog's title and text (with `translateOptions`), the notice once done. */
  messages: { label: string; title: string; content: string; done: string };
  translateOptions?: Record<string, unknown>;
  icon: ReactElement;
  color?: 'primary' | 'error';
}

/**
 * A command that cannot be taken back by a click (disable an account, revoke a key, delete an entry): a button,
 * then a confirmation, then the command and a refresh. A click on it does not open the row it sits in.
 */
export const ConfirmedCommandButton = ({
  resource,
  command,
  id,
  messages,
  translateOptions,
  icon,
  color = 'error',
}: ConfirmedCommandProps) => {
  const [open, setOpen] = useState(false);
  const { run, isPending } = useCommand(resource, command, messages.done);
  return (
    <>
      <Button
        label={messages.label}
        color={color}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
        disabled={isPending}
      >
        {icon}
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title={messages.title}
        content={messages.content}
        translateOptions={translateOptions}
        onConfirm={async () => {
          await run({ id });
          setOpen(false);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
