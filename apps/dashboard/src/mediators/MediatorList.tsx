import { BooleanField, Datagrid, NumberField, TextField, useTranslate } from 'react-admin';
import { LabelChips, LabelField } from '../common/LabelChips';
import { regionName, type RegionRef } from '../common/region-ref';
import { RegionLink } from '../common/RegionLink';
import { ResourceList } from '../common/ResourceList';
import { mediatorFilters } from './mediator-filters';

interface MediatorRow {
  name: string;
  employment: string;
  region: RegionRef;
  activeCaseLoad: number;
}

/** Mediators working in the user's jurisdiction, by name, with how many cases each carries now. */
export const MediatorList = () => {
  const translate = useTranslate();
  return (
    <ResourceList
      filters={mediatorFilters}
      jurisdictionFilter="regionCode"
      phone={{
        primaryText: (m: MediatorRow) => m.name,
        secondaryText: (m: MediatorRow) =>
          `${translate(`app.mediator_employment.${m.employment}`)} · ${regionName(m.region)}`,
        tertiaryText: (m: MediatorRow) => translate('app.mediators.case_load', { count: m.activeCaseLoad }),
      }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" sortable={false} />
        <LabelField source="employment" messages="app.mediator_employment" sortable={false} />
        <LabelChips source="specialities" messages="app.dispute_type" sortable={false} />
        <TextField source="phone" sortable={false} emptyText="—" />
        <RegionLink label="resources.mediators.fields.region" sortable={false} />
        <NumberField source="activeCaseLoad" sortable={false} />
        <BooleanField source="active" sortable={false} />
      </Datagrid>
    </ResourceList>
  );
};
