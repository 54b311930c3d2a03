import { VISIT_PURPOSES } from '@qiangji/domain';
import { BooleanField, BooleanInput, Datagrid, TextField, useLocaleState, useTranslate } from 'react-admin';
import { enumChoices } from '../common/choices';
import { formatDay } from '../common/dates';
import { DayField } from '../common/DateTimeField';
import { choicesFilter, dayRangeFilters, regionFilter } from '../common/filter-inputs';
import { LabelField } from '../common/LabelChips';
import { regionName, type RegionRef } from '../common/region-ref';
import { RegionLink } from '../common/RegionLink';
import { ResourceList } from '../common/ResourceList';
import { TwoLines } from '../common/TableOrList';
import { HouseholdField } from './HouseholdField';

export const PURPOSE_CHOICES = enumChoices(VISIT_PURPOSES, 'app.villages.visit_purpose');

const visitFilters = [
  regionFilter(),
  choicesFilter('purpose', PURPOSE_CHOICES, { minWidth: '10rem', alwaysOn: true }),
  <BooleanInput key="followUpNeeded" source="followUpNeeded" />,
  ...dayRangeFilters('visitedFrom', 'visitedTo'),
];

export interface VisitRow {
  id: string;
  visitedOn: string;
  purpose: string;
  findings: string;
  cadreName: string;
  region: RegionRef;
  household: { address: string } | null;
}

/** A visit's fields, the list's columns and the top of its page; the API sorts visits by nothing else. */
export const VISIT_FIELDS = [
  <DayField key="visitedOn" source="visitedOn" sortable={false} />,
  <LabelField key="purpose" source="purpose" messages="app.villages.visit_purpose" sortable={false} />,
  <HouseholdField key="household" source="household" sortable={false} />,
  <TextField key="findings" source="findings" sortable={false} />,
  <TextField key="cadreName" source="cadreName" sortable={false} />,
  <RegionLink key="region" label="resources.visits.fields.region" sortable={false} />,
  <BooleanField key="followUpNeeded" source="followUpNeeded" sortable={false} />,
];

/** 走访记录 of the user's jurisdiction, newest first. */
export const VisitList = () => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  return (
    <ResourceList
      filters={visitFilters}
      jurisdictionFilter="regionCode"
      phone={{
        primaryText: (v: VisitRow) =>
          `${formatDay(v.visitedOn, locale)} · ${translate(`app.villages.visit_purpose.${v.purpose}`)}`,
        secondaryText: (v: VisitRow) => (
          <TwoLines first={v.household?.address ?? '—'} second={`${v.cadreName} · ${regionName(v.region)}`} />
        ),
      }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        {VISIT_FIELDS}
      </Datagrid>
    </ResourceList>
  );
};
