import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useId, useState } from 'react'
import { searchEngineQuery, searchQuery, searchViewQuery } from '@/lib/search/search-queries'
import { TIMELINE_PAGE_SIZE } from '@/pipeline/archive-files'
import type { TimelineSearch } from '@/lib/timeline/timeline-search'

/** Runs `work` in a task of its own after the next frame is painted. */
function afterPaint(work: () => void) {
  requestAnimationFrame(() => {
    setTimeout(work, 0)
  })
}

/**
 * The search field, bound to `q` in the address. It keeps its own draft, since the router's
 * navigation is asynchronous; the first letter adds a history entry and the following ones
 * replace it, so Back leaves the search instead of stepping through every keystroke. `alone`:
 * whether the page shows nothing but the search (no filter, no topic page), so its results come
 * from the search's own summaries.
 */
export function SearchBox({ search, alone }: { search: TimelineSearch; alone: boolean }) {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const id = useId()
  const [draft, setDraft] = useState(search.q ?? '')
  const [addressQuery, setAddressQuery] = useState(search.q)
  // The queries this box sent: when the address catches up with one of them, the draft (which may
  // already hold more letters) stays as it is.
  const [sent, setSent] = useState<string[]>([])
  if (search.q !== addressQuery) {
    setAddressQuery(search.q)
    // Caught up with the last keystroke: nothing this box sent is still on its way.
    if ((search.q ?? '') === draft.trim()) setSent([])
    // The address changed from elsewhere (Back, a link): show what it says.
    else if (!sent.includes(search.q ?? '')) setDraft(search.q ?? '')
  }
  const warm = () => {
    queryClient.query(searchEngineQuery()).catch(() => undefined)
  }

  return (
    <form role="search" aria-label="Releases" onSubmit={(event) => { event.preventDefault(); }} className="mt-4">
      <label htmlFor={id} className="text-sm font-semibold text-slate-800 dark:text-slate-200">
        Search releases
      </label>
      <div className="mt-1 flex flex-wrap items-center gap-3">
        <input
          id={id}
          type="search"
          name="q"
          data-shortcut-focus=""
          value={draft}
          placeholder="A company, a country, a mineral… “exact phrase”"
          autoComplete="off"
          spellCheck={false}
          onFocus={warm}
          onChange={(event) => {
            const value = event.target.value
            // The first letter adds a history entry; the rest replace it. Judged by the box's own
            // text, since the address may not have caught up with the last keystroke yet.
            const replace = draft.trim() !== ''
            setDraft(value)
            const q = value.trim() || undefined
            setSent((previous) => [...previous, q ?? ''])
            // The search starts at once; the address (and the page it re-renders) follows once the
            // letter is on screen, so a key never waits for the router.
            if (q && alone) queryClient.query(searchViewQuery(q, search.sort, TIMELINE_PAGE_SIZE)).catch(() => undefined)
            else if (q) queryClient.query(searchQuery(q)).catch(() => undefined)
            afterPaint(() => {
              void navigate({
                to: '.',
                search: (previous: TimelineSearch) => ({ ...previous, q, sort: q ? previous.sort : undefined }),
                replace,
              })
            })
          }}
          className="w-full max-w-xl rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 placeholder:text-slate-500 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400"
        />
        {search.q && (
          <label className="flex items-center gap-2 text-sm">
            Order
            <select
              value={search.sort ?? 'relevance'}
              onChange={(event) => {
                void navigate({ to: '.', search: { ...search, sort: event.target.value === 'date' ? 'date' : undefined } })
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
