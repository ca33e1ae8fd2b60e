import { defineConfig } from 'vite';

// Builds the Node side: the retag CLI and the core as a library (used by the benchmark).
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: { retag: 'src/cli/main.ts', core: 'src/core/index.ts' },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
