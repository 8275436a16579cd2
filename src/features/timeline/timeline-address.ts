// The timeline's address in this archive: its search read against the archive's own topics and
// categories (timeline-search.ts holds the rules, as pure functions), and what was corrected in
// the address the page was opened with.
import { useLocation } from '@tanstack/react-router'
import { useMemo } from 'react'
import { facets } from 'virtual:archive'
import { parseSearch, readTimelineSearch, type TimelineSearch, validateTimelineSearch } from './timeline-search'

const known = { topics: new Set(facets.topics), categories: new Set(facets.categories), successors: facets.successors }

/** The topics a former topic slug (renamed or split) leads to; undefined for any other slug. */
export function successorTopics(slug: string): readonly string[] | undefined {
  return Object.hasOwn(facets.successors, slug) ? facets.successors[slug] : undefined
}

/** The timeline routes' `validateSearch` (see validateTimelineSearch). */
export function validateTimelineAddress(raw: Record<string, unknown>): TimelineSearch {
  return validateTimelineSearch(raw, known)
}

/** What was ignored or corrected in an address's search (`?from=banana`), in the reader's words. */
export function correctionsOf(search: string): string[] {
  return readTimelineSearch(parseSearch(search), known).corrections
}

/**
 * The filters of the address being loaded, without the query: the filter controls show the
 * reader's choice at once, while the list and its counts follow when their data is there (the
 * first filter fetches the whole listing), and a key typed in the search box changes nothing here.
 */
export function useChosenFilters(): TimelineSearch {
  const chosen = useLocation({ select: (location) => JSON.stringify({ ...location.search, q: undefined }) })
  return useMemo(() => validateTimelineAddress(JSON.parse(chosen) as Record<string, unknown>), [chosen])
}

const none: string[] = []

/**
 * What was corrected in the address the page was opened with, on its history entry and in this
 * page load only (main.tsx writes them into the entry's state once the app has started, with the
 * load's time origin; a reload keeps the state but is a load of the clean address). Links inside
 * the reader always write clean addresses.
 */
export function useAddressCorrections(): string[] {
  return (
    useLocation({ select: ({ state }) => (state.corrected?.load === performance.timeOrigin ? state.corrected.notes : undefined) }) ?? none
  )
}

/** The history state that useAddressCorrections reads, for this page load. */
export function correctedState(notes: string[]) {
  return { notes, load: performance.timeOrigin }
}
