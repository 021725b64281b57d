import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** Edits the URL's query (filters, sort, cursors, tabs all live there) in one history entry. */
export function useUrlState() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (edit: (p: URLSearchParams) => void, opts?: { replace?: boolean }) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          edit(next);
          return next;
        },
        { replace: opts?.replace ?? false },
      );
    },
    [setParams],
  );
  return [params, update] as const;
}
