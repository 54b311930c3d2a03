import { Datagrid, NumberField, TextField, useTranslate } from 'react-admin';
import { LabelField, TagsField } from '../common/LabelChips';
import { regionName } from '../common/region-ref';
import { RegionLink } from '../common/RegionLink';
import { ResourceList } from '../common/ResourceList';
import { TwoLines } from '../common/TableOrList';
import { residentFilters } from './resident-filters';
import type { ResidentRecord } from './resident-record';

/** Residents of the user's jurisdiction, ID numbers and phones masked; every page read is audited by the API. */
export const ResidentList = () => {
  const translate = useTranslate();
  return (
    // 导出 is the server's (ListToolbar): masked, audited and streamed, never react-admin's client-side CSV.
    <ResourceList
      filters={residentFilters}
      sort={{ field: 'name', order: 'ASC' }}
      jurisdictionFilter="regionCode"
      phone={{
        primaryText: (r: ResidentRecord) => r.name,
        secondaryText: (r: ResidentRecord) => (
          <TwoLines
            first={`${translate(`app.gender.${r.gender}`)} · ${translate('app.residents.age', { age: r.age })} · ${r.idNumber}`}
            second={regionName(r.region)}
          />
        ),
      }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <LabelField source="gender" messages="app.gender" sortable={false} />
        <NumberField source="age" sortable={false} />
        <TextField source="idNumber" sortable={false} />
        <TextField source="phone" sortable={false} emptyText="—" />
        <TagsField source="tags" sortable={false} />
        <RegionLink label="resources.residents.fields.region" sortable={false} />
      </Datagrid>
    </ResourceList>
  );
};
