import type { ChargebackLine, ChargebackReport } from '../../../api/costAllocation';

export interface CurrencyGroup {
  currency: string;
  lines: ChargebackLine[];
  direct: number;
  shared: number;
  total: number;
}

const cents = (n: number) => Math.round(n * 100) / 100;

/**
 * The report's lines grouped per currency (never added across currencies), in the server's order (total
 * descending), each group with its sums; the currency with the largest total first.
 */
export function linesByCurrency(report: ChargebackReport | undefined): CurrencyGroup[] {
  const groups = new Map<string, CurrencyGroup>();
  for (const l of report?.lines ?? []) {
    const c = l.currency ?? '';
    const g = groups.get(c) ?? { currency: c, lines: [], direct: 0, shared: 0, total: 0 };
    g.lines.push(l);
    g.direct = cents(g.direct + Number(l.directEffectiveCost ?? 0));
    g.shared = cents(g.shared + Number(l.sharedEffectiveCost ?? 0));
    g.total = cents(g.total + Number(l.totalEffectiveCost ?? 0));
    groups.set(c, g);
  }
  return [...groups.values()].sort((a, b) => b.total - a.total || a.currency.localeCompare(b.currency));
}

type MethodKey = 'cost2.shared.methods.EVEN' | 'cost2.shared.methods.PROPORTIONAL' | 'cost2.shared.methods.FIXED';

/** The i18n key of a pool's split method. */
export function poolMethodKey(method?: string): MethodKey {
  return method === 'FIXED' || method === 'PROPORTIONAL' ? `cost2.shared.methods.${method}` : 'cost2.shared.methods.EVEN';
}
