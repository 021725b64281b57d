export const ALL_COLUMNS = ['name', 'type', 'provider', 'account', 'region', 'state', 'lastChanged', 'tags', 'nativeId', 'version'] as const;
export type ColumnId = (typeof ALL_COLUMNS)[number];
export const DEFAULT_COLUMNS: ColumnId[] = ['name', 'type', 'provider', 'account', 'region', 'state', 'lastChanged'];
/** Columns the server can sort by, with their ascending and descending sort names. */
export const SORTABLE: Partial<Record<ColumnId, { asc: string; desc?: string }>> = {
  name: { asc: 'name', desc: '-name' },
  type: { asc: 'type', desc: '-type' },
  region: { asc: 'region' },
  lastChanged: { asc: 'lastChanged', desc: '-lastChanged' },
};
const STORAGE_KEY = 'cw.inventory.columns';

export function loadColumns(): ColumnId[] {
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as unknown;
    if (Array.isArray(raw)) {
      const cols = ALL_COLUMNS.filter((c) => raw.includes(c));
      if (cols.length) return cols;
    }
  } catch {
    /* ignore */
  }
  return DEFAULT_COLUMNS;
}

export function saveColumns(cols: ColumnId[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(cols));
  } catch {
    /* ignore */
  }
}
