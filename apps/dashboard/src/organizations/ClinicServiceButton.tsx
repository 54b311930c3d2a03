import { chinaDay } from '@qiangji/domain';
import EventNoteIcon from '@mui/icons-material/EventNote';
import { useState } from 'react';
import { Button, required, TextInput, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { FormDialog } from '../common/FormDialog';
import { CountInput } from '../common/form-inputs';
import type { QiangjiDataProvider } from '../data-provider';
import { toClinicServiceInput } from './organization-resource';

const validMonth = (value: unknown) =>
  typeof value === 'string' && !/^\d{4}-(0[1-9]|1[0-2])$/.test(value.trim())
    ? 'app.organizations.month_invalid'
    : undefined;

/** recordLegalClinicService: how many people a legal clinic served in a month (a second record replaces the first). */
export const ClinicServiceButton = () => {
  const record = useRecordContext<{ id: string; kind: string; name: string }>();
  const dataProvider = useDataProvider<QiangjiDataProvider>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (record?.kind !== 'LEGAL_CLINIC') return null;
  const run = async (values: Record<string, unknown>) => {
    const result = await dataProvider.command<{ id?: string }>(
      'mediationOrganizations',
      'recordClinicService',
      {
        input: toClinicServiceInput(record.id, values),
      },
    );
    return Boolean(result?.id);
  };
  return (
    <>
      <Button label="app.organizations.record_clinic_service" onClick={() => setOpen(true)}>
        <EventNoteIcon />
      </Button>
      <FormDialog
        open={open}
        title={translate('app.organizations.clinic_service_title', { name: record.name })}
        onClose={() => setOpen(false)}
        run={run}
        successMessage="app.organizations.clinic_service_recorded"
        defaultValues={{ month: chinaDay().slice(0, 7) }}
      >
        <TextInput
          source="month"
          label="app.organizations.month"
          helperText="app.organizations.month_help"
          validate={[required(), validMonth]}
        />
        <CountInput source="peopleServed" label="app.organizations.people_served" />
      </FormDialog>
    </>
  );
};
