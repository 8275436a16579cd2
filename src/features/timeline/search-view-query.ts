import { queryOptions } from '@tanstack/react-query'
import { archiveHeadQuery, dataUrl } from '@/lib/archive-queries'
import { BODIES_AT_ONCE } from '@/lib/search/index-format'
import { resultBodiesQuery, searchEngineQuery, searchQuery } from '@/lib/search/search-queries'
import type { TimelineView } from './timeline-view'

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
