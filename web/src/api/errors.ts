export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem turned into an error: HTTP status, Cloudwarden's stable code, and the message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title?: string;
  readonly detail?: string;
  readonly fieldErrors: FieldError[];
  /** the problem's other members (e.g. `mfaToken`, `lockedUntil`, `reason`) */
  readonly properties: Record<string, unknown>;

  constructor(init: {
    status: number;
    code: string;
    title?: string;
    detail?: string;
    fieldErrors?: FieldError[];
    properties?: Record<string, unknown>;
  }) {
    super(init.detail || init.title || `HTTP ${init.status}`);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.properties = init.properties ?? {};
  }

  /** A string member of the problem, if present. */
  prop(name: string): string | undefined {
    const v = this.properties[name];
    return typeof v === 'string' ? v : undefined;
  }

  /** The field errors keyed by field path (e.g. `config.resources`). */
  fieldMap(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.fieldErrors) out[e.field] = out[e.field] ? `${out[e.field]}; ${e.message}` : e.message;
    return out;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fallbackCode(status: number): string {
  switch (status) {
    case 400: return 'MALFORMED_REQUEST';
    case 401: return 'UNAUTHENTICATED';
    case 403: return 'FORBIDDEN';
    case 404: return 'NOT_FOUND';
    case 409: return 'CONFLICT';
    case 0: return 'NETWORK_ERROR';
    default: return status >= 500 ? 'INTERNAL_ERROR' : `HTTP_${status}`;
  }
}

/** Builds an ApiError from a problem+json body (already parsed, or text), tolerating non-problem bodies. */
export function toApiError(status: number, body: unknown, statusText = ''): ApiError {
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = { detail: body.trim().slice(0, 300) || undefined };
    }
  }
  const p = isRecord(parsed) ? parsed : {};
  const fieldErrors: FieldError[] = Array.isArray(p.errors)
    ? p.errors
        .filter(isRecord)
        .map((e) => ({ field: String(e.field ?? ''), message: String(e.message ?? '') }))
    : [];
  return new ApiError({
    status,
    code: typeof p.code === 'string' ? p.code : fallbackCode(status),
    title: typeof p.title === 'string' ? p.title : statusText || undefined,
    detail: typeof p.detail === 'string' ? p.detail : undefined,
    fieldErrors,
    properties: p,
  });
}

export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof Error) return new ApiError({ status: 0, code: 'NETWORK_ERROR', detail: e.message });
  return new ApiError({ status: 0, code: 'UNKNOWN', detail: String(e) });
}
