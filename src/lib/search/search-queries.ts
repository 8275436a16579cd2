import { queryOptions } from '@tanstack/react-query'
import { dataUrl } from '@/lib/archive-queries'
import { SEARCH_FOLDER } from './index-format'

/**
 * The search engine, started when the reader first searches (or focuses the search box): a worker
 * that fetches the index files each query needs. The timeline's first load never waits for it.
 */
export const searchEngineQuery = () =>
  queryOptions({
    queryKey: ['search-engine', dataUrl('')],
    // The code that talks to the worker and marks the results comes with the first search. The
    // worker resolves nothing against a page: it is given absolute addresses.
    queryFn: async () =>
      (await import('./search-client')).startSearch(
        new URL(dataUrl(SEARCH_FOLDER), document.baseURI).href,
        new URL(import.meta.env.BASE_URL, document.baseURI).href,
      ),
    staleTime: 'static',
    gcTime: Infinity,
    // The engine holds a live worker: compare it by identity, never copy it.
    structuralSharing: false,
  })

/** What a query finds, kept for the query as typed: Back to an earlier query answers at once. */
export const searchQuery = (query: string) =>
  queryOptions({
    queryKey: ['search', dataUrl(''), query],
    queryFn: async ({ client }) => ({ query, ...(await (await client.query(searchEngineQuery())).search(query)) }),
    staleTime: 'static',
    // Typed arrays: keep the one copy, never compare it element by element.
    structuralSharing: false,
  })

/** The bodies of shown results whose summaries do not hold the words, for their excerpts: read in the worker. */
export const resultBodiesQuery = (slugs: readonly string[]) =>
  queryOptions({
    queryKey: ['result-bodies', dataUrl(''), slugs.join(' ')],
    queryFn: async ({ client }) => (await client.query(searchEngineQuery())).bodies([...slugs]),
    staleTime: 'static',
    structuralSharing: false,
  })
