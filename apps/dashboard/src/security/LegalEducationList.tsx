import {
  Datagrid,
  DateInput,
  NumberField,
  SelectArrayInput,
  TextField,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { formatDay } from '../common/dates';
import { DayField } from '../common/DateTimeField';
import { LabelField } from '../common/LabelChips';
import { regionName, type RegionRef } from '../common/region-ref';
import { RegionInput } from '../common/RegionInput';
import { RegionLink } from '../common/RegionLink';
import { ResourceList } from '../common/ResourceList';
import { TwoLines } from '../common/TableOrList';
import { LEGAL_EDUCATION_FORMAT_CHOICES } from '../common/choices';

const filters = [
  <RegionInput key="regionCode" source="regionCode" alwaysOn />,
  <SelectArrayInput
    key="format"
    source="format"
    choices={LEGAL_EDUCATION_FORMAT_CHOICES}
    alwaysOn
    sx={{ minWidth: '12rem' }}
  />,
  <DateInput key="heldFrom" source="heldFrom" />,
  <DateInput key="heldTo" source="heldTo" />,
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
      perPage={25}
      exporter={false}
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
