import { Box, Chip, IconButton, List, ListItem, Paper, Stack, Typography } from '@mui/material';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { DIMENSIONS, type AllocationRule, type Condition } from '../../../api/costAllocation';
import { assignMode, opTakesValues } from './rules';

/** "Tag “Team” exists", "Service equals S3, Blob Storage". */
export function describeCondition(c: Condition, t: TFunction): string {
  const field = c.field === 'TAG' ? t('cost2.rules.describe.tag', { key: c.key ?? '' }) : t(`cost2.rules.fields.${c.field ?? 'TAG'}`);
  const op = t(`cost2.rules.ops.${c.op ?? 'EQUALS'}`);
  return opTakesValues(c.op) ? `${field} ${op} ${(c.values ?? []).join(', ')}` : `${field} ${op}`;
}

/** "Team ← tag “team”", "Cost center = platform". */
export function describeAssignments(rule: AllocationRule, t: TFunction): string[] {
  return DIMENSIONS.flatMap((d) => {
    const a = rule.assign?.[d];
    const mode = assignMode(a);
    if (mode === 'none') return [];
    const dim = t(`cost2.dimensions.${d}`);
    return [mode === 'fromTag' ? t('cost2.rules.describe.fromTag', { dimension: dim, key: a?.fromTag ?? '' }) : `${dim} = ${a?.value ?? ''}`];
  });
}

/** The ordered rules of the draft, each with its position, what it matches and sets, and its move/edit/delete buttons. */
export function RuleList({
  rules,
  canManage,
  errors,
  onMove,
  onEdit,
  onDelete,
}: {
  rules: AllocationRule[];
  canManage: boolean;
  /** server problems by rule index */
  errors: Record<number, string[]>;
  onMove: (from: number, to: number) => void;
  onEdit: (index: number) => void;
  onDelete: (index: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <List aria-label={t('cost2.rules.listLabel')} sx={{ p: 0 }} data-testid="rule-list">
      {rules.map((r, i) => {
        const name = r.name || t('cost2.rules.unnamed');
        const conditions = r.conditions ?? [];
        const sets = describeAssignments(r, t);
        const problems = errors[i] ?? [];
        return (
          <ListItem key={r.id ?? `new-${i}`} disablePadding sx={{ mb: 1 }} data-testid={`rule-row-${i}`}>
            <Paper
              variant="outlined"
              sx={{ width: '100%', p: 1.5, borderColor: problems.length ? 'error.main' : undefined, display: 'flex', gap: 1.5, alignItems: 'flex-start' }}
            >
              <Chip label={i + 1} size="small" color="primary" variant="outlined" aria-label={t('cost2.rules.position', { n: i + 1 })} />
              <Box sx={{ flex: 1, minWidth: 0 }}>
                <Typography variant="subtitle2" component="h3" data-testid="rule-name-text" sx={{ wordBreak: 'break-word' }}>
                  {name}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-word' }}>
                  {conditions.length === 0 ? t('cost2.rules.matchAll') : conditions.map((c) => describeCondition(c, t)).join(` ${t('cost2.rules.and')} `)}
                </Typography>
                <Typography variant="body2" sx={{ wordBreak: 'break-word' }}>
                  {sets.length ? `→ ${sets.join('; ')}` : t('cost2.rules.setsNothing')}
                </Typography>
                {problems.map((p) => (
                  <Typography key={p} variant="caption" color="error" component="div" role="alert">
                    {p}
                  </Typography>
                ))}
              </Box>
              {canManage && (
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={0}>
                  <IconButton size="small" aria-label={t('cost2.rules.moveUp', { name })} disabled={i === 0} onClick={() => onMove(i, i - 1)} data-testid={`rule-up-${i}`}>
                    <ArrowUpwardIcon fontSize="small" />
                  </IconButton>
                  <IconButton
                    size="small"
                    aria-label={t('cost2.rules.moveDown', { name })}
                    disabled={i === rules.length - 1}
                    onClick={() => onMove(i, i + 1)}
                    data-testid={`rule-down-${i}`}
                  >
                    <ArrowDownwardIcon fontSize="small" />
                  </IconButton>
                  <IconButton size="small" aria-label={t('cost2.rules.editRule', { name })} onClick={() => onEdit(i)} data-testid={`rule-edit-${i}`}>
                    <EditOutlinedIcon fontSize="small" />
                  </IconButton>
                  <IconButton size="small" aria-label={t('cost2.rules.deleteRule', { name })} onClick={() => onDelete(i)} data-testid={`rule-delete-${i}`}>
                    <DeleteOutlineIcon fontSize="small" />
                  </IconButton>
                </Stack>
              )}
            </Paper>
          </ListItem>
        );
      })}
    </List>
  );
}
