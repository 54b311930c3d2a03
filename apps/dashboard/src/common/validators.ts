import { isValidPhone, validateIdNumber } from '@qiangji/domain';

// The API checks the same rules (the domain's) and stays the authority; checking here saves a round trip
// and says what is wrong next to the field, in the user's language.

export const validIdNumber = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' && !validateIdNumber(value.trim().toUpperCase()).ok
    ? 'app.validation.id_number'
    : undefined;

export const validPhone = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' && !isValidPhone(value.trim())
    ? 'app.validation.phone'
    : undefined;
