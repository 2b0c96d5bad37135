// Vite build and dev-server settings for the browser game: Phaser and the AI worker stay in their own chunks; the
// game installs as an app and plays offline once visited (a precaching service worker, vite-plugin-pwa).
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompress } from './scripts/precompress.ts';
import { scenarioLive } from './scripts/scenario-live.ts';
import { scenarioModules } from './scripts/scenario-modules.ts';

export default defineConfig({
  root: '.',
  // public/ (the icons, drawn by scripts/make-icons.ts) is copied into dist/ as it is.
  publicDir: 'public',
  plugins: [
    // Bundled scenarios are validated here, at build time: the page gets each one as JSON (or its errors).
    scenarioModules(),
    VitePWA({
      // A new version waits until every tab of the old one is closed: a game in progress keeps the files it
      // started with (its lazy chunks, Phaser included, stay in the old cache until then).
      registerType: 'prompt',
      // registerSW.js, a deferred file of its own: the server's Content-Security-Policy allows no inline script.
      injectRegister: 'script-defer',
      includeAssets: ['icons/icon.svg', 'icons/apple-touch-icon-180.png'],
      manifest: {
        id: '/',
        name: 'Shuttle Diplomacy',
        short_name: 'Shuttle Diplomacy',
        description: 'Shuttle Diplomacy: a negotiation game for the classroom.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#eef1f4',
        theme_color: '#14202b',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        // Everything a solo or hot-seat game needs: the page, every chunk (Phaser, the AI worker, the scenarios,
        // which are bundled into the scripts), the styles and the icons. Not the .br/.gz copies.
        globPatterns: ['**/*.{html,js,css,svg,png,webmanifest}'],
        // The scenario lab (#/lab) is a designers' tool: its chunks (Chart.js, its games worker) load on demand only.
        globIgnores: ['**/scenario-lab-*', '**/lab-chart-*', '**/lab-games-worker-*'],
        // Phaser's chunk is about 1.4 MB.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        // Any address of the app (?seed=…, ?test=1) opens the page offline; the health check always asks the server.
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/healthz/, /^\/teachers\//],
        cleanupOutdatedCaches: true,
      },
    }),
    // Brotli and gzip copies of the built files, sent as they are by the Node server (src/server/static.ts).
    precompress(),
    // During `npm run dev`, scenario files are validated as they are saved; errors show in Vite's overlay.
    scenarioLive(),
  ],
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
