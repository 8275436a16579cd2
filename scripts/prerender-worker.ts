// One of the threads that write the releases' pages (see scripts/prerender.ts). It is built with the
// server bundle, so it renders with the same code as the main thread: each message is a batch of
// release drafts, each answered once the batch is written.
import { pathToFileURL } from 'node:url'
import { parentPort, workerData } from 'node:worker_threads'
import type { ArticleDraft } from '../src/pipeline/types.ts'
import type { CreateRenderer, WorkerSetup } from './prerender.ts'
import { releaseWriter } from './release-page.ts'

const setup = workerData as WorkerSetup
// The renderer is the server build's entry, loaded as the main thread loads it.
const { createRenderer } = (await import(pathToFileURL(setup.serverEntry).href)) as { createRenderer: CreateRenderer }
const write = releaseWriter(createRenderer, setup)

// Two batches may wait at once (scripts/prerender.ts): they are written one after the other, as
// the writer takes one release at a time.
let queue = Promise.resolve()
parentPort!.on('message', (drafts: ArticleDraft[]) => {
  queue = queue.then(async () => {
    try {
      for (const draft of drafts) await write(draft)
      parentPort!.postMessage({})
    } catch (error) {
      parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
    }
  })
})
