import { useEffect, useState } from 'react';
import type { AccessRequest } from '../../api/identity';

export const MIN_MINUTES = 15;
export const MAX_MINUTES = 480;

/** The duration choices of the elevation form: 15 min to 8 h. */
export const DURATIONS = [15, 30, 60, 120, 240, 480];

export function validDuration(minutes: number): boolean {
  return Number.isInteger(minutes) && minutes >= MIN_MINUTES && minutes <= MAX_MINUTES;
}

/** Separation of duties: nobody approves or denies their own request (the server says SELF_APPROVAL_FORBIDDEN). */
export function isOwnRequest(request: AccessRequest, userId: string | undefined): boolean {
  return Boolean(userId) && request.userId === userId;
}

/** "1:05:09" / "4:59" until the moment; "0:00" once passed. */
export function formatRemaining(until: string, now: number): string {
  const ms = Math.max(0, new Date(until).getTime() - now);
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** The current time, re-rendered every interval (for countdowns). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** Duration label: "15 min", "2 h", "1 h 30 min". */
export function durationLabel(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h && m) return `${h} h ${m} min`;
  return h ? `${h} h` : `${m} min`;
}
