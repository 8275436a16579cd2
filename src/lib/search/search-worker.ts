// The search engine's thread: it fetches the index files a query needs and finds the releases,
// so the page keeps answering every key while it does.
import { fetchJson, fetchPackedJson } from '@/lib/fetch-data'
import { TIMELINE_PAGE_SIZE } from '@/pipeline/archive-files'
import type { SummaryRow } from './index-format'
import { type PackedHits, packHits } from './packed-hits'
import { createSearchEngine, type FacetCounts } from './search-engine'

/** What the page sends: where the index is (once, first), then queries. */
/** What the page asks, each answered once (by the `id` it is sent with). */
export type Question = { type: 'search'; query: string } | { type: 'summaries'; ids: number[] }
export type WorkerRequest = { type: 'start'; folder: string } | { type: 'warm' } | (Question & { id: number })
export type WorkerReply =
  | { id: number; hits: PackedHits; counts: FacetCounts }
  | { id: number; summaries: SummaryRow[] }
  | { id: number; error: string }

/** The worker's global scope, as much of it as this uses (the app's types are the page's). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null
  postMessage(message: WorkerReply, transfer?: Transferable[]): void
}
let engine: ReturnType<typeof createSearchEngine> | undefined

scope.onmessage = ({ data }: MessageEvent<WorkerRequest>) => {
  if (data.type === 'start') {
    const { folder } = data
    engine = createSearchEngine((file) => (file.endsWith('.gz') ? fetchPackedJson(folder + file) : fetchJson(folder + file)))
  } else if (data.type === 'warm') engine?.warm()
  else void answer(data)
}

async function answer(request: Question & { id: number }) {
  const { id } = request
  try {
    if (request.type === 'summaries') {
      scope.postMessage({ id, summaries: await engine!.summaries(request.ids) })
      return
    }
    const found = await engine!.search(request.query)
    // The page will ask for the summaries of the first results: they are fetched meanwhile.
    engine!.summaries(found.slice(0, TIMELINE_PAGE_SIZE).map((hit) => hit.id)).catch(() => undefined)
    const hits = packHits(found)
    const reply: WorkerReply = { id, hits, counts: await engine!.counts(hits.ids) }
    scope.postMessage(reply, [hits.ids.buffer, hits.wordStarts.buffer, hits.wordIndexes.buffer])
  } catch (error) {
    const reply: WorkerReply = { id, error: error instanceof Error ? error.message : String(error) }
    scope.postMessage(reply)
  }
}
