import { Datagrid, FunctionField, TextField, TextInput, useTranslate } from 'react-admin';
import { dayRangeFilters, regionFilter } from '../common/filter-inputs';
import { regionName, type RegionRef } from '../common/region-ref';
import { ResourceList } from '../common/ResourceList';
import { TwoLines } from '../common/TableOrList';

export interface CadreRow {
  name: string;
  phone: string | null;
  workUnit: { name: string };
  activePosting: { role: string; village: RegionRef } | null;
}

const filters = [
  regionFilter(),
  <TextInput key="q" source="q" alwaysOn />,
  // The command view's alert of cadres below their visit target: the period it counts the visits of.
  ...dayRangeFilters('belowVisitTargetFrom', 'belowVisitTargetTo'),
];

/** 驻村干部 placed in the user's jurisdiction, by name, with their unit and where they are posted now. */
export const CadreList = () => {
  const translate = useTranslate();
  const posted = (k: CadreRow) =>
    k.activePosting
      ? `${regionName(k.activePosting.village)} · ${translate(`app.villages.posting_role.${k.activePosting.role}`)}`
      : '—';
  return (
    <ResourceList
      filters={filters}
      jurisdictionFilter="regionCode"
      phone={{
        primaryText: (k: CadreRow) => k.name,
        secondaryText: (k: CadreRow) => <TwoLines first={k.workUnit.name} second={posted(k)} />,
      }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" sortable={false} />
        <FunctionField source="workUnit" sortable={false} render={(k: CadreRow) => k.workUnit.name} />
        <FunctionField source="activePosting" sortable={false} render={posted} />
        <TextField source="phone" sortable={false} emptyText="—" />
      </Datagrid>
    </ResourceList>
  );
};
