import type { QueryClient } from '@tanstack/react-query'
import { createRootRouteWithContext, HeadContent, Link, Outlet } from '@tanstack/react-router'
import { NotFoundPage } from '@/components/not-found-page'

export const Route = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  head: () => ({ meta: [{ title: 'MOTIE press releases' }] }),
  component: RootLayout,
  notFoundComponent: () => <NotFoundPage />,
})

function RootLayout() {
  return (
    <>
      <HeadContent />
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-blue-800"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 dark:border-slate-800">
        <div className="mx-auto flex max-w-3xl items-baseline justify-between gap-4 px-4 py-4">
          <Link to="/" className="font-semibold tracking-tight hover:underline">
            MOTIE press releases
          </Link>
          <span className="text-sm text-slate-600 dark:text-slate-400">Korea's Ministry of Trade, Industry and Energy</span>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-8 focus:outline-none">
        <Outlet />
      </main>
      <footer className="mx-auto max-w-3xl px-4 pb-10 text-sm text-slate-600 dark:text-slate-400">
        Texts as published in English by the Ministry of Trade, Industry and Energy.
      </footer>
    </>
  )
}
