// Three-word sequences ("shingles") of release texts, numbered without a string per sequence, and
// how much two texts share: what tells a caption and its full release apart from releases that
// merely share a topic (related.ts).
import { charLength, isWordAt } from './text-chars.ts'

/**
 * A text's distinct three-word sequences, each as a number, with an open-addressing hash table to
 * look them up: no string per sequence, no sorting. Words are numbered by `Vocabulary`, and three
 * numbers under 2^17 pack exactly into one double, so no two sequences share a number; only past
 * 131,072 distinct words do sequences with a larger number fall back to a 52-bit hash, kept above
 * every packed number (two sequences then share one with odds of 2^-52).
 */
class Shingles {
  /** In order of first appearance. */
  readonly keys: Float64Array
  readonly hashes: Int32Array
  readonly size: number
  /** The keys by `hash & mask`, each at its slot or the next free one; -1 marks a free slot. */
  private readonly table: Float64Array
  private readonly mask: number
  /**
   * Four bits per slot, one set for each key by the top bits of its hash: a clear bit proves a key
   * absent without a probe, and most keys looked up from another text are absent.
   */
  private readonly bits: Int32Array
  private readonly shift: number

  constructor(ids: readonly number[]) {
    const count = Math.max(0, ids.length - 2)
    const slotBits = Math.ceil(Math.log2(2 * count + 2))
    this.keys = new Float64Array(count)
    this.hashes = new Int32Array(count)
    this.mask = 2 ** slotBits - 1
    this.table = new Float64Array(this.mask + 1).fill(EMPTY)
    this.bits = new Int32Array(Math.max(1, (4 * (this.mask + 1)) / 32))
    this.shift = 32 - (slotBits + 2)
    let size = 0
    for (let i = 0; i < count; i++) {
      const key = shingleKey(ids[i]!, ids[i + 1]!, ids[i + 2]!)
      const hash = slotHash(ids[i]!, ids[i + 1]!, ids[i + 2]!)
      const slot = this.slotOf(key, hash)
      if (this.table[slot] === key) continue
      this.table[slot] = key
      const bit = hash >>> this.shift
      this.bits[bit >>> 5]! |= 1 << (bit & 31)
      this.keys[size] = key
      this.hashes[size++] = hash
    }
    this.size = size
  }

  has(key: number, hash: number): boolean {
    const bit = hash >>> this.shift
    if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false
    return this.table[this.slotOf(key, hash)] === key
  }

  /** Where `key` is in the table, or the free slot where it would go. */
  private slotOf(key: number, hash: number): number {
    const { table, mask } = this
    let slot = hash & mask
    while (table[slot] !== key && table[slot] !== EMPTY) slot = (slot + 1) & mask
    return slot
  }
}

/** Keys are never negative. */
const EMPTY = -1
const ID_LIMIT = 2 ** 17

function shingleKey(a: number, b: number, c: number): number {
  if (a < ID_LIMIT && b < ID_LIMIT && c < ID_LIMIT) return (a * ID_LIMIT + b) * ID_LIMIT + c
  return 2 ** 52 + (mix(a, b, c, 0x85ebca6b) >>> 0) * 2 ** 20 + (mix(a, b, c, 0xc2b2ae35) >>> 12)
}

/** A 32-bit hash of three numbers (murmur3's steps); different seeds give independent hashes. */
function mix(a: number, b: number, c: number, seed: number): number {
  let h = seed
  for (const k of [a, b, c]) {
    h = Math.imul(h ^ Math.imul(k, 0xcc9e2d51), 0x1b873593)
    h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return h ^ (h >>> 16)
}

/** Where a sequence goes in a hash table: cheaper than `mix`, and spread enough for that. */
function slotHash(a: number, b: number, c: number): number {
  const h = Math.imul(Math.imul(a, 0x9e3779b1) + Math.imul(b, 0x85ebca77) + c, 0xc2b2ae3d)
  return h ^ (h >>> 15)
}

/**
 * Characters that never change when accents are removed, alone or next to others: ASCII from the
 * tab on, Latin-1 punctuation and symbols, and general punctuation (curly quotes, dashes).
 */
const CHANGED_BY_FOLDING = /[^\t-\u00bf\u2010-\u205f]/

/**
 * `text.normalize('NFD').replace(/\p{M}/gu, '')`, sooner: most texts need no normalizing, and most
 * marks are in U+0300–U+036F, which a plain character class removes much faster than \p{M}.
 */
function withoutAccents(text: string): string {
  if (!CHANGED_BY_FOLDING.test(text)) return text
  const common = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
  return CHANGED_BY_FOLDING.test(common) ? common.replace(/\p{M}/gu, '') : common
}

/** Numbers words in the order they are first met; it keeps only the archive's distinct words. */
class Vocabulary {
  private readonly ids = new Map<string, number>()

  /** The numbers of a text's words: runs of letters and digits, accents removed, in lowercase. */
  idsOf(text: string): number[] {
    const lower = withoutAccents(text).toLowerCase()
    const ids: number[] = []
    let start = -1
    for (let i = 0; i < lower.length; i += charLength(lower, i)) {
      if (isWordAt(lower, i)) {
        if (start === -1) start = i
      } else if (start !== -1) {
        ids.push(this.idOf(lower.slice(start, i)))
        start = -1
      }
    }
    if (start !== -1) ids.push(this.idOf(lower.slice(start)))
    return ids
  }

  private idOf(word: string): number {
    let id = this.ids.get(word)
    if (id === undefined) this.ids.set(word, (id = this.ids.size))
    return id
  }
}

/**
 * Share of the shorter text's three-word sequences that the longer text also has, when it is at
 * least `min`; else 0, known as soon as too many of the shorter text's sequences are missing.
 */
export function overlapAtLeast(a: Shingles, b: Shingles, min: number): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  if (small.size === 0) return 0
  const allowedMisses = small.size - leastShared(small.size, min)
  const { keys, hashes, size } = small
  let misses = 0
  for (let i = 0; i < size; i++) {
    if (!large.has(keys[i]!, hashes[i]!) && ++misses > allowedMisses) return 0
  }
  return (size - misses) / size
}

/** The fewest shared sequences whose share, computed as `overlapAtLeast` does, reaches `min`. */
function leastShared(size: number, min: number): number {
  let least = Math.ceil(size * min)
  while (least > 0 && (least - 1) / size >= min) least--
  while (least / size < min) least++
  return least
}

/**
 * Three-word sequences of the releases inside the window, computed when a release is first
 * compared and dropped once the window has moved past it: at archive scale, keeping them for
 * every release would take gigabytes.
 */
export class ShingleWindow {
  private readonly cache: (Shingles | undefined)[]
  private readonly vocabulary = new Vocabulary()

  constructor(private readonly releases: readonly { title: string; body: string }[]) {
    this.cache = new Array<Shingles | undefined>(releases.length)
  }

  of(index: number): Shingles {
    let shingles = this.cache[index]
    if (!shingles) {
      const release = this.releases[index]!
      shingles = new Shingles(this.vocabulary.idsOf(`${release.title} ${release.body}`))
      this.cache[index] = shingles
    }
    return shingles
  }

  drop(index: number): void {
    this.cache[index] = undefined
  }
}
