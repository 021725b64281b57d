import { describe, expect, it } from 'vitest';
import { describeUserAgent } from './userAgent';

describe('describeUserAgent', () => {
  it('names the browser, its major version and the system', () => {
    expect(describeUserAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36'))
      .toBe('Headless Chrome 156 on Linux');
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0'))
      .toBe('Edge 142 on Windows');
    expect(describeUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15'))
      .toBe('Safari 18 on macOS');
    expect(describeUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe('Firefox 133 on Linux');
    expect(describeUserAgent('curl/8.5.0')).toBe('curl 8.5.0');
  });

  it('keeps an unknown header, shortened, and nothing for none', () => {
    expect(describeUserAgent('cloudwarden-cli/1.0')).toBe('cloudwarden-cli/1.0');
    expect(describeUserAgent('x'.repeat(80))).toHaveLength(58);
    expect(describeUserAgent(null)).toBeNull();
  });
});
