import { describe, expect, it } from 'vitest';
import { isSafari, usageShare, USAGE_WARNING } from './storage-notice';

describe('storage notices', () => {
  it('tells Safari (its 7-day rule) from the browsers whose user agent also says Safari', () => {
    const safari =
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
    const iphone =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
    const chrome =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
    const edge = `${chrome} Edg/156.0.0.0`;
    const firefoxIos =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/127.0 Mobile/15E148 Safari/605.1.15';
    const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
    expect([safari, iphone].map(isSafari)).toEqual([true, true]);
    expect([chrome, edge, firefoxIos, firefox].map(isSafari)).toEqual([false, false, false, false]);
  });
  it('warns above 80 % of the quota, and never when the quota is unknown', () => {
    expect(usageShare({ usage: 850, quota: 1000 })).toBeGreaterThan(USAGE_WARNING);
    expect(usageShare({ usage: 800, quota: 1000 })).not.toBeGreaterThan(USAGE_WARNING);
    expect(usageShare({ usage: 5, quota: 0 })).toBe(0);
  });
});
