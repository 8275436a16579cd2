// The search engine's thread: it fetches the index files a query needs and finds the releases,
// so the page keeps answering every key while it does.
import { fetchJson, fetchPackedJson } from '@/lib/fetch-data'
import { packHits } from './packed-hits'
import { createSearchEngine } from './search-engine'

/** What the page sends: where the index is (once, first), then queries. */
export type WorkerRequest = { type: 'start'; folder: string } | { type: 'warm' } | { type: 'search'; id: number; query: string }
export type WorkerReply = { id: number; hits: ReturnType<typeof packHits> } | { id: number; error: string }

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
  else void answer(data.id, data.query)
}

async function answer(id: number, query: string) {
  try {
    const hits = packHits(await engine!.search(query))
    const reply: WorkerReply = { id, hits }
    scope.postMessage(reply, [hits.ids.buffer, hits.wordStarts.buffer, hits.wordIndexes.buffer])
  } catch (error) {
    const reply: WorkerReply = { id, error: error instanceof Error ? error.message : String(error) }
    scope.postMessage(reply)
  }
}
