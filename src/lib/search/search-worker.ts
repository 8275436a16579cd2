// The search engine's thread: it fetches the index files a query needs and finds the releases,
// and reads the bodies of the results shown, so the page keeps answering every key meanwhile.
import { fetchJson, fetchPackedJson } from '@/lib/fetch-data'
import { articlePagePath, bodyOfPage } from '@/lib/page-data'
import { findMatches } from './highlight'
import { BODIES_AT_ONCE, type FacetCounts, type SummaryRow } from './index-format'
import { type PackedHits, packHits } from './packed-hits'
import { createSearchEngine } from './search-engine'

/** What the page asks, each answered once (by the `id` it is sent with). */
export type Question =
  | { type: 'search'; query: string }
  /** A search's page of the timeline: what `search` answers, and the summaries of the first `shown` results in that order. */
  | { type: 'view'; query: string; sort: 'date' | undefined; shown: number }
  | { type: 'bodies'; slugs: string[] }
/**
 * What the page sends: first where the search index is (`folder`) and where the releases' pages are
 * (`site`, the site's base address), then questions.
 */
export type WorkerRequest = { type: 'start'; folder: string; site: string } | { type: 'warm' } | (Question & { id: number })
export type WorkerReply =
  | { id: number; hits: PackedHits; counts: FacetCounts }
  | {
      id: number
      hits: PackedHits
      counts: FacetCounts
      shownIds: number[]
      summaries: SummaryRow[]
      summaryBodies?: Record<string, string | null>
    }
  | { id: number; bodies: (string | null)[] }
  | { id: number; error: string }

/** The worker's global scope, as much of it as this uses (the app's types are the page's). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null
  postMessage(message: WorkerReply, transfer?: Transferable[]): void
}
let engine: ReturnType<typeof createSearchEngine> | undefined
let site = '/'
// The words each release matched in the latest search that found it, to tell which results would
// show no match without their bodies.
const matched = new Map<number, string[]>()
// Each release's body, read from its page once.
const bodies = new Map<string, Promise<string | null>>()

/**
 * A release's body: from the texts on a small archive, else from its prerendered page; null when
 * it has none (or could not be fetched).
 */
function bodyOf(slug: string): Promise<string | null> {
  let body = bodies.get(slug)
  if (body === undefined) {
    const fromPage = () =>
      fetch(new URL(articlePagePath(slug), site)).then(async (response) =>
        response.ok ? (bodyOfPage(await response.text()) ?? null) : null,
      )
    body = engine!
      .smallArchiveBody(slug)
      .then((fromTexts) => (fromTexts === undefined ? fromPage() : fromTexts))
      .catch(() => null)
    bodies.set(slug, body)
  }
  return body
}

scope.onmessage = ({ data }: MessageEvent<WorkerRequest>) => {
  if (data.type === 'start') {
    const { folder } = data
    site = data.site
    engine = createSearchEngine((file) => (file.endsWith('.gz') ? fetchPackedJson(folder + file) : fetchJson(folder + file)))
  } else if (data.type === 'warm') engine?.warm()
  else void answer(data)
}

/**
 * The summaries of these releases. When none of them shows a match in its title or its excerpt,
 * the first few have their bodies fetched meanwhile: the page asks for them next, to mark them. On
 * a small archive those bodies are at hand, and come with the summaries (`summaryBodies`, by slug).
 */
async function summaries(ids: number[]): Promise<{ summaries: SummaryRow[]; summaryBodies?: Record<string, string | null> }> {
  const rows = await engine!.summaries(ids)
  const shows = (row: SummaryRow) => {
    const terms = matched.get(row.id)
    if (terms === undefined) return true
    const words = new Set(terms)
    return findMatches(row.title, words).length > 0 || findMatches(row.excerpt, words).length > 0
  }
  if (rows.length === 0 || rows.some(shows)) return { summaries: rows }
  const wanted = rows.slice(0, BODIES_AT_ONCE).map((row) => row.slug)
  const fetched = wanted.map(bodyOf)
  if (!(await engine!.isSmall())) return { summaries: rows }
  const bodies = await Promise.all(fetched)
  return { summaries: rows, summaryBodies: Object.fromEntries(wanted.map((slug, i) => [slug, bodies[i]!])) }
}

async function answer(request: Question & { id: number }) {
  const { id } = request
  try {
    if (request.type === 'bodies') {
      scope.postMessage({ id, bodies: await Promise.all(request.slugs.map(bodyOf)) })
      return
    }
    const found = await engine!.search(request.query)
    for (const hit of found) matched.set(hit.id, hit.terms)
    const hits = packHits(found)
    const transfer = [hits.ids.buffer, hits.wordStarts.buffer, hits.wordIndexes.buffer]
    if (request.type === 'view') {
      // Sorted by date, the newest (the lowest position) first.
      const order = request.sort === 'date' ? Int32Array.from(hits.ids).sort() : hits.ids
      const shownIds = Array.from(order.subarray(0, request.shown))
      // The summaries' files are fetched while the facets are counted.
      const [shown, counts] = await Promise.all([summaries(shownIds), engine!.counts(hits.ids)])
      scope.postMessage({ id, hits, counts, shownIds, ...shown }, transfer)
      return
    }
    scope.postMessage({ id, hits, counts: await engine!.counts(hits.ids) }, transfer)
  } catch (error) {
    const reply: WorkerReply = { id, error: error instanceof Error ? error.message : String(error) }
    scope.postMessage(reply)
  }
}
