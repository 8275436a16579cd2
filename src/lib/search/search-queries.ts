import { queryOptions } from '@tanstack/react-query'
import { archiveHeadQuery, dataUrl } from '@/lib/archive-queries'
import type { TimelineView } from '@/lib/timeline/filter-articles'
import { BODIES_AT_ONCE, SEARCH_FOLDER } from './index-format'

/**
 * The search engine, started when the reader first searches (or focuses the search box): a worker
 * that fetches the index files each query needs. The timeline's first load never waits for it.
 */
export const searchEngineQuery = () =>
  queryOptions({
    queryKey: ['search-engine', dataUrl('')],
    // The code that talks to the worker and marks the results comes with the first search.
    queryFn: async () =>
      (await import('./search-client')).startSearch(
        new URL(dataUrl(SEARCH_FOLDER), location.href).href,
        new URL(import.meta.env.BASE_URL, location.href).href,
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

/**
 * A search's page of the timeline, when the address holds nothing but the query: the releases
 * found (the first `shown`, best first or newest first), their summaries and the counts beside
 * the filters, all from the search's own files, in one answer of its worker. The whole listing is
 * never needed for it.
 */
export const searchViewQuery = (query: string, sort: 'date' | undefined, shown: number) =>
  queryOptions({
    queryKey: ['search-view', dataUrl(''), query, sort ?? 'relevance', shown],
    queryFn: async ({ client }) => {
      const [engine, head] = await Promise.all([client.query(searchEngineQuery()), client.query(archiveHeadQuery())])
      const { hits, counts, ids, articles, bodies } = await engine.view(query, sort, shown, head)
      const found = { query, hits, counts }
      // The same answer, for a filter added to this search.
      client.setQueryData(searchQuery(query).queryKey, found)
      // Bodies sent with the summaries are the ones the results' marks would ask for next
      // (use-result-marks.ts): they are there when the results are first shown.
      if (bodies) client.setQueryData(resultBodiesQuery(articles.slice(0, BODIES_AT_ONCE).map((a) => a.slug)).queryKey, bodies)
      const counted = (numbers: number[], facets: readonly { slug: string }[]) =>
        new Map(numbers.flatMap((n, i) => (n > 0 && facets[i] ? [[facets[i].slug, n] as const] : [])))
      const view: TimelineView = {
        articles,
        ids,
        total: hits.ids.length,
        topicCounts: counted(counts.topics, head.topics),
        categoryCounts: counted(counts.categories, head.categories),
      }
      return { found, view }
    },
    staleTime: 'static',
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
