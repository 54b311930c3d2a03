import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { CommandButton } from '../common/CommandButton';
import { FormDialog } from '../common/FormDialog';
import type { QiangjiDataProvider } from '../data-provider';
import type { VillageContext, VillageForm } from './village-forms';

type Props<P extends VillageContext> = { form: VillageForm<P>; page: P; primary?: boolean };

/** A write of the village page as a button and its dialog: errors of the API under their inputs, as in commands. */
export function VillageWriteButton<P extends VillageContext>({ form, page, primary }: Props<P>) {
  const [open, setOpen] = useState(false);
  const dataProvider = useDataProvider<QiangjiDataProvider>();
  const translate = useTranslate();
  const title = `app.villages.form.${form.label}`;
  const run = async (values: Record<string, unknown>) => {
    const result = await dataProvider.command<{ id?: string } | undefined>('visits', form.mutation, {
      input: form.input(values, page),
    });
    return Boolean(result?.id);
  };
  return (
    <>
      <CommandButton
        label={title}
        onClick={() => setOpen(true)}
        variant={primary ? 'contained' : 'outlined'}
      />
      <FormDialog
        open={open}
        title={translate(title)}
        onClose={() => setOpen(false)}
        run={run}
        successMessage="app.villages.form.saved"
        defaultValues={open ? form.defaults?.(page) : undefined}
        validate={form.validate && ((values) => form.validate!(values, page))}
      >
        <form.Fields {...page} />
      </FormDialog>
    </>
  );
}
