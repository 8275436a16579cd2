import { useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate } from '@tanstack/react-router'
import { prefetchListing } from '@/features/timeline/listing-query'
import { memo, useId, useMemo, useState } from 'react'
import { topicGroups } from '@/lib/archive-facets'
import type { ArchiveHead } from '@/pipeline/types'
import { quickRanges, type TimelineView } from '@/features/timeline/timeline-view'
import { useChosenFilters } from '@/features/timeline/timeline-address'
import { completeDate, type TimelineSearch } from '@/features/timeline/timeline-search'

interface FilterPanelProps {
  head: ArchiveHead
  view: TimelineView
  pinnedTopic?: string | undefined
}

const field = 'field px-2 py-1.5'
const legend = 'text-sm font-semibold text-slate-800 dark:text-slate-200'

// Re-rendered only when the counts of its view or the filters in the address change: the next
// letter of a search usually finds the same releases, and re-renders none of the filters.
export const FilterPanel = memo(function FilterPanel({ head, view, pinnedTopic }: FilterPanelProps) {
  const search = useChosenFilters()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const startListing = () => {
    prefetchListing(queryClient)
  }
  const [open, setOpen] = useState(false)
  const panelId = useId()
  // The query, and anything else the address holds, stays as it is.
  const go = (change: Partial<TimelineSearch>) =>
    void navigate({ to: '.', search: (previous: TimelineSearch) => ({ ...previous, ...change }) })
  const selected = search.topic ?? []
  const groups = useMemo(() => topicGroups(head), [head])
  // Depends on the archive only: computed once, not on every click or keystroke.
  const ranges = useMemo(() => quickRanges(head), [head])
  const { newest, oldest } = head

  return (
    // The whole listing, which every filter needs, starts loading as soon as the reader reaches for one.
    <aside aria-label="Filters" onPointerEnter={startListing} onFocus={startListing} className="mb-6 lg:mb-0">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen(!open)
        }}
        className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium lg:hidden dark:border-slate-500"
      >
        {open ? 'Hide filters' : 'Show filters'}
      </button>
      <div id={panelId} className={`${open ? 'mt-4 block' : 'hidden'} space-y-6 lg:block`}>
        <div>
          <label htmlFor={`${panelId}-category`} className={legend}>
            Category
          </label>
          <select
            id={`${panelId}-category`}
            name="category"
            value={search.category ?? ''}
            onChange={(event) => {
              go({ category: event.target.value || undefined })
            }}
            className={`${field} mt-1 block w-full`}
          >
            <option value="">All categories</option>
            {head.categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.label} ({view.categoryCounts.get(c.slug) ?? 0})
              </option>
            ))}
          </select>
        </div>

        <fieldset>
          <legend className={legend}>Date</legend>
          <div className="mt-1 grid grid-cols-2 gap-2">
            {(['from', 'to'] as const).map((edge) => (
              <DateField
                key={edge}
                name={edge}
                label={edge === 'from' ? 'From' : 'To'}
                value={search[edge]}
                min={oldest}
                max={newest}
                onCommit={(value) => {
                  go({ [edge]: value })
                }}
              />
            ))}
          </div>
          <ul aria-label="Quick date ranges" className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-sm">
            {ranges.map((range) => {
              const current = search.from === range.from && search.to === range.to
              return (
                <li key={range.label}>
                  <Link
                    to="."
                    search={(previous: TimelineSearch) => ({ ...previous, from: range.from, to: range.to })}
                    aria-current={current ? 'true' : undefined}
                    className="text-blue-700 underline hover:no-underline aria-[current]:font-semibold aria-[current]:no-underline dark:text-blue-300"
                  >
                    {range.label}
                  </Link>
                </li>
              )
            })}
          </ul>
        </fieldset>

        <fieldset>
          <legend className={legend}>Topics</legend>
          <p className="muted text-xs">Releases on all the topics you tick</p>
          {groups.map((group) => {
            const topics = head.topics.filter(
              (t) => t.group === group && t.slug !== pinnedTopic && (selected.includes(t.slug) || view.topicCounts.has(t.slug)),
            )
            if (topics.length === 0) return null
            return (
              <div key={group} className="mt-3">
                <p className="text-xs font-medium tracking-wide text-slate-600 uppercase dark:text-slate-400">{group}</p>
                <ul className="mt-1">
                  {topics.map((topic) => {
                    const checked = selected.includes(topic.slug)
                    return (
                      <li key={topic.slug}>
                        <label className="flex min-h-7 items-center gap-2 text-sm">
                          <input
                            type="checkbox"
                            name="topic"
                            value={topic.slug}
                            checked={checked}
                            onChange={() => {
                              const next = checked ? selected.filter((s) => s !== topic.slug) : [...selected, topic.slug]
                              go({ topic: next.length ? next : undefined })
                            }}
                            className="size-4 shrink-0 accent-blue-700"
                          />
                          <span className="py-0.5">{topic.label}</span>
                          <span className="ml-auto text-slate-600 tabular-nums dark:text-slate-400">
                            {view.topicCounts.get(topic.slug) ?? 0}
                          </span>
                        </label>
                      </li>
                    )
                  })}
                </ul>
              </div>
            )
          })}
        </fieldset>
      </div>
    </aside>
  )
}, sameCounts)

/** Whether the panel would show the same: the same archive, pinned topic and counts (all it reads of the view). */
function sameCounts(a: FilterPanelProps, b: FilterPanelProps): boolean {
  const same = (x: ReadonlyMap<string, number>, y: ReadonlyMap<string, number>) =>
    x === y || (x.size === y.size && [...x].every(([slug, n]) => y.get(slug) === n))
  return (
    a.head === b.head &&
    a.pinnedTopic === b.pinnedTopic &&
    same(a.view.topicCounts, b.view.topicCounts) &&
    same(a.view.categoryCounts, b.view.categoryCounts)
  )
}

interface DateFieldProps {
  /** The address parameter it sets. */
  name: 'from' | 'to'
  label: string
  value: string | undefined
  min: string | undefined
  max: string | undefined
  onCommit: (value: string | undefined) => void
}

/**
 * A date input that changes the address only once a whole date is typed: while the year is being
 * keyed in digit by digit, the browser reports years like 0002 and 0020, which are not filters.
 */
function DateField({ name, label, value, min, max, onCommit }: DateFieldProps) {
  const [draft, setDraft] = useState(value ?? '')
  const [committed, setCommitted] = useState(value)
  if (value !== committed) {
    setCommitted(value)
    setDraft(value ?? '')
  }
  const commit = (next: string) => {
    if (next === '' && value !== undefined) onCommit(undefined)
    else if (next !== value && Number(next.slice(0, 4)) >= 1000 && completeDate(next, 'from') === next) onCommit(next)
  }
  return (
    <label className="text-sm text-slate-700 dark:text-slate-300">
      {label}
      <input
        type="date"
        name={name}
        value={draft}
        min={min}
        max={max}
        onChange={(event) => {
          setDraft(event.target.value)
          commit(event.target.value)
        }}
        onBlur={() => {
          commit(draft)
        }}
        className={`${field} mt-1 block w-full text-sm`}
      />
    </label>
  )
}
