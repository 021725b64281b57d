import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { JsonViewer } from './JsonViewer';
import { axeViolations, renderWithProviders } from '../test/utils';

const config = { instance: { type: 't3.micro', tags: [{ k: 'env', v: 'prod' }], deep: { deeper: { deepest: 42 } } }, enabled: true };

describe('JsonViewer', () => {
  it('opens two levels, and toggles nodes with the keyboard', async () => {
    const user = userEvent.setup();
    renderWithProviders(<JsonViewer value={config} />);
    expect(await screen.findByText('"t3.micro"')).toBeInTheDocument();
    expect(screen.queryByText('42')).not.toBeInTheDocument();

    const deep = screen.getAllByTestId('json-toggle').find((b) => b.dataset.path === '$/instance/deep')!;
    expect(deep).toHaveAttribute('aria-expanded', 'false');
    deep.focus();
    await user.keyboard('{Enter}');
    expect(deep).toHaveAttribute('aria-expanded', 'true');
    const deeper = screen.getAllByTestId('json-toggle').find((b) => b.dataset.path === '$/instance/deep/deeper')!;
    deeper.focus();
    await user.keyboard(' ');
    expect(screen.getByText('42')).toBeInTheDocument();

    const instance = screen.getAllByTestId('json-toggle').find((b) => b.dataset.path === '$/instance')!;
    await user.click(instance);
    expect(screen.queryByText('"t3.micro"')).not.toBeInTheDocument();
    expect(within(instance).getByText(/3 keys/)).toBeInTheDocument();
  });

  it('expands and collapses everything, without serious accessibility problems', async () => {
    const user = userEvent.setup();
    const { container } = renderWithProviders(<JsonViewer value={config} />);
    await user.click(await screen.findByTestId('json-expand-all'));
    expect(screen.getByText('42')).toBeInTheDocument();
    expect(await axeViolations(container)).toEqual([]);
    await user.click(screen.getByTestId('json-collapse-all'));
    expect(screen.queryByText('"t3.micro"')).not.toBeInTheDocument();
  });
});
