// Vite build for the staff console. The server serves dist/ with an SPA fallback, so every client route
// must resolve from base '/'. In development, /api is proxied to a locally running `qunyun serve`.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd makes up most of the single bundle; for a staff console that is loaded once per session this is
    // acceptable, so the warning threshold sits just above it instead of splitting chunks by hand.
    chunkSizeWarningLimit: 1600,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
    },
  },
});
