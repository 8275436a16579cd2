import { fileURLToPath } from 'node:url'
import tailwindcss from '@tailwindcss/vite'
import { tanstackRouter } from '@tanstack/router-plugin/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { basePathOf } from './scripts/static-host.ts'
import { archivePlugin } from './scripts/build/vite-plugin-archive.ts'

// Where the site is deployed: BASE_PATH for a sub-path (`/reader/`), SITE_URL for the absolute
// addresses that link previews, feeds and the sitemap need. Both default to `npm start`'s server.
const basePath = basePathOf(process.env)
const siteUrl = (process.env.SITE_URL ?? 'http://localhost:4173').replace(/\/+$/, '')

export default defineConfig({
  base: basePath,
  plugins: [
    // The router plugin must run before React's, so route files are split before JSX is compiled.
    tanstackRouter({
      target: 'react',
      autoCodeSplitting: true,
      // The timeline is the first screen of most visits: its code ships in the entry chunk, which
      // compresses better as one file and needs no second round trip. Other pages load on demand.
      codeSplittingOptions: { splitBehavior: ({ routeId }) => (routeId === '/' ? [] : undefined) },
    }),
    react(),
    tailwindcss(),
    archivePlugin({ siteUrl }),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  // Every browser the reader supports preloads modules itself.
  build: {
    modulePreload: { polyfill: false },
    // React, the router and Query in a chunk of their own: its address changes only when they do,
    // so a new deploy of the reader's code leaves it cached, and the first load is 300 bytes
    // smaller than rolldown's default split (measured on the seed, `npm run bench`).
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] } } },
  },
  server: {
    port: 5173,
    // The bench's archives and builds (.tmp/, 100,000 files at 100k) are no source of the app's.
    watch: { ignored: ['**/.tmp/**', '**/bench-results/**'] },
  },
})
