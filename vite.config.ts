import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CSP_HEADER, CSP_META } from './scripts/csp.mjs';

/**
 * Puts the Content-Security-Policy into the built index.html as a <meta>, for static hosts
 * that cannot send headers (a <meta> cannot carry frame-ancestors; public/_headers and the
 * preview server send the full header). Build only: the dev server injects inline scripts
 * and styles (HMR, React Refresh) that the policy would block.
 */
function cspMeta(): Plugin {
  return {
    name: 'retag-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const charset = /<meta charset="UTF-8" \/>\n?/i;
        if (!charset.test(html))
          throw new Error('index.html: no <meta charset> to put the CSP after');
        if (CSP_META.includes('"')) throw new Error('CSP_META must not hold a double quote');
        return html.replace(
          charset,
          (m) => `${m}    <meta http-equiv="Content-Security-Policy" content="${CSP_META}" />\n`,
        );
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), cspMeta()],
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  preview: {
    port: 4173,
    strictPort: true,
    // What a host should send (public/_headers holds the same for Netlify/Cloudflare Pages).
    headers: {
      'Content-Security-Policy': CSP_HEADER,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  },
});
