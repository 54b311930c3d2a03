import { HttpError } from 'react-admin';
import { dataOf, readJson, type Credentials, type DescribeError } from './graphql-client';

/** A file the API made: its bytes and the name the API gave it. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/** How far a download has come: rows of a CSV out of the API's `X-Total-Count`, else bytes. */
export interface DownloadProgress {
  rows: number | null;
  total: number | null;
  bytes: number;
}

/**
 * POSTs a JSON body to one of the API's file routes (`/exports/…`, `/downloads/…`) and reads the file; `signal`
 * cancels it (the server stops reading rows when the connection closes).
 */
export type Download = (
  path: string,
  body: Record<string, unknown>,
  onProgress?: (progress: DownloadProgress) => void,
  signal?: AbortSignal,
) => Promise<DownloadedFile>;

/**
 * Files come as the answer to a POST with the session's token in the Authorization header, like every GraphQL
 * request: never a token in a URL (it would be in the server's access log and the browser's history), and no
 * cookie, so a page elsewhere cannot start a download for the signed-in user.
 */
export function createDownload(
  fetchFn: typeof fetch,
  credentials: Credentials,
  describe: DescribeError,
): Download {
  return async (path, body, onProgress, signal) => {
    const send = (token: string) =>
      fetchFn(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
        signal,
      });
    const token = await credentials.accessToken();
    if (!token)
      throw new HttpError(describe('UNAUTHENTICATED', 'Not signed in.'), 401, { code: 'UNAUTHENTICATED' });
    let response = await send(token);
    if (response.status === 401) {
      const renewed = await credentials.renew(token);
      if (renewed) response = await send(renewed);
    }
    if (!response.ok || !response.body) return dataOf(response, await readJson(response), describe);
    const total = Number(response.headers.get('X-Total-Count')) || null;
    const csv = (response.headers.get('Content-Type') ?? '').startsWith('text/csv');
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    const reader = response.body.getReader();
    let bytes = 0;
    let lines = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.length;
      if (csv) for (const byte of value) if (byte === 10) lines++;
      onProgress?.({ rows: csv ? Math.max(lines - 1, 0) : null, total, bytes });
    }
    return {
      blob: new Blob(chunks, { type: response.headers.get('Content-Type') ?? 'application/octet-stream' }),
      fileName: fileNameOf(response.headers.get('Content-Disposition')) ?? 'download',
    };
  };
}

/** The UTF-8 name of `filename*=UTF-8''…` (RFC 6266), or the plain `filename`. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
}

/** Hands the file to the browser's downloads, under the API's name for it. */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
