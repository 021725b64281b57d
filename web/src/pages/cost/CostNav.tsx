import { useTranslation } from 'react-i18next';
import { CostHeader } from './CostSubNav';

/** The Cost area's heading and its page links (each page is deep-linkable), as on every Cost page. */
export function CostNav() {
  const { t } = useTranslation();
  return <CostHeader title={t('cost.title')} />;
}
