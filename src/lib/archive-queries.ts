import { type QueryClient, queryOptions } from '@tanstack/react-query'
import { dataPath } from 'virtual:archive'
import { fetchJson, fetchPackedJson, MissingDataError } from '@/lib/fetch-data'
import { articlePagePath, readArticle } from '@/lib/page-data'
import type { ArchiveHead, ArchiveListing } from '@/pipeline/types'

export const dataUrl = (file: string) => `${import.meta.env.BASE_URL}${dataPath}${file}`

// The archive is built into static files: once loaded, nothing goes stale while the page is open.

/** The facets and the newest releases: all the first screen needs, whatever the archive's size. */
export const archiveHeadQuery = () =>
  queryOptions({
    queryKey: ['archive-head', dataPath],
    queryFn: () => fetchJson<ArchiveHead>(dataUrl('head.json')),
    staleTime: 'static',
  })

/** Every release's listing fields, for views beyond the newest releases: filters, search, "Show more". */
export const archiveListingQuery = () =>
  queryOptions({
    queryKey: ['archive-listing', dataPath],
    queryFn: async ({ client }) => {
      // The code that reads the listing comes with it: the first screen needs neither.
      const [head, columns, { listingFromColumns }] = await Promise.all([
        client.query(archiveHeadQuery()),
        fetchPackedJson<ArchiveListing>(dataUrl('listing.json.gz')),
        import('./timeline/listing'),
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

/**
 * One release in full, read from its own prerendered page when it is opened (or when a link to it
 * is hovered): the page carries the release's data, so the archive needs no file per release.
 */
export const articleQuery = (slug: string) =>
  queryOptions({
    queryKey: ['article', dataPath, slug],
    queryFn: async () => {
      const url = `${import.meta.env.BASE_URL}${articlePagePath(slug)}`
      const response = await fetch(url)
      if (response.status === 404) throw new MissingDataError(`No such release: ${url}`)
      if (!response.ok) throw new Error(`Could not load ${url} (HTTP ${response.status})`)
      const article = readArticle(new DOMParser().parseFromString(await response.text(), 'text/html'))
      // A host that answers every path with the app (a single-page fallback) sends a page without it.
      if (article?.slug !== slug) throw new MissingDataError(`No such release: ${url}`)
      return article
    },
    staleTime: 'static',
  })
