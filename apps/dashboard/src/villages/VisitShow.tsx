import { BooleanField, FunctionField, Show, SimpleShowLayout, TextField, useTranslate } from 'react-admin';
import { DateTimeField, DayField } from '../common/DateTimeField';
import { RegionLink } from '../common/RegionLink';
import type { VisitRow } from './VisitList';

/** One visit, with the dispute case it became, if any. */
export const VisitShow = () => {
  const translate = useTranslate();
  return (
    <Show>
      <SimpleShowLayout>
        <DayField source="visitedOn" />
        <FunctionField
          source="purpose"
          render={(v: VisitRow) => translate(`app.villages.visit_purpose.${v.purpose}`)}
        />
        <FunctionField source="household" render={(v: VisitRow) => v.household?.address ?? '—'} />
        <TextField source="findings" />
        <TextField source="cadreName" />
        <RegionLink label="resources.visits.fields.region" />
        <BooleanField source="followUpNeeded" />
        <FunctionField
          source="disputeCase"
          render={(v: { disputeCase?: { number: string; title: string } | null }) =>
            v.disputeCase ? `${v.disputeCase.number} ${v.disputeCase.title}` : '—'
          }
        />
        <DateTimeField source="createdAt" />
      </SimpleShowLayout>
    </Show>
  );
};
