import type { ReactNode } from 'react';

const style = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/** Text for screen readers only (e.g. the header of an actions column). */
export function SrOnly({ children }: { children: ReactNode }) {
  return <span style={style}>{children}</span>;
}
