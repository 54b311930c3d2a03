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
import { FORMAT_CHOICES } from './security-messages';

const filters = [
  <RegionInput key="regionCode" source="regionCode" alwaysOn />,
  <SelectArrayInput
    key="format"
    source="format"
    choices={FORMAT_CHOICES}
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
            first={`${translate(`app.security.format.${r.format}`)} · ${formatDay(r.heldOn, locale)}`}
            second={`${regionName(r.region)} · ${r.audience.toLocaleString(locale)}`}
          />
        ),
      }}
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="title" sortable={false} />
        <LabelField source="format" messages="app.security.format" sortable={false} />
        <DayField source="heldOn" sortable={false} />
        <RegionLink label="resources.legalEducationEvents.fields.region" sortable={false} />
        <NumberField source="audience" sortable={false} />
        <TextField source="organiser" sortable={false} />
      </Datagrid>
    </ResourceList>
  );
};
