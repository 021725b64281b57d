import i18n from '../i18n';

export function formatDateTime(iso?: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function formatRelative(iso?: string | null, now = Date.now()): string {
  if (!iso) return '—';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const diff = (t - now) / 1000;
  const rtf = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' });
  const abs = Math.abs(diff);
  if (abs < 60) return rtf.format(Math.round(diff), 'second');
  if (abs < 3600) return rtf.format(Math.round(diff / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(diff / 3600), 'hour');
  return rtf.format(Math.round(diff / 86400), 'day');
}

export function formatNumber(n?: number | null): string {
  if (n === undefined || n === null) return '—';
  return new Intl.NumberFormat(i18n.language).format(n);
}

export function formatDuration(ms?: number | null): string {
  if (ms === undefined || ms === null) return '—';
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s % 60)} s`;
}

export function formatSeconds(s?: number | null): string {
  if (!s) return '—';
  if (s % 3600 === 0) return `${s / 3600} h`;
  if (s % 60 === 0) return `${s / 60} min`;
  return `${s} s`;
}

/** An amount in its currency (ISO 4217), or a plain number when the currency is unknown. */
export function formatMoney(n?: number | string | null, currency?: string | null, maxFractionDigits = 2): string {
  if (n === undefined || n === null || n === '') return '—';
  const v = Number(n);
  if (Number.isNaN(v)) return String(n);
  try {
    if (currency) {
      return new Intl.NumberFormat(i18n.language, {
        style: 'currency',
        currency,
        maximumFractionDigits: maxFractionDigits,
        minimumFractionDigits: Math.min(2, maxFractionDigits),
      }).format(v);
    }
  } catch {
    // an unknown currency code: fall through to a plain number
  }
  return new Intl.NumberFormat(i18n.language, { maximumFractionDigits: maxFractionDigits }).format(v);
}

export function formatPercent(n?: number | null, digits = 1): string {
  if (n === undefined || n === null || Number.isNaN(n)) return '—';
  return `${new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n)} %`;
}
