import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { type HistoryState, Link, useLocation } from '@tanstack/react-router'
import { useEffect, useMemo, useRef, useState } from 'react'
import { HighlightedText } from '@/components/ui/highlighted-text'
import { TopicTag } from '@/features/timeline/components/topic-tag'
import { findMatches } from '@/lib/search/highlight'
import { matchingTerms } from '@/lib/search/query'
import { searchQuery } from '@/lib/search/search-queries'
import { isWholeTimeline } from '@/features/timeline/timeline-state'
import { validateTimelineAddress } from '@/features/timeline/timeline-address'
import { useHydrated, useReadyMarker } from '@/lib/app-start'
import { topicLabel } from '@/lib/archive-facets'
import { archiveHeadQuery, articleQuery } from '@/lib/archive-queries'
import { archiveListingQuery } from '@/features/timeline/listing-query'
import { formatDate } from '@/lib/format'
import { ARTICLE_HEADING_ID } from '@/lib/page-data'
import type { ArticleLink } from '@/pipeline/types'
import { ShareButton } from './share-button'

export function ArticlePage({ slug }: { slug: string }) {
  useReadyMarker()
  const { data: article } = useSuspenseQuery(articleQuery(slug))
  // The timeline the reader came from, if any: "back" returns to it, and newer/older step through it.
  // (Kept in this tab's history, which the prerendered page cannot know: applied once hydrated.)
  const stateTimeline = useLocation({ select: (location) => location.state.timeline })
  const timeline = useHydrated() ? stateTimeline : undefined
  const timelineSearch = useMemo(() => (timeline ? validateTimelineAddress(timeline.search) : undefined), [timeline])
  // The page carries its own topics' labels; the label of the topic it was opened from is the head's.
  const head = useQuery({ ...archiveHeadQuery(), enabled: Boolean(timeline?.topic) }).data
  // From a filtered view or a search, newer/older follow it, if its listing (and search engine) are
  // still loaded; they are not fetched again just for that. Otherwise they follow the whole timeline.
  const listing = useQuery({ ...archiveListingQuery(), enabled: false }).data
  const searched = useQuery({ ...searchQuery(timelineSearch?.q ?? ''), enabled: false }).data
  const stream = useMemo(() => {
    if (!timeline || !timelineSearch || !listing) return undefined
    if (isWholeTimeline(timelineSearch, timeline.topic)) return undefined
    const hits = timelineSearch.q ? searched?.hits.ids : undefined
    if (timelineSearch.q && !hits) return undefined
    return listing.view(timelineSearch, timeline.topic, hits).articles
  }, [listing, timeline, timelineSearch, searched])
  const position = stream ? stream.findIndex((a) => a.slug === slug) : -1
  const newer = stream ? (position > 0 ? stream[position - 1] : undefined) : article.newer
  const older = stream ? (position >= 0 ? stream[position + 1] : undefined) : article.older
  const keepTimeline: HistoryState = { timeline }
  // Back to the timeline as it was left, "Show more" included.
  const backState: HistoryState = timeline?.shown ? { shown: timeline.shown } : {}
  // Opened from a search: its words are marked in the text, and the page scrolls to the first.
  const [showMatches, setShowMatches] = useState(true)
  const query = showMatches ? timelineSearch?.q : undefined
  const terms = useMemo(
    () => (query ? matchingTerms(`${article.title} ${article.paragraphs.join(' ')}`, query) : new Set<string>()),
    [query, article],
  )
  const body = useRef<HTMLDivElement>(null)
  useEffect(() => {
    body.current?.querySelector('mark')?.scrollIntoView({ block: 'center' })
  }, [slug])

  return (
    <article aria-labelledby={ARTICLE_HEADING_ID} className="mx-auto max-w-[70ch]">
      <p className="print:hidden">
        {timeline?.topic ? (
          <Link to="/topics/$topic" params={{ topic: timeline.topic }} search={timelineSearch} state={backState} className="link">
            ← Back to {head ? topicLabel(head, timeline.topic) : 'the topic'}
          </Link>
        ) : (
          <Link to="/" search={timelineSearch ?? {}} state={backState} className="link">
            ← Back to the timeline
          </Link>
        )}
      </p>
      <p className="muted mt-6 text-sm">
        {/* One text node, not three: the page is written ten thousand times. */}
        <time dateTime={article.date}>{formatDate(article.date)}</time>
        {` · ${article.categoryLabel} · ${article.readingMinutes} min read`}
      </p>
      <h1 id={ARTICLE_HEADING_ID} className="release-title">
        <HighlightedText text={article.title} ranges={findMatches(article.title, terms)} />
      </h1>
      <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2">
        {article.topics.length > 0 && (
          <ul aria-label="Topics" className="flex flex-wrap gap-1.5">
            {article.topics.map((topic, i) => (
              <li key={topic}>
                <TopicTag slug={topic} label={article.topicLabels[i] ?? topic} />
              </li>
            ))}
          </ul>
        )}
        <ShareButton title={article.title} />
      </div>
      {article.twin && (
        <aside aria-label="Companion release" className="companion">
          <p className="font-semibold">
            {article.twin.role === 'full-release' ? 'This is a photo caption. The full release:' : 'The photo caption on the same event:'}
          </p>
          <p className="mt-1">
            <RelatedLink release={article.twin} state={keepTimeline} />
          </p>
        </aside>
      )}
      {terms.size > 0 && (
        <p className="mt-6 text-sm text-slate-700 dark:text-slate-300 print:hidden">
          Words matching “{query}” are highlighted.{' '}
          <button
            type="button"
            onClick={() => {
              setShowMatches(false)
            }}
            className="font-medium link"
          >
            Hide highlights
          </button>
        </p>
      )}
      {/* The page's data leaves the paragraphs out: the app reads them from here, as it reads the
          title and the links' text (src/lib/page-data.ts). */}
      <div ref={body} data-paragraphs="" className="release-body mt-8">
        {article.paragraphs.map((paragraph, i) => (
          <p key={i}>
            <HighlightedText text={paragraph} ranges={findMatches(paragraph, terms)} />
          </p>
        ))}
      </div>
      {article.related.length > 0 && (
        <section aria-labelledby="related-heading" className="divider mt-12 print:hidden">
          <h2 id="related-heading" className="text-lg font-semibold">
            Related releases
          </h2>
          <ul className="mt-3 space-y-2">
            {article.related.map((release) => (
              <li key={release.slug}>
                <RelatedLink release={release} state={keepTimeline} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {(newer ?? older) && (
        <nav aria-label="Newer and older releases" className="divider mt-12 grid gap-4 sm:grid-cols-2 print:hidden">
          {newer ? (
            <Link to="/articles/$slug" params={{ slug: newer.slug }} state={keepTimeline} rel="prev" className="group block">
              <span className="muted text-sm">← Newer</span>
              <span className="neighbour-title">{newer.title}</span>
            </Link>
          ) : (
            <span />
          )}
          {older && (
            <Link to="/articles/$slug" params={{ slug: older.slug }} state={keepTimeline} rel="next" className="group block sm:text-right">
              <span className="muted text-sm">Older →</span>
              <span className="neighbour-title">{older.title}</span>
            </Link>
          )}
        </nav>
      )}
    </article>
  )
}

function RelatedLink({ release, state }: { release: ArticleLink; state: HistoryState }) {
  return (
    <>
      <Link to="/articles/$slug" params={{ slug: release.slug }} state={state} className="link">
        {release.title}
      </Link>{' '}
      <span className="muted">{`(${formatDate(release.date)})`}</span>
    </>
  )
}
