// The Content-Security-Policy retag ships (see ../shared/reliability.md §4). One source for the
// preview server's header (vite.config.ts), the <meta> in the built index.html, public/_headers
// (checked by e2e/csp.spec.ts) and the e2e tests.

/** Directives, in order: [name, ...sources]. */
const DIRECTIVES = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self'", 'data:', 'blob:'],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'", 'blob:'],
  ['manifest-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
  ['require-trusted-types-for', "'script'"],
  ['trusted-types', 'default'],
];

/** Directives a <meta> policy cannot carry (the browser ignores them there, with a warning). */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);

const join = (list) => list.map((d) => d.join(' ')).join('; ');

/** The policy as an HTTP header value. */
export const CSP_HEADER = join(DIRECTIVES);

/** The policy for <meta http-equiv="Content-Security-Policy"> (no frame-ancestors). */
export const CSP_META = join(DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name)));
