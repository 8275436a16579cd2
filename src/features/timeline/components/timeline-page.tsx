import { keepPreviousData, useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { Link, useLocation } from '@tanstack/react-router'
import { useDeferredValue, useMemo } from 'react'
import { archiveHeadQuery } from '@/lib/archive-queries'
import { archiveListingQuery, prefetchListing } from '@/features/timeline/listing-query'
import { formatNumber } from '@/lib/format'
import { searchEngineQuery, searchQuery } from '@/lib/search/search-queries'
import { searchViewQuery } from '@/features/timeline/search-view-query'
import { isFiltered, latestView } from '@/features/timeline/timeline-view'
import { useHydrated, useReadyMarker } from '@/lib/app-start'
import { useSettledText } from '@/lib/use-settled-text'
import type { TimelineSearch } from '@/features/timeline/timeline-search'
import { ActiveFilters } from './active-filters'
import { FilterPanel } from './filter-panel'
import { SearchBox } from './search-box'
import { AddressCorrections, TimelineHeading } from './timeline-heading'
import { TimelineEntry } from './timeline-entry'
import { useResultMarks } from './use-result-marks'
import { useShowMore } from './use-show-more'
import { useTimelineQuery } from './use-timeline-query'
import { needsListing, timelineGroups, timelineSource, timelineStatus, timelineView } from '../timeline-state'
import { TIMELINE_PAGE_SIZE } from '@/pipeline/archive-files'

const ANNOUNCE_AFTER_TYPING_MS = 600

/** The value, the same object as long as its JSON is the same. */
function useSameValue<T>(value: T): T {
  const json = JSON.stringify(value)
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the JSON is what the value is.
  return useMemo(() => value, [json])
}

/** Releases rendered at a time: long timelines grow by "Show more", so a click never re-renders thousands. */
const PAGE_SIZE = TIMELINE_PAGE_SIZE

interface TimelinePageProps {
  search: TimelineSearch
  /** On a topic's page, its slug: the timeline always shows that topic. */
  pinnedTopic?: string
}

export function TimelinePage({ search: address, pinnedTopic }: TimelinePageProps) {
  useReadyMarker()
  const { data: head } = useSuspenseQuery(archiveHeadQuery())
  const queryClient = useQueryClient()
  // "Show more" lives in this tab's history, which the prerendered page cannot know: applied once hydrated.
  const shownInHistory = useLocation({ select: (location) => location.state.shown })
  const alone = !needsListing(address, pinnedTopic)
  const typed = useTimelineQuery(address, alone)
  // The page follows the box in a render the next key may interrupt: a key re-renders the box alone.
  const q = useDeferredValue(typed.query)
  // A query typed ahead of the address starts at the first page, as its address will.
  const shown = (useHydrated() && q === address.q ? shownInHistory : undefined) ?? PAGE_SIZE
  // The list shows the answer it has: a key typed changes nothing in it until the answer comes.
  const filters = useSameValue({ ...address, q: undefined })
  // The whole listing, when the source is the listing, has been fetched by the route's loader (or
  // "Show more") before this renders; once loaded, it serves a search alone too.
  // The newest releases, as a view: what the head alone shows, worked out once per archive.
  const latest = useMemo(() => latestView(head), [head])
  const source = timelineSource({ ...address, q }, pinnedTopic, shown, head)
  const listing = useQuery({ ...archiveListingQuery(), enabled: source === 'listing' }).data
  const fromSearch = source === 'search' && !listing
  // The search engine starts only once there is something to search: the timeline never waits for
  // it. While the next letter's answer is on its way, the last answer stays on screen.
  const engine = useQuery({ ...searchEngineQuery(), enabled: Boolean(q) })
  const searched = useQuery({ ...searchQuery(q ?? ''), enabled: Boolean(q) && !fromSearch, placeholderData: keepPreviousData })
  const searchedView = useQuery({
    ...searchViewQuery(q ?? '', address.sort, shown),
    enabled: fromSearch,
    placeholderData: keepPreviousData,
  })
  // An answer is shown in a render that the next key may interrupt, so typing never waits for it.
  const answer = useDeferredValue(q ? (fromSearch ? searchedView.data?.found : searched.data) : undefined)
  const answerView = useDeferredValue(fromSearch ? searchedView.data?.view : undefined)
  const result = q ? answer : undefined
  const hits = result?.hits.ids
  const search = useMemo(() => (result ? { ...filters, q: result.query } : filters), [filters, result])
  const view = useMemo(
    () => timelineView({ source, query: q, addressQuery: address.q, latest, listing, searchView: answerView, search, pinnedTopic, hits }),
    [source, q, address.q, latest, listing, answerView, search, pinnedTopic, hits],
  )
  const byRelevance = Boolean(hits) && search.sort !== 'date'
  const visible = useMemo(() => view?.articles.slice(0, shown) ?? [], [view, shown])
  const months = useMemo(() => timelineGroups(visible, byRelevance), [visible, byRelevance])
  const matches = useResultMarks(result, engine.data, view, visible)
  const waiting = !view
  const topic = head.topics.find((t) => t.slug === pinnedTopic)
  const total = topic ? topic.count : head.total
  const filtered = isFiltered(search)
  const found = view?.total ?? 0
  const count = timelineStatus({
    failed: engine.isError || searched.isError || searchedView.isError,
    found: view?.total,
    query: q,
    answeredQuery: result?.query,
    byRelevance,
    filtered,
    total,
  })
  const announced = useSettledText(count, q ? ANNOUNCE_AFTER_TYPING_MS : 0)

  const showMore = useShowMore({ query: fromSearch ? q : undefined, sort: address.sort, shown, visible: visible.length })

  return (
    <div className="lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-10">
      <FilterPanel head={head} view={view ?? latest} pinnedTopic={pinnedTopic} />
      <section aria-labelledby="timeline-heading" className="min-w-0">
        <TimelineHeading topic={topic} />
        <AddressCorrections />
        <SearchBox typed={typed} sort={address.sort} />
        <p data-result-count="" aria-hidden="true" className="muted mt-3">
          {count}
        </p>
        {/* Screen readers hear the count once typing pauses, not after every letter. */}
        <p role="status" className="sr-only">
          {announced}
        </p>
        <ActiveFilters head={head} search={search} />
        {waiting ? null : found === 0 ? (
          <EmptyResult filtered={filtered} onTopicPage={Boolean(topic)} />
        ) : (
          months.map((group) => (
            <section key={group.month} aria-labelledby={`month-${group.month}`} className="mt-8">
              {group.label ? (
                <h2
                  id={`month-${group.month}`}
                  className="sticky top-0 z-[1] border-b border-slate-200 bg-white/95 py-2 text-sm font-semibold tracking-wide text-slate-600 uppercase backdrop-blur dark:border-slate-800 dark:bg-slate-950/95 dark:text-slate-400"
                >
                  {group.label}
                </h2>
              ) : (
                <h2 id={`month-${group.month}`} className="sr-only">
                  Search results
                </h2>
              )}
              <ol className="divide-y divide-slate-200 dark:divide-slate-800">
                {group.articles.map((article) => (
                  <TimelineEntry
                    key={article.slug}
                    article={article}
                    head={head}
                    search={search}
                    pinnedTopic={pinnedTopic}
                    marked={matches.get(article.slug)}
                    shown={shown > PAGE_SIZE ? shown : undefined}
                  />
                ))}
              </ol>
            </section>
          ))
        )}
        {!waiting && found > visible.length && (
          <p className="mt-8 text-center">
            <button
              type="button"
              // The listing beyond the head comes on first use; hovering or focusing the button starts it.
              onPointerEnter={() => {
                prefetchListing(queryClient)
              }}
              onFocus={() => {
                prefetchListing(queryClient)
              }}
              onClick={() => void showMore()}
              className="btn px-4 py-2"
            >
              Show {Math.min(PAGE_SIZE, found - visible.length)} more of the {formatNumber(found - visible.length)} left
            </button>
          </p>
        )}
      </section>
    </div>
  )
}

function EmptyResult({ filtered, onTopicPage }: { filtered: boolean; onTopicPage: boolean }) {
  return (
    <div className="mt-8 rounded-md border border-dashed border-slate-300 p-6 dark:border-slate-700">
      <h2 className="font-semibold">No release matches</h2>
      <p className="mt-1 text-slate-700 dark:text-slate-300">
        {filtered
          ? 'No release carries all of the filters above together. Remove one of them, or clear them all.'
          : onTopicPage
            ? 'No release is tagged with this topic yet.'
            : 'This archive holds no releases yet.'}
      </p>
      {filtered && (
        <Link to="." search={{}} className="mt-3 inline-block font-medium link">
          Clear all filters
        </Link>
      )}
    </div>
  )
}
