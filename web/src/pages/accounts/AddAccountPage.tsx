import { useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardActionArea,
  CardContent,
  Checkbox,
  Chip,
  FormControlLabel,
  Paper,
  Stack,
  Step,
  StepLabel,
  Stepper,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useConnectors, useCreateAccount } from '../../api/queries';
import { ApiError, asApiError } from '../../api/errors';
import type { ConnectorType } from '../../api/types';
import { ErrorState, LinesSkeleton } from '../../components/States';
import { ConfigForm, initialValues, validateConfig, type ConfigValues } from './ConfigForm';

const STEPS = ['connector', 'configuration', 'review'] as const;

export default function AddAccountPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const connectors = useConnectors();
  const create = useCreateAccount();
  const [step, setStep] = useState(0);
  const [connectorName, setConnectorName] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [interval, setIntervalValue] = useState('');
  const [enabled, setEnabled] = useState(true);
  const [values, setValues] = useState<ConfigValues>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverRejected, setServerRejected] = useState(false);

  const list = connectors.data ?? [];
  const connector: ConnectorType | undefined = useMemo(
    () => list.find((c) => c.name === connectorName) ?? (list.length === 1 ? list[0] : undefined),
    [list, connectorName],
  );
  const props = connector?.configProperties ?? [];

  const chooseConnector = (c: ConnectorType) => {
    if (c.name !== connector?.name || Object.keys(values).length === 0) setValues(initialValues(c.configProperties ?? []));
    setConnectorName(c.name ?? null);
  };

  const validateStep1 = (): boolean => {
    const e = validateConfig(props, values, t as never);
    if (!name.trim()) e.name = t('wizard.required');
    if (interval.trim() && !/^\d+$/.test(interval.trim())) e.syncIntervalSeconds = t('wizard.mustBeNumber');
    setErrors(e);
    return Object.keys(e).length === 0;
  };

  const next = () => {
    if (step === 0) {
      if (!connector) return;
      if (Object.keys(values).length === 0) setValues(initialValues(props));
      setStep(1);
    } else if (step === 1) {
      if (validateStep1()) {
        setServerRejected(false);
        setStep(2);
      }
    }
  };

  const submit = () => {
    if (!connector?.name) return;
    const config: Record<string, string> = {};
    for (const p of props) {
      const v = values[p.key ?? ''];
      if (p.key && v !== undefined && v !== '') config[p.key] = v.trim();
    }
    create.mutate(
      {
        name: name.trim(),
        connector: connector.name,
        config,
        enabled,
        ...(interval.trim() ? { syncIntervalSeconds: Number(interval.trim()) } : {}),
      },
      {
        onSuccess: (account) => navigate(account?.id ? `/accounts/${account.id}` : '/accounts'),
        onError: (e) => {
          const err = asApiError(e);
          if (err instanceof ApiError && err.fieldErrors.length) {
            setErrors(err.fieldMap());
            setServerRejected(true);
            setStep(1);
          }
        },
      },
    );
  };

  const onChange = (key: string, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => {
      const { [`config.${key}`]: _drop, ...rest } = e;
      return rest;
    });
  };

  const generalErrors = Object.entries(errors).filter(
    ([f]) => f !== 'name' && f !== 'syncIntervalSeconds' && !(f.startsWith('config.') && props.some((p) => `config.${p.key}` === f)),
  );

  return (
    <Box sx={{ maxWidth: 860 }}>
      <Typography variant="h1" sx={{ mb: 2 }}>
        {t('wizard.title')}
      </Typography>
      <Stepper activeStep={step} sx={{ mb: 3 }} alternativeLabel>
        {STEPS.map((s) => (
          <Step key={s}>
            <StepLabel>{t(`wizard.steps.${s}`)}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <Paper variant="outlined" sx={{ p: { xs: 2, md: 3 } }}>
        {step === 0 &&
          (connectors.isPending ? (
            <LinesSkeleton lines={3} height={60} />
          ) : connectors.isError ? (
            <ErrorState error={connectors.error} onRetry={() => void connectors.refetch()} />
          ) : (
            <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
              <Typography component="legend" variant="h2" sx={{ mb: 2 }}>
                {t('wizard.chooseConnector')}
              </Typography>
              <Stack spacing={1.5} role="radiogroup" aria-label={t('wizard.chooseConnector')}>
                {list.map((c) => {
                  const selected = connector?.name === c.name;
                  return (
                    <Card key={c.name} sx={{ borderColor: selected ? 'primary.main' : undefined, borderWidth: selected ? 2 : 1 }}>
                      <CardActionArea
                        role="radio"
                        aria-checked={selected}
                        onClick={() => chooseConnector(c)}
                        data-testid={`connector-${c.name}`}
                      >
                        <CardContent>
                          <Typography variant="h3" component="span">
                            {c.displayName || c.name}
                          </Typography>
                          {c.description && (
                            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                              {c.description}
                            </Typography>
                          )}
                          <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap" sx={{ mt: 1 }}>
                            {(c.providers ?? []).map((p) => (
                              <Chip key={p} size="small" label={p} variant="outlined" />
                            ))}
                          </Stack>
                        </CardContent>
                      </CardActionArea>
                    </Card>
                  );
                })}
              </Stack>
            </Box>
          ))}

        {step === 1 && connector && (
          <Stack spacing={2.5} component="form" noValidate onSubmit={(e) => { e.preventDefault(); next(); }}>
            {serverRejected && <Alert severity="error" role="alert">{t('wizard.fixErrors')}</Alert>}
            {generalErrors.length > 0 && (
              <Alert severity="error">
                {generalErrors.map(([f, m]) => (
                  <div key={f}>
                    {f}: {m}
                  </div>
                ))}
              </Alert>
            )}
            <TextField
              label={t('wizard.name')}
              required
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setErrors(({ name: _n, ...rest }) => rest);
              }}
              error={Boolean(errors.name)}
              helperText={errors.name ?? t('wizard.nameHelp')}
              slotProps={{ htmlInput: { 'data-testid': 'field-name' } }}
            />
            <ConfigForm properties={props} values={values} errors={errors} onChange={onChange} />
            <TextField
              label={t('wizard.syncInterval')}
              type="number"
              value={interval}
              onChange={(e) => setIntervalValue(e.target.value)}
              error={Boolean(errors.syncIntervalSeconds)}
              helperText={errors.syncIntervalSeconds ?? t('wizard.syncIntervalHelp')}
              slotProps={{ htmlInput: { 'data-testid': 'field-syncIntervalSeconds', min: 1 } }}
            />
            <FormControlLabel control={<Checkbox checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />} label={t('wizard.enabled')} />
            <button type="submit" hidden aria-hidden tabIndex={-1} />
          </Stack>
        )}

        {step === 2 && connector && (
          <Stack spacing={2}>
            {create.isError && !(asApiError(create.error).fieldErrors.length) && <ErrorState error={create.error} />}
            <Table size="small" aria-label={t('wizard.steps.review')}>
              <TableBody>
                <TableRow>
                  <TableCell component="th" scope="row">{t('wizard.name')}</TableCell>
                  <TableCell>{name}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell component="th" scope="row">Connector</TableCell>
                  <TableCell>{connector.displayName || connector.name}</TableCell>
                </TableRow>
                {props.map((p) => (
                  <TableRow key={p.key}>
                    <TableCell component="th" scope="row">{p.label || p.key}</TableCell>
                    <TableCell sx={{ wordBreak: 'break-word' }}>
                      {values[p.key ?? ''] ? (p.secret ? t('wizard.hidden') : values[p.key ?? '']) : <em>{t('wizard.notSet')}</em>}
                    </TableCell>
                  </TableRow>
                ))}
                <TableRow>
                  <TableCell component="th" scope="row">{t('wizard.syncInterval')}</TableCell>
                  <TableCell>{interval || <em>{t('wizard.notSet')}</em>}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell component="th" scope="row">{t('wizard.enabled')}</TableCell>
                  <TableCell>{enabled ? t('common.yes') : t('common.no')}</TableCell>
                </TableRow>
              </TableBody>
            </Table>
          </Stack>
        )}

        <Stack direction="row" spacing={1} justifyContent="flex-end" sx={{ mt: 3 }}>
          <Button onClick={() => (step === 0 ? navigate('/accounts') : setStep(step - 1))} data-testid="wizard-back">
            {step === 0 ? t('common.cancel') : t('wizard.back')}
          </Button>
          {step < 2 ? (
            <Button variant="contained" onClick={next} disabled={step === 0 && !connector} data-testid="wizard-next">
              {t('wizard.next')}
            </Button>
          ) : (
            <Button variant="contained" onClick={submit} disabled={create.isPending} data-testid="wizard-create">
              {create.isPending ? t('wizard.creating') : t('wizard.create')}
            </Button>
          )}
        </Stack>
      </Paper>
    </Box>
  );
}
