import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useEffect, useRef, useState } from 'react'
import { searchQuery } from '@/lib/search/search-queries'
import { searchViewQuery } from '@/features/timeline/search-view-query'
import type { TimelineSearch } from '@/features/timeline/timeline-search'
import { TIMELINE_PAGE_SIZE } from '@/pipeline/archive-files'

/** How long typing pauses before the address takes the query. */
const COMMIT_AFTER_MS = 400

export interface TimelineQuery {
  /** What the search box holds. */
  draft: string
  /** The query the page shows: the box's text, ahead of the address while the reader types. */
  query: string | undefined
  /** The reader changed the box's text. */
  type: (value: string) => void
  /** Puts what the box holds into the address now (the box lost the focus, Enter was pressed). */
  commit: () => void
}

/**
 * The search as the reader types it, ahead of the address. Each key changes the page at once and
 * starts its search; the address (a navigation, which re-renders everything that reads it) takes
 * the query once typing pauses or the box is left, so no key waits for the router. The first
 * query adds a history entry and later ones replace it, so Back leaves the search instead of
 * stepping through every word. An address changed from elsewhere (Back, a link) wins over the box.
 * `alone`: whether the page shows nothing but the search, so its results come from the search's
 * own files.
 */
export function useTimelineQuery(address: TimelineSearch, alone: boolean): TimelineQuery {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [draft, setDraft] = useState(address.q ?? '')
  const [seen, setSeen] = useState(address.q)
  // The queries this page put into the address that it has not caught up with yet: when it does,
  // the box (which may already hold more letters) stays as it is.
  const [sent, setSent] = useState<(string | undefined)[]>([])
  if (address.q !== seen) {
    setSeen(address.q)
    const at = sent.indexOf(address.q)
    if (at >= 0) setSent(sent.slice(at + 1))
    else {
      setSent([])
      setDraft(address.q ?? '')
    }
  }
  const query = draft.trim() || undefined
  // What the timers and the event handlers act on: the last render's values.
  const latest = useRef({ query, address: address.q, sort: address.sort, sent })
  useEffect(() => {
    latest.current = { query, address: address.q, sort: address.sort, sent }
  })
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(
    () => () => {
      clearTimeout(timer.current)
    },
    [],
  )

  const commit = () => {
    clearTimeout(timer.current)
    const { query: q, address: committed, sent: waiting } = latest.current
    const last = waiting.length > 0 ? waiting.at(-1) : committed
    if (q === last) return
    setSent([...waiting, q])
    latest.current.sent = [...waiting, q]
    void navigate({
      to: '.',
      search: (previous: TimelineSearch) => ({ ...previous, q, sort: q ? previous.sort : undefined }),
      // The first query adds a history entry; the rest (and clearing it) replace it.
      replace: last !== undefined,
    })
  }

  const type = (value: string) => {
    setDraft(value)
    const q = value.trim() || undefined
    latest.current.query = q
    // The search starts with the key, before the page renders it.
    if (q && alone) queryClient.query(searchViewQuery(q, latest.current.sort, TIMELINE_PAGE_SIZE)).catch(() => undefined)
    else if (q) queryClient.query(searchQuery(q)).catch(() => undefined)
    clearTimeout(timer.current)
    timer.current = setTimeout(commit, COMMIT_AFTER_MS)
  }

  return { draft, query, type, commit }
}
