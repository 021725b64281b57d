// The access token lives in sessionStorage: it survives a reload of the tab but not the tab itself.
const KEY = 'cw.session';

export interface Session {
  accessToken: string;
  tokenType: string;
  /** epoch millis after which the token is no longer accepted */
  expiresAt: number;
}

type Listener = () => void;
const listeners = new Set<Listener>();
let cached: Session | null | undefined;

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    if (typeof s.accessToken !== 'string' || (s.expiresAt && s.expiresAt < Date.now())) return null;
    return s;
  } catch {
    return null;
  }
}

export function getSession(): Session | null {
  if (cached === undefined) cached = read();
  if (cached && cached.expiresAt && cached.expiresAt < Date.now()) cached = null;
  return cached;
}

export function getToken(): string | null {
  return getSession()?.accessToken ?? null;
}

export function setSession(accessToken: string, tokenType = 'Bearer', expiresInSeconds?: number): void {
  const s: Session = {
    accessToken,
    tokenType,
    expiresAt: expiresInSeconds ? Date.now() + expiresInSeconds * 1000 : 0,
  };
  sessionStorage.setItem(KEY, JSON.stringify(s));
  cached = s;
  listeners.forEach((l) => l());
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
  cached = null;
  listeners.forEach((l) => l());
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
