import { vi } from 'vitest';
import { jsonResponse } from './utils';

export type Route = (req: Request, url: URL) => Response | Promise<Response> | undefined;

/** Stubs fetch with a table of `METHOD /path` -> answer (a value is sent as JSON); records the requests. */
export function fakeApi(routes: Record<string, unknown | Route>) {
  const requests: { method: string; path: string; body?: unknown; headers: Headers }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const url = new URL(req.url);
      const text = req.method === 'GET' ? '' : await req.clone().text();
      requests.push({ method: req.method, path: url.pathname + url.search, body: text ? JSON.parse(text) : undefined, headers: req.headers });
      const key = `${req.method} ${url.pathname}`;
      const route = routes[`${key}${url.search}`] ?? routes[key];
      if (route === undefined) {
        if (url.pathname.includes('/events/stream')) return new Response(new ReadableStream(), { headers: { 'Content-Type': 'text/event-stream' } });
        return jsonResponse({ status: 404, code: 'NOT_FOUND', title: 'Not found' }, 404, 'application/problem+json');
      }
      if (typeof route === 'function') return (await (route as Route)(req, url)) ?? jsonResponse({}, 204);
      if (route === null) return new Response(null, { status: 204 });
      return jsonResponse(route);
    }),
  );
  return requests;
}
