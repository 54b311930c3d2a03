import { REGION_LEVEL_LABELS } from '@qiangji/domain';
import jsonexport from 'jsonexport/dist/index.js';
import type { RegionRecord } from './region-record';

type Language = 'zh' | 'en';

/** The columns of the export, by the list's field labels (resources.regions.fields.*). */
const COLUMNS = ['code', 'name', 'qualifiedName', 'level', 'parentCode', 'parent'] as const;

/** Excel on a Chinese PC reads a CSV as GBK unless it starts with the UTF-8 byte-order mark. */
const BOM = '\uFEFF';

/**
 * The region list as a CSV file's text: every row, headers in the interface's language, levels by their names
 * (区, 乡镇 …), the BOM first and Windows line ends, so Excel opens it as it is.
 */
export async function regionCsv(
  regions: readonly RegionRecord[],
  language: Language,
  label: (field: (typeof COLUMNS)[number]) => string,
): Promise<string> {
  const rows = regions.map((region) => ({
    code: region.code,
    name: region.name,
    qualifiedName: region.qualifiedName,
    level: REGION_LEVEL_LABELS[region.level][language],
    parentCode: region.parentCode ?? '',
    parent: region.parent ? (region.parent.qualifiedName ?? region.parent.name) : '',
  }));
  const csv = await jsonexport(rows, {
    headers: [...COLUMNS],
    rename: COLUMNS.map(label),
    endOfLine: '\r\n',
  });
  return `${BOM}${csv}\r\n`;
}
