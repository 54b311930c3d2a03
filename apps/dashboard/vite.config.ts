import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  plugins: [react()],
  // @qiangji/domain is a CommonJS workspace package reached through a symlink; Vite only pre-bundles (and so
  // converts to ESM) packages under node_modules unless told, and the browser cannot import CommonJS.
  optimizeDeps: { include: ['@qiangji/domain'] },
  server: {
    proxy: { '/graphql': 'http://127.0.0.1:4000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // react-admin with MUI is about 1 MB minified on its own; the dashboard is an internal tool loaded once per
    // session, so splitting it buys nothing and the default 500 kB warning would only be noise.
    chunkSizeWarningLimit: 2000,
  },
});
