import { Datagrid, NumberField, TextField, useLocaleState, useTranslate } from 'react-admin';
import { formatDay } from '../common/dates';
import { DayField } from '../common/DateTimeField';
import { LabelField } from '../common/LabelChips';
import { choicesFilter, dayRangeFilters, regionFilter } from '../common/filter-inputs';
import { regionName, type RegionRef } from '../common/region-ref';
import { RegionLink } from '../common/RegionLink';
import { ResourceList } from '../common/ResourceList';
import { TwoLines } from '../common/TableOrList';
import { LEGAL_EDUCATION_FORMAT_CHOICES } from '../common/choices';

const filters = [
  regionFilter(),
  choicesFilter('format', LEGAL_EDUCATION_FORMAT_CHOICES, { minWidth: '12rem', alwaysOn: true }),
  ...dayRangeFilters('heldFrom', 'heldTo'),
];

interface Row {
  title: string;
  format: string;
  heldOn: string;
  audience: number;
  region: RegionRef;
}

/** 普法活动 of the jurisdiction, newest first: the "4 small, 6 big" brand's formats and the others. */
export const LegalEducationList = () => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  return (
    <ResourceList
      filters={filters}
      jurisdictionFilter="regionCode"
      phone={{
        primaryText: (r: Row) => r.title,
        secondaryText: (r: Row) => (
          <TwoLines
            first={`${translate(`app.legal_education_format.${r.format}`)} · ${formatDay(r.heldOn, locale)}`}
            second={`${regionName(r.region)} · ${r.audience.toLocaleString(locale)}`}
          />
        ),
      }}
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="title" sortable={false} />
        <LabelField source="format" messages="app.legal_education_format" sortable={false} />
        <DayField source="heldOn" sortable={false} />
        <RegionLink label="resources.legalEducationEvents.fields.region" sortable={false} />
        <NumberField source="audience" sortable={false} />
        <TextField source="organiser" sortable={false} />
      </Datagrid>
    </ResourceList>
  );
};
