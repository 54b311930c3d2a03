import ExcelJS from 'exceljs';
import type { SignedIn, TestApp } from './test-app';

/** `POST /exports/<list>` with the client's token, as the dashboard sends it. */
export function postExport(app: TestApp, client: SignedIn, list: string, body: Record<string, unknown>) {
  return fetch(`${app.baseUrl}/exports/${list}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${client.accessToken}` },
    body: JSON.stringify(body),
  });
}

/** A CSV export's lines: the UTF-8 byte-order mark checked (fetch's text() would drop it silently), then dropped. */
export async function csvLines(res: Response): Promise<string[]> {
  if (res.status !== 200) throw new Error(`export failed: ${res.status} ${await res.text()}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) throw new Error('no UTF-8 BOM');
  return new TextDecoder().decode(bytes.subarray(3)).trimEnd().split('\r\n');
}

/** An XLSX export read back by exceljs: its first sheet's rows as arrays of cell values (A1 first). */
export async function xlsxRows(res: Response): Promise<unknown[][]> {
  if (res.status !== 200) throw new Error(`export failed: ${res.status} ${await res.text()}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  const rows: unknown[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
