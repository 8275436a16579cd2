import { fileURLToPath } from 'node:url'
import tailwindcss from '@tailwindcss/vite'
import { tanstackRouter } from '@tanstack/router-plugin/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { archivePlugin } from './scripts/vite-plugin-archive.ts'

export default defineConfig({
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
    archivePlugin(),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
})
