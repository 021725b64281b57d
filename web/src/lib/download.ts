import { rawFetch } from '../api/client';

/** The file name of a Content-Disposition header (RFC 6266, `filename*` preferred), else the fallback. */
export function filenameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/** Saves a blob the browser already holds as a file (a temporary object URL and a clicked link). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads an authenticated file (fetch + blob, since a plain link cannot carry the token). */
export async function downloadAuthenticated(path: string, fallbackName: string, accept = 'text/csv, */*'): Promise<void> {
  const response = await rawFetch(path, { headers: { Accept: accept } });
  const blob = await response.blob();
  saveBlob(blob, filenameFrom(response.headers.get('Content-Disposition'), fallbackName));
}
