import { QueryClient } from '@tanstack/react-query'
import { createRouter, type RouterHistory } from '@tanstack/react-router'
import { ErrorPage } from '@/components/error-page'
import { parseSearch, stringifySearch } from '@/features/timeline/timeline-search'
import { routeTree } from '@/routeTree.gen'

/** The reader's router; the build's prerender gives it a memory history for each address it writes. */
export function createAppRouter(options: { history?: RouterHistory; queryClient?: QueryClient } = {}) {
  const queryClient = options.queryClient ?? new QueryClient()
  return createRouter({
    routeTree,
    basepath: import.meta.env.BASE_URL,
    ...(options.history ? { history: options.history } : {}),
    context: { queryClient },
    defaultPreload: 'intent',
    // Preloaded data lives in TanStack Query's cache; the router should not hold its own copy.
    defaultPreloadStaleTime: 0,
    defaultErrorComponent: ErrorPage,
    scrollRestoration: true,
    // Plain, readable addresses (?topic=ai,exports&from=2024-05-01) rather than JSON in the query.
    parseSearch,
    stringifySearch,
  })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>
  }
  interface HistoryState {
    /** The timeline a release was opened from, so "back to the timeline" keeps its filters. */
    timeline?: { topic?: string; search: Record<string, unknown>; shown?: number }
    /** How many releases the timeline shows ("Show more"), kept per history entry so Back restores it. */
    shown?: number
    /** What was ignored or corrected in the address the page was opened with, and in which page load (main.tsx). */
    corrected?: { notes: string[]; load: number }
  }
}
