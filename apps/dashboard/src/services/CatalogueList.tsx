import {
  BooleanField,
  Datagrid,
  FunctionField,
  Labeled,
  NumberField,
  SimpleShowLayout,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DetailShow } from '../common/DetailShow';
import { TextList } from '../common/ShowSections';
import { EnumChip } from '../mediation/chips';
import { CategoryField, PlaceList, WhoMayApplyField } from './catalogue-fields';

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
    <PlaceList
      place="offeredAt"
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
    </PlaceList>
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
        <TextList
          items={record.materials}
          itemKey={(m) => m.name}
          primary={(m) => (m.required ? `${m.name} *` : m.name)}
        />
      </Labeled>
      <Labeled label="resources.serviceItems.fields.formFields">
        <TextList
          items={record.formFields}
          itemKey={(f) => f.key}
          primary={(f) => (f.required ? `${f.label} *` : f.label)}
          secondary={(f) => f.options?.join(' / ') ?? f.type}
        />
      </Labeled>
    </>
  );
};

export const ServiceItemShow = () => (
  <DetailShow>
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
  </DetailShow>
);
