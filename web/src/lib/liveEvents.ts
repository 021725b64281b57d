/** The payloads of GET /api/v1/events/stream. */
export interface SyncStartedEvent {
  accountId: string;
  syncRunId: string;
  accountName?: string;
}
/** A running sync has collected this many resources from its connector so far. */
export interface SyncProgressEvent {
  accountId: string;
  syncRunId: string;
  resources: number;
}
export interface ResourcesChangedEvent {
  accountId: string;
  syncRunId: string;
  created: number;
  modified: number;
  deleted: number;
}
export interface SyncFinishedEvent {
  accountId: string;
  syncRunId: string;
  status: 'SUCCEEDED' | 'FAILED' | string;
  resources?: number;
  errorCode?: string | null;
}
export interface LiveEventMap {
  'sync-started': SyncStartedEvent;
  'sync-progress': SyncProgressEvent;
  'resources-changed': ResourcesChangedEvent;
  'sync-finished': SyncFinishedEvent;
}
export type LiveEventType = keyof LiveEventMap;

type Handler<K extends LiveEventType> = (payload: LiveEventMap[K]) => void;

/** A tiny in-page bus: the stream hook publishes, pages (e.g. the account page) subscribe. */
export function createLiveEventBus() {
  const handlers = new Map<string, Set<(p: unknown) => void>>();
  return {
    subscribe<K extends LiveEventType>(type: K, handler: Handler<K>): () => void {
      let set = handlers.get(type);
      if (!set) handlers.set(type, (set = new Set()));
      const h = handler as (p: unknown) => void;
      set.add(h);
      return () => set.delete(h);
    },
    publish(type: string, payload: unknown): void {
      handlers.get(type)?.forEach((h) => h(payload));
    },
  };
}
export type LiveEventBus = ReturnType<typeof createLiveEventBus>;
export const liveEvents = createLiveEventBus();
