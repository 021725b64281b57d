import { useEffect, useRef, useState } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { rawFetch } from '../api/client';
import { ApiError } from '../api/errors';
import { backoffDelay, createSseParser, type SseMessage } from '../lib/sse';
import { liveEvents, type LiveEventBus, type LiveEventType } from '../lib/liveEvents';

export type StreamStatus = 'connecting' | 'open' | 'retrying' | 'closed';

/** Which cached queries an event makes stale. */
export function invalidateFor(qc: QueryClient, type: string, payload: Record<string, unknown>): void {
  const accountId = typeof payload.accountId === 'string' ? payload.accountId : undefined;
  switch (type) {
    case 'sync-started':
      void qc.invalidateQueries({ queryKey: ['accounts'] });
      if (accountId) void qc.invalidateQueries({ queryKey: ['account', accountId] });
      break;
    case 'resources-changed':
      void qc.invalidateQueries({ queryKey: ['resources'] });
      void qc.invalidateQueries({ queryKey: ['facets'] });
      void qc.invalidateQueries({ queryKey: ['resource'] });
      void qc.invalidateQueries({ queryKey: ['history'] });
      break;
    case 'sync-finished':
      void qc.invalidateQueries({ queryKey: ['accounts'] });
      if (accountId) {
        void qc.invalidateQueries({ queryKey: ['account', accountId] });
        void qc.invalidateQueries({ queryKey: ['syncs', accountId] });
      }
      void qc.invalidateQueries({ queryKey: ['resources'] });
      void qc.invalidateQueries({ queryKey: ['facets'] });
      break;
    default:
      break;
  }
}

const KNOWN: readonly string[] = ['sync-started', 'sync-progress', 'resources-changed', 'sync-finished'] satisfies LiveEventType[];

/**
 * Keeps GET /api/v1/events/stream open with fetch (EventSource cannot send the Authorization
 * header), parses the frames, publishes them on the live-event bus, invalidates the affected queries,
 * and reconnects with backoff when the stream drops. A 401 ends the session (rawFetch does that)
 * and stops reconnecting. A change of `scope` (the active tenant) reopens the stream, since the tenant
 * header is sent when it opens.
 */
export function useEventStream(enabled: boolean, bus: LiveEventBus = liveEvents, scope = ''): StreamStatus {
  const qc = useQueryClient();
  const [status, setStatus] = useState<StreamStatus>('closed');
  const busRef = useRef(bus);
  busRef.current = bus;

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;

    const onMessage = (m: SseMessage) => {
      if (!KNOWN.includes(m.event)) return;
      let payload: Record<string, unknown> = {};
      try {
        payload = JSON.parse(m.data) as Record<string, unknown>;
      } catch {
        return;
      }
      invalidateFor(qc, m.event, payload);
      busRef.current.publish(m.event, payload);
    };

    const connect = async () => {
      controller = new AbortController();
      setStatus(attempt === 0 ? 'connecting' : 'retrying');
      try {
        const response = await rawFetch('/api/v1/events/stream', {
          headers: { Accept: 'text/event-stream' },
          signal: controller.signal,
          cache: 'no-store',
        });
        if (!response.body) throw new Error('no body');
        setStatus('open');
        attempt = 0;
        const parser = createSseParser(onMessage);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parser.push(value);
        }
        parser.end();
      } catch (e) {
        if (stopped || (e as Error)?.name === 'AbortError') return;
        if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
          stopped = true;
          setStatus('closed');
          return;
        }
      }
      if (stopped) return;
      setStatus('retrying');
      timer = setTimeout(() => void connect(), backoffDelay(attempt++));
    };

    void connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      controller?.abort();
      setStatus('closed');
    };
  }, [enabled, qc, scope]);

  return status;
}

/** Subscribe a component to one live event type. */
export function useLiveEvent<K extends LiveEventType>(
  type: K,
  handler: (payload: import('../lib/liveEvents').LiveEventMap[K]) => void,
  bus: LiveEventBus = liveEvents,
): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => bus.subscribe(type, (p) => ref.current(p)), [type, bus]);
}
