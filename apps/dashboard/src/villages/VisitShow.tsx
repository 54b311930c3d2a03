import { FunctionField, SimpleShowLayout } from 'react-admin';
import { DetailShow } from '../common/DetailShow';
import { DateTimeField } from '../common/DateTimeField';
import { VISIT_FIELDS } from './VisitList';

/** One visit, with the dispute case it became, if any. */
export const VisitShow = () => (
  <DetailShow>
    <SimpleShowLayout>
      {VISIT_FIELDS}
      <FunctionField
        source="disputeCase"
        render={(v: { disputeCase?: { number: string; title: string } | null }) =>
          v.disputeCase ? `${v.disputeCase.number} ${v.disputeCase.title}` : '—'
        }
      />
      <DateTimeField source="createdAt" />
    </SimpleShowLayout>
  </DetailShow>
);
