import { useLocation } from '@tanstack/react-router'
import { facets } from 'virtual:archive'
import { parseSearch, readTimelineSearch, type TimelineSearch } from './timeline-search'

const known = { topics: new Set(facets.topics), categories: new Set(facets.categories), successors: facets.successors }

/** The topics a former topic slug (renamed or split) leads to; undefined for any other slug. */
export function successorTopics(slug: string): readonly string[] | undefined {
  return Object.hasOwn(facets.successors, slug) ? facets.successors[slug] : undefined
}

/**
 * The route's `validateSearch`. The router merges the raw search with what this returns, so every
 * key it was given comes back, rejected ones as undefined, or they would linger in the address.
 */
export function validateTimelineSearch(raw: Record<string, unknown>): TimelineSearch {
  const cleared = Object.fromEntries(Object.keys(raw).map((key) => [key, undefined]))
  const { search } = readTimelineSearch(raw, known)
  return { ...cleared, q: undefined, topic: undefined, category: undefined, from: undefined, to: undefined, sort: undefined, ...search }
}

// The address the page was opened with. On its first render the router replaces it with the
// address of what it shows (validated search); this keeps what the reader actually typed or pasted.
const opened = typeof window === 'undefined' ? { pathname: '', search: '' } : { pathname: window.location.pathname, search: window.location.search }
let openedCorrections: string[] | undefined

/**
 * What was ignored or corrected in the address the page was opened with, to show the reader on
 * that page (the first history entry). Links inside the reader always write clean addresses.
 */
export function useAddressCorrections(): string[] {
  const onOpenedEntry = useLocation({
    select: (location) => location.state.__TSR_index === 0 && location.pathname === opened.pathname,
  })
  if (!onOpenedEntry) return []
  openedCorrections ??= readTimelineSearch(parseSearch(opened.search), known).corrections
  return openedCorrections
}
