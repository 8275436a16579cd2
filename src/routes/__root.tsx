import type { QueryClient } from '@tanstack/react-query'
import { createRootRouteWithContext, HeadContent, Link, Outlet, useLocation } from '@tanstack/react-router'
import { useEffect, useRef } from 'react'
import { KeyboardShortcuts } from '@/components/keyboard-shortcuts'
import { NotFoundPage } from '@/components/not-found-page'
import { ThemeSwitch } from '@/components/theme-switch'
import { pageTitle, SITE_NAME } from '@/lib/site'

export const Route = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  head: () => ({ meta: [{ title: pageTitle() }] }),
  component: RootLayout,
  notFoundComponent: () => <NotFoundPage />,
})

const navLink = 'nav-link'

function RootLayout() {
  useFocusOnNewPage()
  return (
    <>
      {/* A prerendered page's head is written by the build from these same head()s (scripts/build/prerender.ts),
          so the server render leaves it out; in the browser React keeps it up to date. */}
      {import.meta.env.SSR ? null : <HeadContent />}
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-bar">
          <Link to="/" className="font-semibold tracking-tight">
            {SITE_NAME}
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
      <main id="main" tabIndex={-1} className="site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
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
