import type {
  ResourcesChangedEvent,
  SyncFinishedEvent,
  SyncProgressEvent as SyncProgressPayload,
  SyncStartedEvent,
} from '../../lib/liveEvents';

/** What the account page shows about the sync in flight, folded from the live events. */
export interface SyncProgress {
  phase: 'idle' | 'requested' | 'running' | 'finished';
  requestedAt?: number;
  syncRunId?: string;
  changed: number;
  /** Resources collected from the connector so far (before they are stored). */
  collected: number;
  status?: string;
  resources?: number;
  errorCode?: string | null;
}

export type SyncProgressEvent =
  | { type: 'requested'; at: number }
  | { type: 'reset' }
  | { type: 'sync-started'; payload: SyncStartedEvent }
  | { type: 'sync-progress'; payload: SyncProgressPayload }
  | { type: 'resources-changed'; payload: ResourcesChangedEvent }
  | { type: 'sync-finished'; payload: SyncFinishedEvent };

export const idleProgress: SyncProgress = { phase: 'idle', changed: 0, collected: 0 };

export function reduceSyncProgress(state: SyncProgress, e: SyncProgressEvent): SyncProgress {
  switch (e.type) {
    case 'reset':
      return idleProgress;
    case 'requested':
      return { phase: 'requested', changed: 0, collected: 0, requestedAt: e.at };
    case 'sync-started':
      return { phase: 'running', syncRunId: e.payload.syncRunId, changed: 0, collected: 0, requestedAt: state.requestedAt };
    case 'sync-progress':
      if (state.syncRunId && e.payload.syncRunId !== state.syncRunId) return state;
      if (state.phase === 'finished') return state;
      return { ...state, phase: 'running', syncRunId: e.payload.syncRunId, collected: Math.max(state.collected, e.payload.resources) };
    case 'resources-changed':
      if (state.syncRunId && e.payload.syncRunId !== state.syncRunId) return state;
      return {
        ...state,
        phase: state.phase === 'finished' ? 'finished' : 'running',
        syncRunId: e.payload.syncRunId,
        changed: state.changed + (e.payload.created ?? 0) + (e.payload.modified ?? 0) + (e.payload.deleted ?? 0),
      };
    case 'sync-finished':
      if (state.syncRunId && e.payload.syncRunId !== state.syncRunId) return state;
      return {
        ...state,
        phase: 'finished',
        syncRunId: e.payload.syncRunId,
        status: e.payload.status,
        resources: e.payload.resources,
        errorCode: e.payload.errorCode,
      };
  }
}
