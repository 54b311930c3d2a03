import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import type { RevealedResident } from './resident-record';

/** The unmasked values, in a monospace face so an 8 is not misread as a B when copied onto a form. */
export const RevealedFields = ({ revealed }: { revealed: RevealedResident }) => {
  const translate = useTranslate();
  const rows: [string, string][] = [
    ['resources.residents.fields.idNumber', revealed.idNumber],
    ['resources.residents.fields.birthDate', revealed.birthDate],
    ['resources.residents.fields.phone', revealed.phone ?? translate('app.residents.no_phone')],
  ];
  return (
    <Stack component="dl" spacing={1.5} sx={{ m: 0 }}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <Typography component="dt" variant="caption" color="text.secondary">
            {translate(label)}
          </Typography>
          <Typography component="dd" sx={{ m: 0, fontFamily: 'monospace', fontSize: '1.25rem' }}>
            {value}
          </Typography>
        </div>
      ))}
    </Stack>
  );
};
