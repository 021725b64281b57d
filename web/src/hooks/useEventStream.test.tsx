import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useEventStream } from './useEventStream';
import { createLiveEventBus } from '../lib/liveEvents';
import { setSession } from '../api/session';

afterEach(() => vi.unstubAllGlobals());

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream({
    start(c) {
      chunks.forEach((x) => c.enqueue(enc.encode(x)));
      // stays open like a live stream
    },
  });
}

describe('useEventStream', () => {
  it('sends the token, parses frames, publishes them and invalidates the affected queries', async () => {
    setSession('tok', 'Bearer', 900);
    const seen: Request[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        seen.push(new Request(url, init));
        return new Response(
          streamOf([
            ': heartbeat\n\n',
            'event: sync-started\ndata: {"accountId":"a1","syncRunId":"r1","accountName":"prod"}\n\n',
            'event: sync-fini',
            'shed\ndata: {"accountId":"a1","syncRunId":"r1","status":"SUCCEEDED","resources":12}\n\n',
          ]),
          { headers: { 'Content-Type': 'text/event-stream' } },
        );
      }),
    );
    const qc = new QueryClient();
    const invalidate = vi.spyOn(qc, 'invalidateQueries');
    const bus = createLiveEventBus();
    const finished = vi.fn();
    bus.subscribe('sync-finished', finished);
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={qc}>{children}</QueryClientProvider>;
    const { result, unmount } = renderHook(() => useEventStream(true, bus), { wrapper });

    await waitFor(() => expect(finished).toHaveBeenCalledWith({ accountId: 'a1', syncRunId: 'r1', status: 'SUCCEEDED', resources: 12 }));
    expect(result.current).toBe('open');
    expect(seen[0].headers.get('Authorization')).toBe('Bearer tok');
    expect(seen[0].url).toMatch(/\/api\/v1\/events\/stream$/);
    const keys = invalidate.mock.calls.map((c) => JSON.stringify(c[0]?.queryKey));
    expect(keys).toContain('["syncs","a1"]');
    expect(keys).toContain('["resources"]');
    unmount();
  });

  it('reconnects with backoff when the stream fails', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    setSession('tok', 'Bearer', 900);
    let calls = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        calls++;
        if (calls === 1) return new Response('{"code":"INTERNAL_ERROR"}', { status: 503 });
        return new Response(streamOf([]), { headers: { 'Content-Type': 'text/event-stream' } });
      }),
    );
    const qc = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={qc}>{children}</QueryClientProvider>;
    const { result, unmount } = renderHook(() => useEventStream(true, createLiveEventBus()), { wrapper });
    await waitFor(() => expect(result.current).toBe('retrying'));
    await vi.advanceTimersByTimeAsync(1500);
    await waitFor(() => expect(result.current).toBe('open'));
    expect(calls).toBe(2);
    unmount();
    vi.useRealTimers();
  });
});
