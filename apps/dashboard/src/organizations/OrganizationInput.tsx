import {
  AutocompleteArrayInput,
  AutocompleteInput,
  ReferenceArrayInput,
  ReferenceInput,
  type Validator,
} from 'react-admin';
import { byName } from '../common/form-inputs';
import { organizationText } from './organization-text';

interface OrganizationInputProps {
  source: string;
  /** Wide enough for a name with its region, from a small screen up. */
  minWidth: string;
  /** Several organisations (a mediator's memberships) rather than one. */
  multiple?: boolean;
  /** The organisations offered, as the mediationOrganizations list filters. */
  filter?: Record<string, unknown>;
  helperText?: string;
  validate?: Validator;
}

/** Organisations picked by typing part of a name; each offered with its region, since committees share names. */
export const OrganizationInput = ({
  source,
  minWidth,
  multiple,
  filter,
  ...props
}: OrganizationInputProps) => {
  const input = {
    optionText: organizationText,
    filterToQuery: byName,
    sx: { minWidth: { xs: '100%', sm: minWidth } },
    ...props,
  };
  const reference = { source, reference: 'mediationOrganizations', ...(filter && { filter }) };
  return multiple ? (
    <ReferenceArrayInput {...reference}>
      <AutocompleteArrayInput {...input} />
    </ReferenceArrayInput>
  ) : (
    <ReferenceInput {...reference}>
      <AutocompleteInput {...input} />
    </ReferenceInput>
  );
};
