import i18n from '../../i18n';

/** An amount in its currency (ISO 4217), e.g. "$1,234.50"; an unknown code falls back to "1,234.50 XYZ". */
export function formatMoney(amount: number | string | null | undefined, currency?: string | null, digits = 2): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const n = Number(amount);
  if (!Number.isFinite(n)) return String(amount);
  try {
    return new Intl.NumberFormat(i18n.language, {
      style: 'currency',
      currency: currency || 'USD',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(n);
  } catch {
    return `${new Intl.NumberFormat(i18n.language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n)} ${currency ?? ''}`.trim();
  }
}

/** A signed change in its currency ("+$5.00", "−$3.00"; zero without a sign). */
export function formatDelta(amount: number | string | null | undefined, currency?: string | null): string {
  const n = Number(amount ?? 0);
  if (!Number.isFinite(n) || n === 0) return formatMoney(0, currency);
  return (n > 0 ? '+' : '−') + formatMoney(Math.abs(n), currency);
}

/** A percentage with up to `digits` decimals ("66.67 %" in English, "66,67 %" in German); null is a dash. */
export function formatPercent(p: number | string | null | undefined, digits = 2): string {
  if (p === null || p === undefined || p === '') return '—';
  const n = Number(p);
  if (!Number.isFinite(n)) return '—';
  return new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: digits }).format(n / 100);
}

/** A `YYYY-MM` month as "January 2025" in the UI language. */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(i18n.language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** A `YYYY-MM-DD` day in the UI language, without a time zone shift. */
export function formatDay(day?: string | null): string {
  if (!day) return '—';
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
