/** Turns one filter value (already trimmed, never blank) into what the API's filter field takes. */
export type FilterField = (value: unknown) => unknown;

export const asIs: FilterField = (value) => value;
/** The API takes lists where the dashboard's input gives one value, e.g. a region level or an audit action. */
export const asList: FilterField = (value) => (Array.isArray(value) ? value : [value]);
/**
 * A checkbox filter ("overdue only"): ticked narrows to `true`, unticked is no filter at all, never `false`,
 * which the API would read as "not overdue".
 */
export const whenTrue: FilterField = (value) => (value === true || value === 'true' ? true : undefined);

/**
 * A resource's `toFilter`: form inputs give strings (a blank one means "no filter"); known fields are
 * mapped, and any other field is an error, since dropping it would silently widen the result, which the API
 * conventions forbid.
 */
export function filterMapper(resource: string, fields: Readonly<Record<string, FilterField>>) {
  return (filter: Record<string, unknown>): Record<string, unknown> => {
    const unknown = Object.keys(filter).filter((key) => !Object.hasOwn(fields, key));
    if (unknown.length > 0) throw new Error(`Unsupported ${resource} filter: ${unknown.join(', ')}.`);
    const result: Record<string, unknown> = {};
    for (const [key, raw] of Object.entries(filter)) {
      const value = typeof raw === 'string' ? raw.trim() : raw;
      if (value == null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
      const mapped = fields[key](value);
      if (mapped !== undefined) result[key] = mapped;
    }
    return result;
  };
}

/** Lists the API cannot filter: any filter value is refused rather than ignored. */
export const noFilter = (resource: string) => filterMapper(resource, {});
