import { ancestorDivisionCodes } from '@qiangji/domain';
import { required, SelectInput, useGetList } from 'react-admin';
import { organizationText } from './organization-text';

/** Organisations a district or the city has, far more than any has: read in one go. */
const MAX_ORGANIZATIONS = 1000;

interface OrganizationAboveInputProps {
  /** The region the organisation must cover; undefined while it is not known. */
  region: string | undefined;
  /** Covering it strictly (a tier up), or also the region itself. */
  strictly: boolean;
  /** The organisations to choose from (a kind, a district), as the mediationOrganizations list filters. */
  filter: Record<string, unknown>;
  label: string;
  helperText: string;
}

/**
 * `organizationId`: one of the organisations whose region contains `region`, nearest first (the township's,
 * then the district's, then the city's). The API checks the same rule.
 */
export const OrganizationAboveInput = ({
  region,
  strictly,
  filter,
  label,
  helperText,
}: OrganizationAboveInputProps) => {
  const { data, isPending } = useGetList<{ id: string; name: string; regionCode: string }>(
    'mediationOrganizations',
    { filter, pagination: { page: 1, perPage: MAX_ORGANIZATIONS } },
    { enabled: Boolean(region) },
  );
  const covering = new Set(region ? [...ancestorDivisionCodes(region), ...(strictly ? [] : [region])] : []);
  const choices = (data ?? [])
    .filter((organization) => covering.has(organization.regionCode))
    .sort((a, b) => b.regionCode.length - a.regionCode.length);
  return (
    <SelectInput
      source="organizationId"
      label={label}
      choices={choices}
      optionText={organizationText}
      isPending={isPending}
      validate={required()}
      helperText={helperText}
      fullWidth
    />
  );
};
