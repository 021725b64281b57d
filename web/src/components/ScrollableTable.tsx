import { TableContainer, type TableContainerProps } from '@mui/material';
import { useTranslation } from 'react-i18next';

/**
 * A table container that keyboard users can scroll: a focusable, named region, as WCAG asks of areas that
 * scroll (tables do at phone width).
 */
export function ScrollableTable({ label, ...props }: TableContainerProps & { label?: string }) {
  const { t } = useTranslation();
  return <TableContainer tabIndex={0} role="region" aria-label={label ?? t('common.table')} {...props} />;
}
