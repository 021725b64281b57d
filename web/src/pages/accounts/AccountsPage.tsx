import {
  Box,
  Button,
  Chip,
  Link,
  Paper,
  Skeleton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAccounts, useFacets } from '../../api/queries';
import { EmptyState, ErrorState } from '../../components/States';
import { StatusChip } from '../../components/StatusChip';
import { formatDateTime, formatNumber, formatRelative } from '../../lib/format';
import { ScrollableTable } from '../../components/ScrollableTable';

export default function AccountsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const accounts = useAccounts();
  // current resource counts per account come from the account facet
  const facets = useFacets({});
  const countOf = (id?: string) => facets.data?.account?.find((f) => f.value === id)?.count;

  return (
    <Box>
      <Stack direction="row" justifyContent="space-between" alignItems="center" sx={{ mb: 2 }} spacing={2}>
        <Typography variant="h1">{t('accounts.title')}</Typography>
        <Button variant="contained" startIcon={<AddIcon />} component={RouterLink} to="/accounts/new" data-testid="add-account">
          {t('accounts.add')}
        </Button>
      </Stack>
      <Paper variant="outlined">
        {accounts.isError ? (
          <Box sx={{ p: 2 }}>
            <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />
          </Box>
        ) : (
          <ScrollableTable>
            <Table size="small" data-testid="accounts-table" aria-label={t('accounts.tableLabel')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('accounts.col.name')}</TableCell>
                  <TableCell>{t('accounts.col.provider')}</TableCell>
                  <TableCell>{t('accounts.col.enabled')}</TableCell>
                  <TableCell>{t('accounts.col.lastSync')}</TableCell>
                  <TableCell>{t('accounts.col.lastSyncAt')}</TableCell>
                  <TableCell align="right">{t('accounts.col.resources')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {accounts.isPending
                  ? Array.from({ length: 5 }, (_, i) => (
                      <TableRow key={i}>
                        {Array.from({ length: 6 }, (_, j) => (
                          <TableCell key={j}>
                            <Skeleton variant="text" />
                          </TableCell>
                        ))}
                      </TableRow>
                    ))
                  : accounts.data.map((a) => {
                      const last = a.lastSync;
                      const count = countOf(a.id) ?? last?.resources;
                      return (
                        <TableRow
                          key={a.id}
                          hover
                          data-testid="account-row"
                          sx={{ cursor: 'pointer' }}
                          onClick={() => navigate(`/accounts/${a.id}`)}
                        >
                          <TableCell>
                            <Link component={RouterLink} to={`/accounts/${a.id}`} onClick={(e) => e.stopPropagation()}>
                              {a.name}
                            </Link>
                            <Typography variant="caption" color="text.secondary" component="div">
                              {a.connector}
                            </Typography>
                          </TableCell>
                          <TableCell>{a.provider}</TableCell>
                          <TableCell>
                            <Chip
                              size="small"
                              variant="outlined"
                              label={a.enabled ? t('accounts.enabled') : t('accounts.disabled')}
                              color={a.enabled ? 'success' : 'default'}
                            />
                          </TableCell>
                          <TableCell>
                            {a.syncRunning ? (
                              <StatusChip status="RUNNING" label={t('accounts.running')} />
                            ) : last ? (
                              <Stack direction="row" spacing={1} alignItems="center">
                                <StatusChip status={last.status} />
                                {last.errorCode && (
                                  <Typography variant="caption" sx={{ fontFamily: 'monospace' }}>
                                    {last.errorCode}
                                  </Typography>
                                )}
                              </Stack>
                            ) : (
                              <Typography variant="body2" color="text.secondary">
                                {t('accounts.never')}
                              </Typography>
                            )}
                          </TableCell>
                          <TableCell title={formatDateTime(last?.finishedAt ?? last?.startedAt)}>
                            {last ? formatRelative(last.finishedAt ?? last.startedAt) : '—'}
                          </TableCell>
                          <TableCell align="right">{formatNumber(count)}</TableCell>
                        </TableRow>
                      );
                    })}
              </TableBody>
            </Table>
          </ScrollableTable>
        )}
        {accounts.data && accounts.data.length === 0 && (
          <EmptyState
            action={
              <Button component={RouterLink} to="/accounts/new" variant="outlined">
                {t('accounts.add')}
              </Button>
            }
          >
            {t('accounts.empty')}
          </EmptyState>
        )}
      </Paper>
    </Box>
  );
}
