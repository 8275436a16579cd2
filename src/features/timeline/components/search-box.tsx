import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useId } from 'react'
import { searchEngineQuery } from '@/lib/search/search-queries'
import type { TimelineSearch } from '@/features/timeline/timeline-search'
import type { TimelineQuery } from './use-timeline-query'

/**
 * The search field. Its text is the page's query as the reader types it (`useTimelineQuery`),
 * which the address takes once typing pauses, the box is left or Enter is pressed.
 */
export function SearchBox({ typed, sort }: { typed: TimelineQuery; sort: 'date' | undefined }) {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const id = useId()
  const warm = () => {
    queryClient.query(searchEngineQuery()).catch(() => undefined)
  }

  return (
    <form
      role="search"
      aria-label="Releases"
      onSubmit={(event) => {
        event.preventDefault()
        typed.commit()
      }}
      className="mt-4"
    >
      <label htmlFor={id} className="text-sm font-semibold text-slate-800 dark:text-slate-200">
        Search releases
      </label>
      <div className="mt-1 flex flex-wrap items-center gap-3">
        <input
          id={id}
          type="search"
          name="q"
          data-shortcut-focus=""
          value={typed.draft}
          placeholder="A company, a country, a mineral… “exact phrase”"
          autoComplete="off"
          spellCheck={false}
          onFocus={warm}
          onChange={(event) => {
            typed.type(event.target.value)
          }}
          onBlur={typed.commit}
          className="w-full max-w-xl rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 placeholder:text-slate-500 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400"
        />
        {typed.query && (
          <label className="flex items-center gap-2 text-sm">
            Order
            <select
              value={sort ?? 'relevance'}
              onChange={(event) => {
                const order: TimelineSearch['sort'] = event.target.value === 'date' ? 'date' : undefined
                void navigate({ to: '.', search: (previous: TimelineSearch) => ({ ...previous, q: typed.query, sort: order }) })
              }}
              className="rounded-md border border-slate-400 bg-white px-2 py-1.5 text-slate-900 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100"
            >
              <option value="relevance">Best match first</option>
              <option value="date">Newest first</option>
            </select>
          </label>
        )}
      </div>
    </form>
  )
}
