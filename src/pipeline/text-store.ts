// Texts the build keeps from start to end, held so that they cost what their words do.
//
// V8 keeps a substring as a view of the string it was cut from: a release's title, body or
// category, cut from its page file, kept the whole page alive, and a page with one curly quote is
// stored at two bytes a character. At 100,000 releases the pages were 310 MB of the build's main
// heap, and V8 lets a heap grow well past what is live before a full collection (there, from about
// 800 MB to 1.5 GB): the build's peak memory. The bodies are kept here as UTF-8 instead (150 MB,
// outside the heap), and the short texts the listing keeps are copies of their own (`detached`).

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** Bytes of a block of the store: large enough for many bodies, small beside the store. */
const BLOCK_BYTES = 1 << 22

/** Whether `text` comes back from UTF-8 as it was: a lone surrogate does not (ES2024's `isWellFormed`). */
const wellFormed = (text: string) => (text as string & { isWellFormed(): boolean }).isWellFormed()

/** A copy of `text` that keeps no larger string alive. */
export function detached(text: string): string {
  return wellFormed(text) ? decoder.decode(encoder.encode(text)) : (JSON.parse(JSON.stringify(text)) as string)
}

export interface TextStore {
  /** Keeps `text`; returns its position (0, 1, 2… in the order of the calls). */
  add(text: string): number
  /** The text at `position`, as it was given: a new string at each call. */
  get(position: number): string
}

export function createTextStore(): TextStore {
  let block = new Uint8Array(0)
  const blocks: Uint8Array[] = [block]
  let used = 0
  // Per text: its block, its first byte and the byte after its last; a text UTF-8 cannot hold is
  // kept as it is (block -1, then its place in `asGiven`).
  const where: number[] = []
  const asGiven: string[] = []

  function add(text: string): number {
    const position = where.length / 3
    if (!wellFormed(text)) {
      where.push(-1, asGiven.length, 0)
      asGiven.push(detached(text))
      return position
    }
    const fitted = encoder.encodeInto(text, block.subarray(used))
    let { written } = fitted
    if (fitted.read < text.length) {
      // What did not fit is written again at the start of a new block (at most 3 bytes a character).
      block = new Uint8Array(Math.max(BLOCK_BYTES, text.length * 3))
      blocks.push(block)
      used = 0
      written = encoder.encodeInto(text, block).written
    }
    where.push(blocks.length - 1, used, used + written)
    used += written
    return position
  }

  function get(position: number): string {
    const at = position * 3
    const b = where[at]
    if (b === undefined) throw new RangeError(`text store: no text at ${position}`)
    if (b === -1) return asGiven[where[at + 1]!]!
    return decoder.decode(blocks[b]!.subarray(where[at + 1], where[at + 2]))
  }

  return { add, get }
}
