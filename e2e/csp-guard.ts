import { expect, test as base, type BrowserContext, type Page } from '@playwright/test';

// Watches a page for what hostile input must never cause (../shared/reliability.md §5.C):
// a Content-Security-Policy or Trusted Types violation, a request to anything but the app's
// own files, a dialog, a script that ran (`window.__pwned`), a changed built-in prototype.

/** Same-origin paths the built app fetches: the page, its assets and workers, the sample. */
const OWN_PATH =
  /^\/(?:|index\.html|favicon\.svg|sample\.bio\.txt|trusted-types\.js|assets\/[\w.-]+\.(?:js|css))$/;

/** What the page did that a test may want to see. */
export interface Guard {
  /** Every request the page (or its workers) made, as `METHOD url`. */
  readonly requests: string[];
  /** Requests that failed, as `url errorText` (e.g. blocked by the policy before the network). */
  readonly failed: string[];
  /** Requests refused: another origin, not GET, or a same-origin path that is not ours. */
  readonly foreign: string[];
  /** Dialogs opened (alert, confirm, prompt), dismissed at once. */
  readonly dialogs: string[];
  /** Console messages about CSP or Trusted Types (worker violations only show up here). */
  readonly consoleCsp: string[];
  /** Violations reported to the page (`securitypolicyviolation`), as readable strings. */
  violations(): Promise<string[]>;
  /** Built-in prototypes changed since the page started, plus `({}).polluted`. */
  pollution(): Promise<string[]>;
  /** Asserts none of the above happened and `window.__pwned` is undefined. */
  expectClean(): Promise<void>;
}

/**
 * Runs in every frame before the app: records CSP violations and snapshots the built-in
 * prototypes (property names and values), so a later change to them can be found.
 */
function initScript(): void {
  const report = (window as unknown as { __guardReport?: (v: string) => void }).__guardReport;
  document.addEventListener(
    'securitypolicyviolation',
    (e) =>
      report?.(
        `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} sample ${JSON.stringify(e.sample)}`,
      ),
    true,
  );
  const protos: [string, object][] = [
    ['Object', Object.prototype],
    ['Array', Array.prototype],
    ['Function', Function.prototype],
    ['String', String.prototype],
    ['Map', Map.prototype],
    ['Set', Set.prototype],
  ];
  const describe = (p: object) => {
    const d = Object.getOwnPropertyDescriptors(p) as Record<PropertyKey, PropertyDescriptor>;
    return new Map(Reflect.ownKeys(d).map((k) => [k, d[k] as PropertyDescriptor] as const));
  };
  const before = protos.map(([name, p]) => [name, p, describe(p)] as const);
  Object.defineProperty(window, '__protoChanges', {
    value: () => {
      const out: string[] = [];
      for (const [name, p, was] of before) {
        const now = describe(p);
        for (const [k, d] of now) {
          const w = was.get(k);
          if (!w) out.push(`${name}.prototype gained ${String(k)}`);
          else if (w.value !== d.value || w.get !== d.get || w.set !== d.set)
            out.push(`${name}.prototype.${String(k)} changed`);
        }
        for (const k of was.keys())
          if (!now.has(k)) out.push(`${name}.prototype lost ${String(k)}`);
      }
      if (Object.getPrototypeOf({}) !== Object.prototype) out.push('({}) has another prototype');
      const probe = {} as Record<string, unknown>;
      if (probe.polluted !== undefined) out.push('({}).polluted is defined');
      if (Object.keys(Object.prototype).length !== 0) out.push('Object.prototype has own keys');
      return out;
    },
  });
}

const guards = new WeakMap<BrowserContext, Guard>();

/**
 * Starts watching `page` and every other page of its context (call before the first
 * `goto`). Requests to anything but the app's own files are aborted and recorded, so an
 * `evil.test` request fails `expectClean`. Violations are sent to the test as they happen,
 * so a page that crashed or closed keeps its record.
 */
export async function guardPage(page: Page, opts: { dialogs?: boolean } = {}): Promise<Guard> {
  const context = page.context();
  const existing = guards.get(context);
  if (existing) return existing;
  const requests: string[] = [];
  const foreign: string[] = [];
  const failed: string[] = [];
  const dialogs: string[] = [];
  const consoleCsp: string[] = [];
  const violations: string[] = [];
  const gone = new WeakSet<Page>();
  const origin = new URL(base.info().project.use.baseURL ?? 'http://127.0.0.1').origin;
  await context.exposeBinding('__guardReport', (_source, v: string) => void violations.push(v));
  await context.addInitScript(initScript);
  const watch = (p: Page) => {
    p.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
    p.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    p.on('console', (m) => {
      if (/Content.Security.Policy|Trusted ?Type|TrustedHTML|TrustedScript/i.test(m.text()))
        consoleCsp.push(`${m.type()}: ${m.text()}`);
    });
    p.on('websocket', (ws) => foreign.push(`WEBSOCKET ${ws.url()}`));
    p.on('crash', () => gone.add(p));
    if (opts.dialogs !== false) {
      p.on('dialog', (d) => {
        dialogs.push(`${d.type()}: ${d.message()}`);
        void d.dismiss();
      });
    }
  };
  for (const p of context.pages()) watch(p);
  context.on('page', watch);
  await context.route('**/*', (route) => {
    const r = route.request();
    const url = new URL(r.url());
    const ours = url.origin === origin && r.method() === 'GET' && OWN_PATH.test(url.pathname);
    if (ours) return route.fallback();
    foreign.push(`${r.method()} ${r.url()}`);
    return route.abort('blockedbyclient');
  });
  /** Runs `f` in every live page of the app and concatenates the results. */
  const inPages = async (f: () => string[]) => {
    const out: string[] = [];
    for (const p of context.pages()) {
      if (p.isClosed() || gone.has(p) || !p.url().startsWith(origin)) continue;
      out.push(...(await p.evaluate(f)));
    }
    return out;
  };
  const guard: Guard = {
    requests,
    failed,
    foreign,
    dialogs,
    consoleCsp,
    violations: async () => {
      await inPages(() => []); // a round trip to each page, so reports sent before are in
      return [...violations];
    },
    pollution: () =>
      inPages(() => {
        const changes = (window as unknown as { __protoChanges?: () => string[] }).__protoChanges;
        return changes ? changes() : ['the guard did not start in this page'];
      }),
    async expectClean() {
      expect(foreign, 'requests that left the app').toEqual([]);
      expect(dialogs, 'dialogs').toEqual([]);
      expect(await guard.violations(), 'CSP violations').toEqual([]);
      expect(consoleCsp, 'CSP / Trusted Types console errors').toEqual([]);
      expect(await guard.pollution(), 'prototype pollution').toEqual([]);
      const pwned = await inPages(() =>
        '__pwned' in window ? [String((window as { __pwned?: unknown }).__pwned)] : [],
      );
      expect(pwned, 'window.__pwned').toEqual([]);
    },
  };
  guards.set(context, guard);
  return guard;
}

/**
 * `test` with an automatic `guard` fixture that watches the page and, after the test, fails
 * it on any CSP violation, foreign request, prototype change or `window.__pwned`. Dialogs are
 * left to the test (some specs answer confirm dialogs). A spec adopts it by importing `test`
 * from here instead of from `@playwright/test`.
 */
export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ page }, use) => {
      const g = await guardPage(page, { dialogs: false });
      await use(g);
      await g.expectClean();
    },
    { auto: true },
  ],
});
