import { List, ListItem, ListItemIcon, ListItemText, TextField } from '@mui/material';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutline';
import HighlightOffIcon from '@mui/icons-material/HighlightOff';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, passwordRuleStates } from '../lib/passwordRules';

/** A new-password field with the rules listed under it: met, broken (after the server said so) or not yet known. */
export function NewPasswordField({
  value,
  onChange,
  weakReason,
  label,
  testId = 'new-password',
}: {
  value: string;
  onChange: (v: string) => void;
  weakReason?: string | null;
  label?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const states = passwordRuleStates(value, weakReason);
  return (
    <>
      <TextField
        label={label ?? t('identity.password.new')}
        type="password"
        autoComplete="new-password"
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={Boolean(weakReason)}
        slotProps={{ htmlInput: { 'data-testid': testId, 'aria-describedby': `${id}-rules`, minLength: PASSWORD_MIN_LENGTH } }}
      />
      <List dense disablePadding id={`${id}-rules`} aria-label={t('identity.password.rules')} data-testid="password-rules">
        {states.map((s) => (
          <ListItem key={s.rule} disableGutters sx={{ py: 0 }} data-rule={s.rule} data-met={String(s.met)}>
            <ListItemIcon sx={{ minWidth: 28 }} aria-hidden>
              {s.met === true ? (
                <CheckCircleOutlineIcon fontSize="small" color="success" />
              ) : s.met === false && (s.rule !== 'minLength' || value.length > 0 || weakReason) ? (
                <HighlightOffIcon fontSize="small" color="error" />
              ) : (
                <RadioButtonUncheckedIcon fontSize="small" color="disabled" />
              )}
            </ListItemIcon>
            <ListItemText
              primary={t(`identity.password.rule.${s.rule}`, { n: PASSWORD_MIN_LENGTH })}
              secondary={s.met === true ? t('identity.password.met') : s.met === false ? t('identity.password.broken') : undefined}
              slotProps={{ primary: { variant: 'body2' }, secondary: { variant: 'caption', sx: { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' } } }}
            />
          </ListItem>
        ))}
      </List>
    </>
  );
}
