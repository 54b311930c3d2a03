import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  plugins: [react()],
  // @qiangji/domain is a CommonJS workspace package reached through a symlink; Vite only pre-bundles (and so
  // converts to ESM) packages under node_modules unless told, and the browser cannot import CommonJS.
  optimizeDeps: { include: ['@qiangji/domain', '@qiangji/domain/forms'] },
  server: {
    proxy: { '/graphql': 'http://127.0.0.1:4000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Each page is a chunk of its own (features/feature.ts, lazyPage), so no chunk should come near Vite's
    // 500 kB warning; one that does has pulled a page into the sign-in form's chunk. ECharts (the command view's
    // map and sparklines, issue 13) is larger than that alone: its renderer and its charts are two chunks, both
    // loaded with the command view only.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'zrender', test: /node_modules[\\/]zrender[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/]echarts[\\/]/ },
          ],
        },
      },
    },
  },
});
