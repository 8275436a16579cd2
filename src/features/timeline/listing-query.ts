import { type QueryClient, queryOptions } from '@tanstack/react-query'
import { dataPath } from 'virtual:archive'
import { archiveHeadQuery, dataUrl } from '@/lib/archive-queries'
import { fetchPackedJson } from '@/lib/fetch-data'
import type { ArchiveListing } from '@/pipeline/types'

/** Every release's listing fields, for views beyond the newest releases: filters, search, "Show more". */
export const archiveListingQuery = () =>
  queryOptions({
    queryKey: ['archive-listing', dataPath],
    queryFn: async ({ client }) => {
      // The code that reads the listing comes with it: the first screen needs neither.
      const [head, columns, { listingFromColumns }] = await Promise.all([
        client.query(archiveHeadQuery()),
        fetchPackedJson<ArchiveListing>(dataUrl('listing.json.gz')),
        import('./listing'),
      ])
      return listingFromColumns(columns, head)
    },
    staleTime: 'static',
    gcTime: Infinity,
    // Typed arrays and ten thousand summaries: keep the one copy, never compare it field by field.
    structuralSharing: false,
  })

/** Starts loading the listing ahead of need; a failure shows where a view uses it, not here. */
export function prefetchListing(client: QueryClient) {
  client.query(archiveListingQuery()).catch(() => undefined)
}
