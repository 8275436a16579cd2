import { memo } from 'react'
import { Link } from '@tanstack/react-router'
import { topicLabel } from '@/lib/archive-facets'
import { formatDate } from '@/lib/format'
import type { ArchiveHead } from '@/pipeline/types'
import type { TimelineSearch } from '@/features/timeline/timeline-search'

/** The filters in force, each removable in one click, and all of them at once. */
// Re-rendered only when what it shows changes: a key typed in the search box re-renders none.
export const ActiveFilters = memo(function ActiveFilters({ head, search }: { head: ArchiveHead; search: TimelineSearch }) {
  const chips: { key: string; label: string; without: TimelineSearch }[] = []
  for (const slug of search.topic ?? []) {
    const rest = search.topic?.filter((t) => t !== slug)
    chips.push({
      key: `topic-${slug}`,
      label: `Topic: ${topicLabel(head, slug)}`,
      without: { ...search, topic: rest?.length ? rest : undefined },
    })
  }
  if (search.category) {
    const label = head.categories.find((c) => c.slug === search.category)?.label ?? search.category
    chips.push({ key: 'category', label: `Category: ${label}`, without: { ...search, category: undefined } })
  }
  if (search.from) chips.push({ key: 'from', label: `From ${formatDate(search.from)}`, without: { ...search, from: undefined } })
  if (search.to) chips.push({ key: 'to', label: `Until ${formatDate(search.to)}`, without: { ...search, to: undefined } })
  if (chips.length === 0) return null

  return (
    <nav aria-label="Active filters" className="mt-3">
      <ul className="flex flex-wrap items-center gap-2">
        {chips.map((chip) => (
          <li key={chip.key}>
            <Link
              to="."
              search={chip.without}
              aria-label={`Remove filter ${chip.label}`}
              className="inline-flex items-center gap-1.5 rounded-full bg-blue-50 px-3 py-1 text-sm text-blue-900 hover:bg-blue-100 dark:bg-blue-950 dark:text-blue-100 dark:hover:bg-blue-900"
            >
              {chip.label}
              <span aria-hidden="true">×</span>
            </Link>
          </li>
        ))}
        {chips.length > 1 && (
          <li>
            <Link to="." search={{}} className="text-sm font-medium link">
              Clear all
            </Link>
          </li>
        )}
      </ul>
    </nav>
  )
})
