import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Button, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useUrlState } from '../hooks/useUrlState';

/**
 * Previous/next buttons of a cursor-paged list whose position lives in the URL: the query parameter
 * `param` holds the stack of cursors of the pages before the current one.
 */
export function CursorPager({
  param = 'c',
  nextCursor,
  disabled = false,
}: {
  param?: string;
  nextCursor?: string | null;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [params, update] = useUrlState();
  const depth = params.getAll(param).length;
  return (
    <Stack direction="row" justifyContent="flex-end" spacing={1} sx={{ p: 1 }}>
      <Button
        startIcon={<ChevronLeftIcon />}
        disabled={depth === 0}
        onClick={() =>
          update((p) => {
            const stack = p.getAll(param).slice(0, -1);
            p.delete(param);
            stack.forEach((c) => p.append(param, c));
          })
        }
      >
        {t('common.previous')}
      </Button>
      <Button
        endIcon={<ChevronRightIcon />}
        disabled={!nextCursor || disabled}
        onClick={() => nextCursor && update((p) => p.append(param, nextCursor))}
      >
        {t('common.next')}
      </Button>
    </Stack>
  );
}
