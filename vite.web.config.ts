import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

// PORT picks the port (and then insists on it); otherwise Vite's 5173 or the next free one.
const envPort = process.env.PORT ? Number(process.env.PORT) : undefined;
const server = { host: '127.0.0.1', port: envPort ?? 5173, strictPort: envPort !== undefined };

/** Web mode: the same renderer, with the engine in a Web Worker instead of Electron's utility process. */
export default defineConfig({
  root: fromRoot('src/renderer'),
  plugins: [react()],
  server,
  preview: server,
  worker: { format: 'es' },
  optimizeDeps: {
    // Found up front, so the first page load does not stop to re-bundle and reload.
    include: [
      'react',
      'react/jsx-dev-runtime',
      'react-dom/client',
      'zustand',
      'zustand/vanilla',
      'zod',
      'jsonc-parser',
    ],
  },
  build: {
    outDir: fromRoot('dist-web'),
    emptyOutDir: true,
  },
});
