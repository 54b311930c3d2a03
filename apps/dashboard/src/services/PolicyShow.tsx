import Box from '@mui/material/Box';
import { SimpleShowLayout, TextField, useRecordContext } from 'react-admin';
import { DetailShow } from '../common/DetailShow';
import { DayField } from '../common/DateTimeField';
import { CategoryField } from './catalogue-fields';

/** The body as the API rendered it: raw HTML escaped and unsafe links dropped there, so it may be inserted. */
const Body = () => {
  const record = useRecordContext<{ bodyHtml: string }>();
  if (!record) return null;
  return (
    <Box
      className="policy-body"
      sx={{ '& h1': { fontSize: '1.4rem' } }}
      dangerouslySetInnerHTML={{ __html: record.bodyHtml }}
    />
  );
};

export const PolicyShow = () => (
  <DetailShow>
    <SimpleShowLayout>
      <TextField source="title" />
      <CategoryField label="resources.policies.fields.category" />
      <TextField source="issuingBody" />
      <DayField source="effectiveFrom" />
      <DayField source="effectiveTo" emptyText="—" />
      <Body />
    </SimpleShowLayout>
  </DetailShow>
);
