// The page's side of the search: a worker (search-worker.ts) answers the queries, and the page
// marks what the results matched. Loaded with the first search, never with the timeline.
import { markRelease } from './highlight'
import { type PackedHits, wordsOfHit } from './packed-hits'
import type { WorkerReply, WorkerRequest } from './search-worker'

/** The search engine as the page sees it: queries answered by its worker, in the order sent. */
export interface SearchClient {
  search(query: string): Promise<PackedHits>
  /** The words hit `i` of a result matched. */
  wordsOfHit: typeof wordsOfHit
  mark: typeof markRelease
}

export function startSearch(folder: string): SearchClient {
  const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module', name: 'search' })
  const waiting = new Map<number, { resolve: (hits: PackedHits) => void; reject: (error: Error) => void }>()
  let next = 0
  const send = (request: WorkerRequest) => {
    worker.postMessage(request)
  }
  worker.onmessage = ({ data }: MessageEvent<WorkerReply>) => {
    const pending = waiting.get(data.id)
    waiting.delete(data.id)
    if ('error' in data) pending?.reject(new Error(data.error))
    else pending?.resolve(data.hits)
  }
  worker.onerror = (event) => {
    for (const pending of waiting.values()) pending.reject(new Error(event.message || 'The search could not start.'))
    waiting.clear()
  }
  send({ type: 'start', folder })
  send({ type: 'warm' })
  return {
    mark: markRelease,
    wordsOfHit,
    search: (query) =>
      new Promise((resolve, reject) => {
        const id = next++
        waiting.set(id, { resolve, reject })
        send({ type: 'search', id, query })
      }),
  }
}
