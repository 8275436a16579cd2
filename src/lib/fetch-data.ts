// Fetching the build's data files; no app state here, so the search worker shares it.

/** A data file the archive does not have: an address naming a release that does not exist. */
export class MissingDataError extends Error {}

export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url)
  // A host that answers every path with the app (a single-page fallback) sends HTML, not a 404.
  if (response.status === 404 || (response.ok && !response.headers.get('content-type')?.includes('json'))) {
    throw new MissingDataError(`No such file: ${url}`)
  }
  if (!response.ok) throw new Error(`Could not load ${url} (HTTP ${response.status})`)
  return (await response.json()) as T
}

/**
 * A data file the build stores compressed (`….json.gz`, a fraction of its size on the host):
 * a static host serves its bytes as they are, and they are unpacked here. A host that sends it with
 * `Content-Encoding: gzip` has unpacked it already, and the bytes say so.
 */
export async function fetchPackedJson<T>(url: string): Promise<T> {
  const response = await fetch(url)
  if (response.status === 404) throw new MissingDataError(`No such file: ${url}`)
  if (!response.ok || !response.body) throw new Error(`Could not load ${url} (HTTP ${response.status})`)
  // Unpacked as it arrives; the first bytes say whether it still needs unpacking.
  const reader = response.body.getReader()
  const first = await reader.read()
  const opening = first.value ?? new Uint8Array()
  const bytes = new ReadableStream<Uint8Array>({
    start(controller) {
      if (first.done) controller.close()
      else controller.enqueue(opening)
    },
    async pull(controller) {
      const next = await reader.read()
      if (next.done) controller.close()
      else controller.enqueue(next.value)
    },
  })
  const packed = opening[0] === 0x1f && opening[1] === 0x8b
  const body = packed ? (bytes as ReadableStream<BufferSource>).pipeThrough(new DecompressionStream('gzip')) : bytes
  return (await new Response(body).json()) as T
}
