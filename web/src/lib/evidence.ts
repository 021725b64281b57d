// Pure logic of the Audit page's evidence and integrity tabs (form -> request, report -> summary, status -> colour).
import type { AnchorStatus, FrameworkView, PackRequest, VerificationProblem, VerificationReport, ReportRequest } from '../api/types';

/** The pack form as the user edits it: dates are `YYYY-MM-DD` from date inputs, in the browser's time zone. */
export const AUDIT_TABS = ['timeline', 'evidence', 'integrity'] as const;
export type AuditTab = (typeof AUDIT_TABS)[number];

/** The Audit page's tab named by `?tab=`; the timeline when absent or unknown. */
export function auditTabFrom(value: string | null): AuditTab {
  return (AUDIT_TABS as readonly string[]).includes(value ?? '') ? (value as AuditTab) : 'timeline';
}

export interface PackForm {
  framework: string;
  controls: string[];
  from: string;
  to: string;
}

export const DEFAULT_PERIOD_DAYS = 90;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A local calendar date as `YYYY-MM-DD` (what `<input type="date">` holds). */
export function toDateInput(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function parseDateInput(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getFullYear() === Number(m[1]) && d.getMonth() === Number(m[2]) - 1 && d.getDate() === Number(m[3]) ? d : null;
}

/** The default period: the last 90 days, today included. */
export function defaultPeriod(now: Date = new Date(), days = DEFAULT_PERIOD_DAYS): { from: string; to: string } {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - days);
  return { from: toDateInput(from), to: toDateInput(now) };
}

export function initialPackForm(now: Date = new Date()): PackForm {
  return { framework: '', controls: [], ...defaultPeriod(now) };
}

export type PackFormError = 'frameworkRequired' | 'fromInvalid' | 'toInvalid' | 'periodReversed';

/** What is wrong with the form before it is sent (field -> error), empty when it can be sent. */
export function validatePackForm(form: PackForm): Partial<Record<keyof PackForm, PackFormError>> {
  const errors: Partial<Record<keyof PackForm, PackFormError>> = {};
  if (!form.framework.trim()) errors.framework = 'frameworkRequired';
  const from = parseDateInput(form.from);
  const to = parseDateInput(form.to);
  if (!from) errors.from = 'fromInvalid';
  if (!to) errors.to = 'toInvalid';
  if (from && to && from.getTime() > to.getTime()) errors.to = 'periodReversed';
  return errors;
}

/**
 * The POST /api/v1/evidence/packs body. The server's period is half open, [from, to), so the "to" day is
 * included by sending the start of the following day; both are local midnights as ISO instants. Controls are
 * left out when none are picked (the whole framework), trimmed and de-duplicated otherwise.
 */
export function toPackRequest(form: PackForm): PackRequest {
  const errors = validatePackForm(form);
  if (Object.keys(errors).length) throw new Error(`invalid pack form: ${Object.values(errors).join(', ')}`);
  const from = parseDateInput(form.from)!;
  const to = parseDateInput(form.to)!;
  const end = new Date(to.getFullYear(), to.getMonth(), to.getDate() + 1);
  const controls = [...new Set(form.controls.map((c) => c.trim()).filter(Boolean))];
  const body: PackRequest = { framework: form.framework.trim(), from: from.toISOString(), to: end.toISOString() };
  if (controls.length) body.controls = controls;
  return body;
}

/**
 * The POST /api/v1/evidence/reports body: the form's period (same rules as a pack's) and, when one is chosen,
 * its framework; without one the report covers every framework with evidence in the period.
 */
export function toReportRequest(form: PackForm): ReportRequest {
  const { framework: _ignored, ...errors } = validatePackForm(form);
  if (Object.keys(errors).length) throw new Error(`invalid report period: ${Object.values(errors).join(', ')}`);
  const { from, to } = toPackRequest({ ...form, framework: form.framework.trim() || 'any', controls: [] });
  const body: ReportRequest = { from, to };
  if (form.framework.trim()) body.frameworks = [form.framework.trim()];
  return body;
}

/** Frameworks with a catalogue first (selectable), then the others (shown disabled), each by name. */
export function sortFrameworks(frameworks: FrameworkView[]): FrameworkView[] {
  return [...frameworks].sort(
    (a, b) =>
      Number(Boolean(b.available)) - Number(Boolean(a.available)) ||
      (a.name ?? a.id ?? '').localeCompare(b.name ?? b.id ?? ''),
  );
}

/** A hash short enough for a table cell; the full value stays in the title and the copy button. */
export function shortHash(hash?: string | null, length = 12): string {
  if (!hash) return '—';
  return hash.length > length ? `${hash.slice(0, length)}…` : hash;
}

/** What the generating POST returns besides the zip. */
export function packResponseInfo(headers: Headers): { id: string | null; sha256: string | null } {
  return { id: headers.get('X-Evidence-Pack-Id'), sha256: headers.get('X-Evidence-Pack-SHA256') };
}

export type ChipColor = 'success' | 'error' | 'warning' | 'default';

/** OK is green, a detected rollback or rewrite red, a target not (yet) answering amber, nothing anchored grey. */
export function anchorColor(status?: AnchorStatus['status'] | null): ChipColor {
  switch (status) {
    case 'OK':
      return 'success';
    case 'ROLLBACK_DETECTED':
    case 'MISMATCH':
      return 'error';
    case 'UNAVAILABLE':
      return 'warning';
    default:
      return 'default';
  }
}

export interface VerificationSummary {
  ok: boolean;
  firstBadIndex: number | null;
  entriesChecked: number;
  size: number;
  checkpoints: { verified: number; total: number };
  anchors: { verified: number; total: number };
  problems: VerificationProblem[];
  /** problems the server left out of the report plus those cut here */
  moreProblems: number;
}

/** The verification report reduced to what the alert shows; a report with problems is never "ok". */
export function summariseVerification(report: VerificationReport, maxProblems = 5): VerificationSummary {
  const problems = report.problems ?? [];
  const ok = Boolean(report.ok) && problems.length === 0 && (report.firstBadIndex === undefined || report.firstBadIndex === null);
  const indexed = problems.map((p) => p.index).filter((i): i is number => typeof i === 'number');
  const firstBadIndex = report.firstBadIndex ?? (indexed.length ? Math.min(...indexed) : null);
  return {
    ok,
    firstBadIndex: ok ? null : firstBadIndex,
    entriesChecked: report.entriesChecked ?? 0,
    size: report.verifiedSize ?? report.size ?? 0,
    checkpoints: { verified: report.checkpointsVerified ?? 0, total: report.checkpoints ?? 0 },
    anchors: { verified: report.anchorsVerified ?? 0, total: report.anchors ?? 0 },
    problems: problems.slice(0, maxProblems),
    moreProblems: Math.max(0, problems.length - maxProblems) + (report.problemsOmitted ?? 0),
  };
}
