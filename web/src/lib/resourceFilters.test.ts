import { describe, expect, it } from 'vitest';
import { filtersFromParams, sortFromParams, toQuery, toQueryString } from './resourceFilters';

describe('resource filters in the URL', () => {
  it('reads repeatable filters, q and sort from the URL and turns them into API parameters', () => {
    const sp = new URLSearchParams('provider=aws&provider=gcp&tagMissing=owner&q=web&sort=-lastChanged&c=abc');
    const f = filtersFromParams(sp);
    expect(f.provider).toEqual(['aws', 'gcp']);
    expect(sortFromParams(sp)).toBe('-lastChanged');
    expect(toQuery(f)).toEqual({ provider: ['aws', 'gcp'], tagMissing: ['owner'], q: 'web' });
    expect(toQuery(f, 'provider')).toEqual({ tagMissing: ['owner'], q: 'web' });
    expect(toQueryString({ ...toQuery(f), sort: 'name' })).toBe('provider=aws&provider=gcp&tagMissing=owner&q=web&sort=name');
  });

  it('falls back to sorting by name for an unknown sort', () => {
    expect(sortFromParams(new URLSearchParams('sort=bogus'))).toBe('name');
  });
});
