export const CARD_IDS = ['resources', 'accounts', 'changes', 'tags', 'cost', 'budgets', 'compliance', 'alerts'] as const;
export type CardId = (typeof CARD_IDS)[number];
export const LAYOUT_KEY = 'overview.layout';

export interface OverviewLayout {
  order: string[];
}

/** A stored order made safe: unknown ids dropped, duplicates removed, new cards appended. */
export function normalizeOrder(stored: unknown): CardId[] {
  const raw =
    stored && typeof stored === 'object' && Array.isArray((stored as OverviewLayout).order)
      ? (stored as OverviewLayout).order
      : [];
  const out: CardId[] = [];
  for (const id of raw) {
    if ((CARD_IDS as readonly string[]).includes(id) && !out.includes(id as CardId)) out.push(id as CardId);
  }
  for (const id of CARD_IDS) if (!out.includes(id)) out.push(id);
  return out;
}
