import {
  BooleanField,
  Datagrid,
  FunctionField,
  Labeled,
  NumberField,
  Show,
  SimpleShowLayout,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import { ResourceList } from '../common/ResourceList';
import { EnumChip } from '../mediation/chips';
import { CategoryField, placeFilters, WhoMayApplyField } from './catalogue-fields';

const filters = placeFilters('offeredAt');

interface ItemRow {
  code: string;
  name: string;
  category: string;
  timeLimitDays: number;
}

/** 服务事项: the catalogue of a place (what is offered at it and above it), by category. */
export const CatalogueList = () => {
  const translate = useTranslate();
  return (
    <ResourceList
      filters={filters}
      perPage={50}
      exporter={false}
      phone={{
        primaryText: (i: ItemRow) => i.name,
        secondaryText: (i: ItemRow) =>
          `${translate(`app.service_category.${i.category}`)} · ${translate('app.services.working_days', { n: i.timeLimitDays })}`,
      }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" sortable={false} />
        <CategoryField label="resources.serviceItems.fields.category" />
        <NumberField source="timeLimitDays" sortable={false} />
        <BooleanField source="onSite" sortable={false} />
        <TextField source="code" sortable={false} />
      </Datagrid>
    </ResourceList>
  );
};

interface ItemDetail extends ItemRow {
  materials: { name: string; required: boolean }[];
  formFields: { key: string; label: string; type: string; required: boolean; options: string[] | null }[];
}

/** An item's checklist and its form, as the applicant will fill it. */
const FormPreview = () => {
  const record = useRecordContext<ItemDetail>();
  if (!record) return null;
  return (
    <>
      <Labeled label="resources.serviceItems.fields.materials">
        <List dense disablePadding>
          {record.materials.map((m) => (
            <ListItem key={m.name} disableGutters>
              <ListItemText primary={m.required ? `${m.name} *` : m.name} />
            </ListItem>
          ))}
        </List>
      </Labeled>
      <Labeled label="resources.serviceItems.fields.formFields">
        <List dense disablePadding>
          {record.formFields.map((f) => (
            <ListItem key={f.key} disableGutters>
              <ListItemText
                primary={f.required ? `${f.label} *` : f.label}
                secondary={f.options?.join(' / ') ?? f.type}
              />
            </ListItem>
          ))}
        </List>
      </Labeled>
    </>
  );
};

export const ServiceItemShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="code" />
      <CategoryField label="resources.serviceItems.fields.category" />
      <FunctionField
        label="resources.serviceItems.fields.servicePoint"
        render={(i: { servicePoint: string }) => (
          <EnumChip value={i.servicePoint} messages="app.service_point" />
        )}
      />
      <NumberField source="timeLimitDays" />
      <BooleanField source="onSite" />
      <WhoMayApplyField label="app.services.who_may_apply" />
      <TextField source="policy.title" emptyText="—" />
      <FormPreview />
    </SimpleShowLayout>
  </Show>
);
