// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { withTabConfig } from '../../../src/server/tab-html';
import { ConfigLoadError, inlineConfig } from '../../../src/tab/data/config';

/** The server puts the tab's configuration into index.html; the tab starts from it without a request. */
const config = { mode: 'local', graphBaseUrl: '/graph/v1.0/', siteId: 'site-1', apiBaseUrl: '/api', teamsAppId: '', publicUrl: '', now: '2021-09-22T06:00:00.000Z', listIds: { goal: 'g-1' } };
const page = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const INDEX = '<!doctype html><html><head><title>Tavoitteet</title></head><body><div id="root"></div></body></html>';

describe('the configuration inside index.html', () => {
  it('is read back by the tab as the same configuration /config.json gives, with its URLs made absolute', async () => {
    const c = await inlineConfig(page(withTabConfig(INDEX, config)));
    expect(c).toMatchObject({ mode: 'local', siteId: 'site-1', listIds: { goal: 'g-1' }, now: config.now });
    expect(c?.graphBaseUrl).toBe(new URL('/graph/v1.0/', window.location.origin).toString());
    expect(c?.apiBaseUrl).toBe(new URL('/api', window.location.origin).toString());
  });

  it('cannot close its element or open markup, whatever a value holds', async () => {
    const html = withTabConfig(INDEX, { ...config, siteId: '</script><script>alert(1)</script><!--' });
    expect(html).not.toMatch(/<\/script><script>alert/);
    const doc = page(html);
    expect(doc.querySelectorAll('script')).toHaveLength(1);
    expect((await inlineConfig(doc))?.siteId).toBe('</script><script>alert(1)</script><!--');
    expect(doc.getElementById('root')).not.toBeNull();
  });

  it('is absent from a page without it (the dev server), and the tab then asks /config.json', () => {
    expect(inlineConfig(page(INDEX))).toBeUndefined();
  });

  it('fails a broken one with the problems named, as for a broken /config.json', async () => {
    const error = await inlineConfig(page(withTabConfig(INDEX, { ...config, siteId: 7 })))?.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigLoadError);
    expect((error as ConfigLoadError).problems).toEqual(['siteId: expected a string']);
  });

  it('refuses a page whose HTML has no head to put it in', () => {
    expect(() => withTabConfig('<div id="root"></div>', config)).toThrow(/no <\/head>/);
  });
});
