import { describe, expect, it } from 'vitest';
import { linesByCurrency } from './chargeback';

describe('chargeback lines', () => {
  it('groups per currency without ever adding currencies, largest total first', () => {
    const groups = linesByCurrency({
      lines: [
        { value: 'a', currency: 'EUR', directEffectiveCost: 5, sharedEffectiveCost: 0, totalEffectiveCost: 5 },
        { value: 'a', currency: 'USD', directEffectiveCost: 60, sharedEffectiveCost: 10.1, totalEffectiveCost: 70.1 },
        { value: '(unallocated)', currency: 'USD', directEffectiveCost: 10.2, sharedEffectiveCost: 0, totalEffectiveCost: 10.2 },
      ],
    });
    expect(groups.map((g) => [g.currency, g.lines.length, g.direct, g.shared, g.total])).toEqual([
      ['USD', 2, 70.2, 10.1, 80.3],
      ['EUR', 1, 5, 0, 5],
    ]);
    expect(linesByCurrency(undefined)).toEqual([]);
  });
});
