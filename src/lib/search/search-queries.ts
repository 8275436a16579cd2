import { queryOptions } from '@tanstack/react-query'
import { archiveListingQuery, dataUrl, fetchPackedJson } from '@/lib/archive-queries'
import type { SearchEngine } from './search-engine'

/**
 * The search engine, loaded when the reader first searches (or focuses the search box): the
 * bodies of every release and the search library come in a separate request and chunk, so the
 * timeline's first load never waits for them.
 */
export const searchEngineQuery = () =>
  queryOptions({
    queryKey: ['search-engine', dataUrl('')],
    queryFn: async ({ client }): Promise<SearchEngine> => {
      const [listing, bodies, { createSearchEngine }] = await Promise.all([
        client.query(archiveListingQuery()),
        fetchPackedJson<string[]>(dataUrl('search.json.gz')),
        import('./search-engine'),
      ])
      return createSearchEngine(listing.articles.map((article, i) => ({ title: article.title, body: bodies[i] ?? '' })))
    },
    staleTime: 'static',
    gcTime: Infinity,
    // The engine holds functions and a live index: compare it by identity, never copy it.
    structuralSharing: false,
  })
