// The page's side of the search: a worker (search-worker.ts) answers the queries and reads the
// summaries of the releases shown, and the page marks what the results matched. Loaded with the
// first search, never with the timeline.
import { dayToDate } from '@/pipeline/archive-files'
import type { ArchiveHead, ArticleSummary } from '@/pipeline/types'
import { markRelease } from './highlight'
import { type PackedHits, wordsOfHit } from './packed-hits'

import type { FacetCounts, SummaryRow } from './index-format'
import type { Question, WorkerReply, WorkerRequest } from './search-worker'

/** What a query found: the releases, best first, and how many of them carry each facet. */
export interface Found {
  hits: PackedHits
  counts: FacetCounts
}

/** The search engine as the page sees it: queries answered by its worker. */
export interface SearchClient {
  search(query: string): Promise<Found>
  /**
   * A search's page of the timeline in one answer: what `search` gives, and the first `shown`
   * results (best first, or newest first) as the timeline shows them, with the bodies the worker
   * already holds of those whose summaries show no match (`bodies`, by slug, as `bodies` gives
   * them), which a small archive's worker sends at once.
   */
  view(
    query: string,
    sort: 'date' | undefined,
    shown: number,
    head: Pick<ArchiveHead, 'categories' | 'topics'>,
  ): Promise<Found & { ids: number[]; articles: ArticleSummary[]; bodies?: Map<string, string> }>
  /** The bodies of these releases (by slug), read from their pages; those without one are left out. */
  bodies(slugs: string[]): Promise<Map<string, string>>
  /** The words hit `i` of a result matched. */
  wordsOfHit: typeof wordsOfHit
  mark: typeof markRelease
}

interface Pending {
  resolve: (reply: WorkerReply) => void
  reject: (error: Error) => void
}

export function startSearch(folder: string, site: string): SearchClient {
  const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module', name: 'search' })
  const waiting = new Map<number, Pending>()
  let next = 0
  worker.onmessage = ({ data }: MessageEvent<WorkerReply>) => {
    const pending = waiting.get(data.id)
    waiting.delete(data.id)
    if ('error' in data) pending?.reject(new Error(data.error))
    else pending?.resolve(data)
  }
  worker.onerror = (event) => {
    for (const pending of waiting.values()) pending.reject(new Error(event.message || 'The search could not start.'))
    waiting.clear()
  }
  const ask = (question: Question) =>
    new Promise<WorkerReply>((resolve, reject) => {
      const id = next++
      waiting.set(id, { resolve, reject })
      worker.postMessage({ ...question, id } satisfies WorkerRequest)
    })
  worker.postMessage({ type: 'start', folder, site } satisfies WorkerRequest)
  worker.postMessage({ type: 'warm' } satisfies WorkerRequest)
  return {
    mark: markRelease,
    wordsOfHit,
    search: async (query) => {
      const reply = await ask({ type: 'search', query })
      if (!('hits' in reply)) throw new Error('The search answered something else.')
      return { hits: reply.hits, counts: reply.counts }
    },
    bodies: async (slugs) => {
      const reply = await ask({ type: 'bodies', slugs })
      if (!('bodies' in reply)) throw new Error('The search answered something else.')
      return foundBodies(slugs.map((slug, i) => [slug, reply.bodies[i] ?? null]))
    },
    view: async (query, sort, shown, head) => {
      const reply = await ask({ type: 'view', query, sort, shown })
      if (!('shownIds' in reply)) throw new Error('The search answered something else.')
      return { hits: reply.hits, counts: reply.counts, ids: reply.shownIds, ...shownOf(reply, head) }
    },
  }
}

/** What the timeline shows of the summaries the worker sent, with the bodies that came with them. */
function shownOf(
  reply: { summaries: SummaryRow[]; summaryBodies?: Record<string, string | null> },
  head: Pick<ArchiveHead, 'categories' | 'topics'>,
): { articles: ArticleSummary[]; bodies?: Map<string, string> } {
  const articles = reply.summaries.map((row): ArticleSummary => ({
    slug: row.slug,
    date: dayToDate(row.day),
    category: head.categories[row.category]?.slug ?? '',
    title: row.title,
    excerpt: row.excerpt,
    topics: row.topics.flatMap((t) => head.topics[t]?.slug ?? []),
    readingMinutes: row.readingMinutes,
    ...(row.twin ? { twin: row.twin } : {}),
  }))
  return reply.summaryBodies ? { articles, bodies: foundBodies(Object.entries(reply.summaryBodies)) } : { articles }
}

/** The bodies found, by slug: a release without one is left out. */
function foundBodies(bodies: [string, string | null][]): Map<string, string> {
  return new Map(bodies.filter((entry): entry is [string, string] => entry[1] !== null))
}
