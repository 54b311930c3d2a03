// Chinese mainland phone numbers: mobiles (1[3-9] + 9 digits) and landlines (0 + area code + local number).

const MOBILE = /^(?:\+?86)?(1[3-9]\d{9})$/;
// Area codes 010 and 02x have two digits after the 0, all others three; that fixed split is what lets a
// landline written without a dash be read unambiguously. Local numbers never start with 0 or 1.
const LANDLINE = /^(0(?:10|2\d|[3-9]\d\d))-?([2-9]\d{6,7})$/;

/**
 * The canonical form of a phone number: 11 digits for a mobile, `0451-86123456` for a landline; null when
 * the value is neither. Spaces are ignored everywhere because people type numbers in groups.
 */
export function normalizePhone(value: string): string | null {
  if (typeof value !== 'string') return null;
  const compact = value.replace(/\s+/g, '');
  const mobile = MOBILE.exec(compact);
  if (mobile) return mobile[1];
  const landline = LANDLINE.exec(compact);
  if (landline) return `${landline[1]}-${landline[2]}`;
  return null;
}

export function isValidPhone(value: unknown): boolean {
  return typeof value === 'string' && normalizePhone(value) !== null;
}

/** For display: enough digits left for a caller to recognise the number, never enough to dial it. */
export function maskPhone(value: string): string {
  const phone = normalizePhone(value);
  if (phone !== null && !phone.includes('-')) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  if (phone !== null) {
    const [area, local] = phone.split('-');
    return `${area}-${'*'.repeat(local.length - 2)}${local.slice(-2)}`;
  }
  if (typeof value !== 'string' || value.length <= 2) return '**';
  return `${'*'.repeat(value.length - 2)}${value.slice(-2)}`;
}
