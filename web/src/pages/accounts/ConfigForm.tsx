import { Checkbox, FormControlLabel, FormHelperText, Box, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ConfigProperty } from '../../api/types';

export type ConfigValues = Record<string, string>;

export function initialValues(props: ConfigProperty[]): ConfigValues {
  const out: ConfigValues = {};
  for (const p of props) {
    if (!p.key) continue;
    if (p.defaultValue !== undefined && p.defaultValue !== null) out[p.key] = String(p.defaultValue);
    else if (p.type === 'BOOLEAN') out[p.key] = 'false';
    else if (p.type === 'ENUM' && p.required && p.allowedValues?.length) out[p.key] = p.allowedValues[0];
    else out[p.key] = '';
  }
  return out;
}

/** Client-side checks mirroring the connector's metadata; the server stays the authority. */
export function validateConfig(
  props: ConfigProperty[],
  values: ConfigValues,
  t: (k: string, o?: Record<string, unknown>) => string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const p of props) {
    if (!p.key) continue;
    const v = (values[p.key] ?? '').trim();
    if (p.required && v === '' && p.type !== 'BOOLEAN') {
      errors[`config.${p.key}`] = t('wizard.required');
      continue;
    }
    if (p.type === 'INTEGER' && v !== '') {
      if (!/^-?\d+$/.test(v)) errors[`config.${p.key}`] = t('wizard.mustBeNumber');
      else {
        const n = Number(v);
        const min = p.min ?? Number.MIN_SAFE_INTEGER;
        const max = p.max ?? Number.MAX_SAFE_INTEGER;
        if (n < min || n > max) errors[`config.${p.key}`] = t('wizard.range', { min: p.min ?? '−∞', max: p.max ?? '∞' });
      }
    }
  }
  return errors;
}

/** The configuration form generated from a connector's configProperties. */
export function ConfigForm({
  properties,
  values,
  errors,
  onChange,
}: {
  properties: ConfigProperty[];
  values: ConfigValues;
  /** keyed by the server's field path, e.g. `config.resources` */
  errors: Record<string, string>;
  onChange: (key: string, value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack spacing={2.5}>
      {properties.map((p) => {
        const key = p.key ?? '';
        const error = errors[`config.${key}`];
        const help = error ?? p.help ?? undefined;
        const value = values[key] ?? '';
        const testId = `field-${key}`;
        const label = p.label || key;
        if (p.type === 'BOOLEAN') {
          return (
            <Box key={key}>
              <FormControlLabel
                control={
                  <Checkbox
                    checked={value === 'true'}
                    onChange={(e) => onChange(key, String(e.target.checked))}
                    slotProps={{ input: { 'data-testid': testId, 'aria-describedby': `${testId}-help` } as Record<string, string> }}
                  />
                }
                label={label}
              />
              {help && (
                <FormHelperText id={`${testId}-help`} error={Boolean(error)}>
                  {help}
                </FormHelperText>
              )}
            </Box>
          );
        }
        if (p.type === 'ENUM') {
          return (
            <TextField
              key={key}
              select
              label={label}
              required={Boolean(p.required)}
              value={value}
              onChange={(e) => onChange(key, e.target.value)}
              error={Boolean(error)}
              helperText={help}
              slotProps={{ select: { native: true }, htmlInput: { 'data-testid': testId }, inputLabel: { shrink: true } }}
            >
              {!p.required && <option value="">{t('wizard.notSet')}</option>}
              {(p.allowedValues ?? []).map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </TextField>
          );
        }
        return (
          <TextField
            key={key}
            label={label}
            required={Boolean(p.required)}
            type={p.secret ? 'password' : p.type === 'INTEGER' ? 'number' : 'text'}
            autoComplete={p.secret ? 'new-password' : 'off'}
            value={value}
            onChange={(e) => onChange(key, e.target.value)}
            error={Boolean(error)}
            helperText={help}
            slotProps={{
              htmlInput: {
                'data-testid': testId,
                ...(p.type === 'INTEGER' ? { min: p.min ?? undefined, max: p.max ?? undefined, step: 1, inputMode: 'numeric' } : {}),
              },
            }}
          />
        );
      })}
    </Stack>
  );
}
