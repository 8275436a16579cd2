import { memo } from 'react'
import { HighlightedText } from '@/components/ui/highlighted-text'
import { QuietLink } from '@/components/ui/quiet-link'
import { TopicTag } from '@/features/timeline/components/topic-tag'
import { topicLabel } from '@/lib/archive-facets'
import { formatDate } from '@/lib/format'
import type { Marked } from '@/lib/search/highlight'
import type { ArchiveHead, ArticleSummary } from '@/pipeline/types'
import type { TimelineSearch } from '@/features/timeline/timeline-search'

interface TimelineEntryProps {
  article: ArticleSummary
  head: ArchiveHead
  search: TimelineSearch
  pinnedTopic?: string | undefined
  /** How many releases the timeline shows, so "back to the timeline" shows as many again. */
  shown?: number | undefined
  /** With a search: what the release matched, marked (the excerpt shown is the part of its body around the best match). */
  marked?: Marked | undefined
}

// Re-rendered only when what it shows changes: a key typed in the search box re-renders none.
export const TimelineEntry = memo(function TimelineEntry({ article, head, search, pinnedTopic, shown, marked }: TimelineEntryProps) {
  const category = head.categories.find((c) => c.slug === article.category)
  return (
    <li className="py-5">
      <p className="muted text-sm">
        <time dateTime={article.date}>{formatDate(article.date)}</time>
        {category && <> · {category.label}</>}
        {article.twin && <> · has a companion release</>}
      </p>
      <h3 className="mt-1 text-lg leading-snug font-semibold">
        <QuietLink
          options={{
            to: '/articles/$slug',
            params: { slug: article.slug },
            state: { timeline: { ...(pinnedTopic ? { topic: pinnedTopic } : {}), search: { ...search }, ...(shown ? { shown } : {}) } },
          }}
          data-timeline-entry=""
          className="title-link"
        >
          <HighlightedText text={article.title} ranges={marked?.title ?? []} />
        </QuietLink>
      </h3>
      <p className="mt-1 max-w-prose text-slate-700 dark:text-slate-300">
        {marked ? <HighlightedText text={marked.excerpt.text} ranges={marked.excerpt.ranges} /> : article.excerpt}
      </p>
      {article.topics.length > 0 && (
        <ul aria-label="Topics" className="mt-2 flex flex-wrap gap-1.5">
          {article.topics.map((slug) => (
            <li key={slug}>
              <TopicTag slug={slug} label={topicLabel(head, slug)} search={search} />
            </li>
          ))}
        </ul>
      )}
    </li>
  )
})
