import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        // The engine host is built with main but runs in its own utility process.
        input: { index: fromRoot('src/main/index.ts'), engine: fromRoot('src/engine/node-entry.ts') },
      },
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: fromRoot('src/preload/index.ts') },
        // Sandboxed preloads cannot be ES modules; .cjs keeps Node from reading it as one.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: fromRoot('src/renderer'),
    plugins: [react()],
    worker: { format: 'es' },
    build: {
      rolldownOptions: { input: fromRoot('src/renderer/index.html') },
    },
  },
});
