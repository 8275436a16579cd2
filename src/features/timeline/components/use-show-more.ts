import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { archiveListingQuery } from '@/features/timeline/listing-query'
import { searchViewQuery } from '@/features/timeline/search-view-query'
import { TIMELINE_PAGE_SIZE } from '@/pipeline/archive-files'

interface ShowMore {
  /** For a search shown from its own files, its query; otherwise the next releases come from the whole listing. */
  query: string | undefined
  sort: 'date' | undefined
  /** How many releases the timeline shows, and how many of them are on screen. */
  shown: number
  visible: number
}

/**
 * "Show more": a page more of releases, kept in this tab's history entry (Back restores as many),
 * with the focus on the first new one so keyboard and screen reader users go on where it begins.
 */
export function useShowMore({ query, sort, shown, visible }: ShowMore): () => Promise<void> {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  return async () => {
    const firstNew = visible
    // The next releases: a search alone reads their summaries, anything else the whole listing.
    if (query) await queryClient.query(searchViewQuery(query, sort, shown + TIMELINE_PAGE_SIZE))
    else await queryClient.query(archiveListingQuery())
    await navigate({
      to: '.',
      search: (previous) => previous,
      state: (previous) => ({ ...previous, shown: shown + TIMELINE_PAGE_SIZE }),
      replace: true,
      resetScroll: false,
    })
    // The button may be gone once the last of them is shown. (The list may take a frame more: its
    // answer is rendered as a deferred value.)
    for (let frame = 0; frame < 10; frame++) {
      const entry = document.querySelectorAll<HTMLElement>('[data-timeline-entry]')[firstNew]
      if (entry) {
        entry.focus()
        return
      }
      await new Promise(requestAnimationFrame)
    }
  }
}
