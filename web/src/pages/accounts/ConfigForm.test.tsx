import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfigForm, initialValues, validateConfig } from './ConfigForm';
import type { ConfigProperty } from '../../api/types';
import { axeViolations, renderWithProviders } from '../../test/utils';

const props: ConfigProperty[] = [
  { key: 'provider', label: 'Provider', help: 'The cloud', type: 'ENUM', required: true, allowedValues: ['aws', 'azure', 'gcp'] },
  { key: 'resources', label: 'Resources', help: 'How many', type: 'INTEGER', required: false, min: 0, max: 1000, defaultValue: '100' },
  { key: 'accessSecret', label: 'Access secret', help: 'Credential', type: 'STRING', required: true, secret: true },
  { key: 'verbose', label: 'Verbose', help: 'Log more', type: 'BOOLEAN', required: false },
];

describe('ConfigForm', () => {
  it('renders fields from the metadata, secrets as passwords, and server errors on the matching field', async () => {
    const onChange = vi.fn();
    const { container } = renderWithProviders(
      <ConfigForm
        properties={props}
        values={initialValues(props)}
        errors={{ 'config.resources': 'must be at most 1000' }}
        onChange={onChange}
      />,
    );
    const secret = await screen.findByTestId('field-accessSecret');
    expect(secret).toHaveAttribute('type', 'password');
    expect(screen.getByTestId('field-resources')).toHaveValue(100);
    expect(screen.getByTestId('field-resources')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('must be at most 1000')).toBeInTheDocument();
    expect(screen.getByText('The cloud')).toBeInTheDocument();
    expect((screen.getByTestId('field-provider') as HTMLSelectElement).value).toBe('aws');

    await userEvent.setup().type(secret, 'x');
    expect(onChange).toHaveBeenCalledWith('accessSecret', 'x');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('validates required fields and integer ranges on the client', () => {
    const t = (k: string) => k;
    const errors = validateConfig(props, { provider: 'aws', resources: '5000', accessSecret: '' }, t);
    expect(errors).toEqual({ 'config.resources': 'wizard.range', 'config.accessSecret': 'wizard.required' });
  });
});
