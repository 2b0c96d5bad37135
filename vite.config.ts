// Vite build and dev-server settings for the browser game: Phaser and the AI worker stay in their own chunks.
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress.ts';

export default defineConfig({
  root: '.',
  // Brotli and gzip copies of the built files, sent as they are by the Node server (src/server/static.ts).
  plugins: [precompress()],
  // Scenario files are imported as raw text (`?raw`) through import.meta.glob; no plugin is needed for that.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Phaser alone is over a megabyte; it is loaded only when the table opens, so the warning is expected.
    chunkSizeWarningLimit: 1600,
  },
  // The AI's Web Worker (src/ui/ai-worker.ts) is a module worker: bundle it as ES, in its own chunk.
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 8080 },
});
