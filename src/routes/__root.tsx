import type { QueryClient } from '@tanstack/react-query'
import { createRootRouteWithContext, HeadContent, Link, Outlet, useLocation } from '@tanstack/react-router'
import { useEffect, useRef } from 'react'
import { KeyboardShortcuts } from '@/components/keyboard-shortcuts'
import { NotFoundPage } from '@/components/not-found-page'
import { ThemeSwitch } from '@/components/theme-switch'

export const Route = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  head: () => ({ meta: [{ title: 'MOTIE press releases' }] }),
  component: RootLayout,
  notFoundComponent: () => <NotFoundPage />,
})

const navLink =
  'rounded px-1 text-slate-700 hover:text-blue-800 aria-[current=page]:font-semibold aria-[current=page]:text-slate-950 dark:text-slate-300 dark:hover:text-blue-200 dark:aria-[current=page]:text-white'

function RootLayout() {
  useFocusOnNewPage()
  return (
    <>
      <HeadContent />
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-20 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-blue-800"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 dark:border-slate-800 print:border-0">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
          <Link to="/" className="font-semibold tracking-tight">
            MOTIE press releases
          </Link>
          <div className="flex items-center gap-5 print:hidden">
            <nav aria-label="Main">
              <ul className="flex gap-4 text-sm">
                <li>
                  <Link to="/" activeOptions={{ exact: true, includeSearch: false }} className={navLink}>
                    Timeline
                  </Link>
                </li>
                <li>
                  <Link to="/topics" className={navLink}>
                    Topics
                  </Link>
                </li>
              </ul>
            </nav>
            <ThemeSwitch />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        <Outlet />
      </main>
      <footer className="mx-auto flex max-w-6xl flex-wrap justify-between gap-4 border-t border-slate-200 px-4 py-6 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400 print:hidden">
        <p>English press releases of Korea’s Ministry of Trade, Industry and Energy, as published.</p>
        <KeyboardShortcuts />
      </footer>
    </>
  )
}

/**
 * On a new page (another path, not a filter change), focus moves to the main content, as a full
 * page load would put a screen reader there; the scroll position is the router's to restore.
 */
function useFocusOnNewPage() {
  const pathname = useLocation({ select: (location) => location.pathname })
  const previous = useRef(pathname)
  useEffect(() => {
    if (previous.current === pathname) return
    previous.current = pathname
    document.getElementById('main')?.focus({ preventScroll: true })
  }, [pathname])
}
