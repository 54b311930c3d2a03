import {
  AutocompleteInput,
  CheckboxGroupInput,
  Create,
  FormDataConsumer,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useGetOne,
  useTranslate,
} from 'react-admin';
import { useState } from 'react';
import { RegionInput } from '../common/RegionInput';
import { AnswerInputs } from './AnswerInputs';
import { WhoMayApply, type Eligibility } from './catalogue-fields';
import { formSchemaOf } from './form-fields';
import { CHANNEL_CHOICES } from './service-messages';

interface ItemRecord extends Eligibility {
  id: string;
  name: string;
  materials: { name: string; required: boolean }[];
  formFields: Record<string, unknown>[];
}

/** The chosen item's typed form and its materials checklist. */
const ItemForm = ({ itemId }: { itemId: string | undefined }) => {
  const translate = useTranslate();
  const { data: item } = useGetOne<ItemRecord>('serviceItems', { id: itemId! }, { enabled: Boolean(itemId) });
  if (!itemId || !item) return <p>{translate('app.services.item_help')}</p>;
  return (
    <>
      <WhoMayApply item={item} />
      <AnswerInputs form={formSchemaOf(item.formFields)} />
      <CheckboxGroupInput
        source="materials"
        label="app.services.materials"
        choices={item.materials.map((m) => ({ id: m.name, name: m.required ? `${m.name} *` : m.name }))}
        translateChoice={false}
      />
    </>
  );
};

/** The search of the registry by name, as the residents list searches. */
const byName = (text: string) => ({ nameContains: text });

/** The registered applicant, offered among those who may apply for the chosen item (the API checks it again). */
const ResidentInput = ({ itemId }: { itemId: string | undefined }) => {
  const { data: item } = useGetOne<ItemRecord>('serviceItems', { id: itemId! }, { enabled: Boolean(itemId) });
  const filter = {
    ...(item?.minAge ? { minAge: item.minAge } : {}),
    ...(item?.eligibleTags.length ? { tags: item.eligibleTags } : {}),
  };
  return (
    <ReferenceInput source="residentId" reference="residents" filter={filter}>
      <AutocompleteInput optionText="name" filterToQuery={byName} validate={required()} />
    </ReferenceInput>
  );
};
const byText = (q: string) => ({ q });

/**
 * 办件 at the window: the service point, an item offered there, the registered resident (real name), the item's own
 * form (checked by the domain as the API checks it) and the materials; a family member acting for them.
 */
export const ApplicationCreate = () => {
  // One key per form: a retry after a lost answer returns the first application, never a second.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ channel: 'WINDOW', idempotencyKey, materials: [] }}>
        <RegionInput source="regionCode" validate={required()} />
        <FormDataConsumer<{ regionCode?: string; itemId?: string }>>
          {({ formData }) => (
            <>
              <ReferenceInput
                source="itemId"
                reference="serviceItems"
                filter={formData.regionCode ? { offeredAt: formData.regionCode } : {}}
              >
                <AutocompleteInput optionText="name" filterToQuery={byText} validate={required()} />
              </ReferenceInput>
              <ResidentInput itemId={formData.itemId} />
              <SelectInput source="channel" choices={CHANNEL_CHOICES} validate={required()} />
              <ItemForm itemId={formData.itemId} />
            </>
          )}
        </FormDataConsumer>
        <TextInput source="actingFor.name" label="app.services.acting_name" />
        <TextInput source="actingFor.relationship" label="app.services.acting_relationship" />
        <TextInput source="actingFor.idNumber" label="app.services.acting_id_number" />
        <TextInput source="actingFor.phone" label="app.services.acting_phone" />
      </SimpleForm>
    </Create>
  );
};
