import { useMemo, useState } from 'react';
import { Alert, Box, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import PreviewOutlinedIcon from '@mui/icons-material/PreviewOutlined';
import SaveOutlinedIcon from '@mui/icons-material/SaveOutlined';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { costApi, costKeys, type AllocationRule, type Dimension } from '../../../api/costAllocation';
import { asApiError, type ApiError } from '../../../api/errors';
import { ProblemAlert } from '../../../components/AuthCard';
import { EmptyState, ErrorState, LinesSkeleton } from '../../../components/States';
import { useUrlState } from '../../../hooks/useUrlState';
import { formatMonth } from '../money';
import { PreviewPanel } from './PreviewPanel';
import { ReallocationProgress, RecentReallocations } from './Reallocations';
import { RuleDialog } from './RuleDialog';
import { RuleList } from './RuleList';
import { cleanRule, emptyRule, errorPathParts, moveItem, ruleIndexOf, sameRules } from './rules';

/** "Rule 2 › condition 1 › values: must not be empty". */
export function describeProblem(field: string, message: string, t: TFunction): string {
  const where = errorPathParts(field)
    .map((p) => (p.index ? t(`cost2.rules.path.${p.kind}` as 'cost2.rules.path.rules', { n: p.index, defaultValue: `${p.kind} ${p.index}` }) : p.kind))
    .join(' › ');
  return where ? `${where}: ${message}` : message;
}

function problemsByRule(error: ApiError | null, t: TFunction): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  for (const e of error?.fieldErrors ?? []) {
    const i = ruleIndexOf(e.field);
    if (i !== undefined) (out[i] ??= []).push(describeProblem(e.field, e.message, t));
  }
  return out;
}

/** The ordered rule list as a draft: edit, reorder, preview on a month, then save (which starts a re-allocation). */
export function RulesTab({ month, canManage }: { month: string; canManage: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [params, update] = useUrlState();
  const rulesQ = useQuery({ queryKey: costKeys.rules, queryFn: costApi.rules });
  const saved = useMemo(() => rulesQ.data?.rules ?? [], [rulesQ.data]);
  const [draft, setDraft] = useState<AllocationRule[] | null>(null);
  const rules = draft ?? saved;
  const dirty = draft !== null && !sameRules(draft, saved);
  const [editing, setEditing] = useState<{ index: number | null; rule: AllocationRule; key: number } | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const previewDimension = (params.get('pd') as Dimension | null) ?? 'team';

  const preview = useMutation({
    mutationFn: (list: AllocationRule[]) => costApi.preview(list, month),
  });
  const [previewedWith, setPreviewedWith] = useState<string>('');
  const currentKey = JSON.stringify(rules.map(cleanRule)) + month;

  const save = useMutation({
    mutationFn: (list: AllocationRule[]) => costApi.saveRules(list),
    onSuccess: (res) => {
      qc.setQueryData(costKeys.rules, { rules: res.rules ?? [] });
      setDraft(null);
      if (res.reallocation?.id) setJobId(res.reallocation.id);
      void qc.invalidateQueries({ queryKey: costKeys.reallocations });
    },
  });

  const change = (next: AllocationRule[]) => {
    setDraft(next);
    save.reset();
  };
  const error = (save.error ?? preview.error) ? asApiError(save.error ?? preview.error) : null;
  const byRule = problemsByRule(error, t);
  const otherProblems = (error?.fieldErrors ?? []).filter((e) => ruleIndexOf(e.field) === undefined);

  if (rulesQ.isPending) return <LinesSkeleton lines={4} height={56} />;
  if (rulesQ.isError) return <ErrorState error={rulesQ.error} onRetry={() => void rulesQ.refetch()} />;

  return (
    <Stack spacing={2}>
      <Paper variant="outlined" component="section" aria-labelledby="rules-title" sx={{ p: 2 }}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} justifyContent="space-between" alignItems={{ md: 'center' }} sx={{ mb: 1 }}>
          <Box>
            <Typography variant="h2" id="rules-title">
              {t('cost2.rules.title')}{' '}
              {dirty && <Chip size="small" color="warning" label={t('cost2.rules.unsaved')} data-testid="rules-dirty" sx={{ ml: 1 }} />}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {t('cost2.rules.firstMatchWins')}
            </Typography>
          </Box>
          {canManage && (
            <Button
              startIcon={<AddIcon />}
              variant="outlined"
              onClick={() => setEditing({ index: null, rule: emptyRule(), key: Date.now() })}
              data-testid="rule-add"
              sx={{ alignSelf: { xs: 'flex-start', md: 'center' }, flexShrink: 0 }}
            >
              {t('cost2.rules.add')}
            </Button>
          )}
        </Stack>
        {!canManage && (
          <Alert severity="info" sx={{ mb: 1 }}>
            {t('cost2.rules.readOnly')}
          </Alert>
        )}
        {rules.length === 0 ? (
          <EmptyState>{t('cost2.rules.empty')}</EmptyState>
        ) : (
          <RuleList
            rules={rules}
            canManage={canManage}
            errors={byRule}
            onMove={(from, to) => change(moveItem(rules, from, to))}
            onEdit={(i) => setEditing({ index: i, rule: rules[i], key: Date.now() })}
            onDelete={(i) => change(rules.filter((_, j) => j !== i))}
          />
        )}
        {error && (
          <Box sx={{ mt: 1 }}>
            <ProblemAlert error={error} testId="rules-error" title={error.title} />
            {otherProblems.map((p) => (
              <Typography key={p.field} variant="body2" color="error">
                {describeProblem(p.field, p.message, t)}
              </Typography>
            ))}
          </Box>
        )}
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mt: 2 }}>
          <Button
            variant="outlined"
            startIcon={<PreviewOutlinedIcon />}
            disabled={preview.isPending}
            onClick={() => {
              save.reset();
              setPreviewedWith(currentKey);
              preview.mutate(rules.map(cleanRule));
            }}
            data-testid="rules-preview"
          >
            {preview.isPending ? t('cost2.rules.previewing') : t('cost2.rules.preview', { month: formatMonth(month) })}
          </Button>
          {canManage && (
            <>
              <Button
                variant="contained"
                startIcon={<SaveOutlinedIcon />}
                disabled={!dirty || save.isPending}
                onClick={() => {
                  preview.reset();
                  save.mutate(rules.map(cleanRule));
                }}
                data-testid="rules-save"
              >
                {save.isPending ? t('cost2.rules.saving') : t('cost2.rules.save')}
              </Button>
              <Button disabled={!dirty || save.isPending} onClick={() => change(saved)} data-testid="rules-discard">
                {t('cost2.rules.discard')}
              </Button>
            </>
          )}
        </Stack>
      </Paper>

      {jobId && <ReallocationProgress key={jobId} id={jobId} />}

      {preview.data && !preview.isPending && (
        <PreviewPanel
          result={preview.data}
          dimension={previewDimension}
          onDimension={(d) => update((p) => (d === 'team' ? p.delete('pd') : p.set('pd', d)), { replace: true })}
          stale={previewedWith !== currentKey}
        />
      )}

      <RecentReallocations />

      {editing && (
        <RuleDialog
          key={editing.key}
          open
          isNew={editing.index === null}
          initial={editing.rule}
          onCancel={() => setEditing(null)}
          onApply={(rule) => {
            change(editing.index === null ? [...rules, rule] : rules.map((r, j) => (j === editing.index ? rule : r)));
            setEditing(null);
          }}
        />
      )}
    </Stack>
  );
}
