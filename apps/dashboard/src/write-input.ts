/** A form value as the API wants text: trimmed, and '' for nothing. */
export function trimmed(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** `{ [field]: value }` when the form changed it, else nothing: unchanged fields stay out of the audit log. */
export function changed(field: string, value: unknown, previous: unknown): Record<string, unknown> {
  return value === previous ? {} : { [field]: value };
}

/** Tag lists compare as sets: picking the same tags in another order is no change. */
export function sameSet(a: unknown, b: unknown): boolean {
  const left = new Set(Array.isArray(a) ? a : []);
  const right = new Set(Array.isArray(b) ? b : []);
  return left.size === right.size && [...left].every((value) => right.has(value));
}

/** Names typed into one field, separated by 、 , ， ; ； or new lines: participants, signatories, attendees. */
export function nameList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(trimmed).filter(Boolean);
  return trimmed(value)
    .split(/[、,，;；\n]+/)
    .map((name) => name.trim())
    .filter(Boolean);
}

/** `{ [field]: trimmed value }`, or nothing for a blank one: optional text the API takes as absent. */
export function optionalText(field: string, value: unknown): Record<string, string> {
  const text = trimmed(value);
  return text ? { [field]: text } : {};
}

/** A yes/no radio's value ('true' / 'false') or a checkbox's, as a boolean. */
export function yes(value: unknown): boolean {
  return value === true || value === 'true';
}
