import { createFileRoute } from '@tanstack/react-router'
import { pageTitle } from '@/lib/site'
import { TimelinePage } from '@/features/timeline/components/timeline-page'
import { archiveHeadQuery } from '@/lib/archive-queries'
import { archiveListingQuery } from '@/features/timeline/listing-query'
import { validateTimelineAddress } from '@/features/timeline/timeline-address'
import { needsListing } from '@/features/timeline/timeline-state'

export const Route = createFileRoute('/')({
  validateSearch: validateTimelineAddress,
  // A search alone is shown from the search's own files (src/lib/search/search-queries.ts).
  loaderDeps: ({ search }) => ({ listing: needsListing(search) }),
  // The newest releases and a search need the head only; a filtered view needs the whole listing.
  loader: ({ context: { queryClient }, deps: { listing } }) =>
    listing ? queryClient.query(archiveListingQuery()) : queryClient.query(archiveHeadQuery()),
  head: () => ({ meta: [{ title: pageTitle() }] }),
  component: TimelineRoute,
})

function TimelineRoute() {
  return <TimelinePage search={Route.useSearch()} />
}
