// Links between releases: the caption/full-release twin of an event, and other releases on the
// same topics. Both are computed once at build time.

const TWIN_WINDOW_DAYS = 7
const TWIN_MIN_SHARED = 0.6
/** A caption tells the event in a fraction of the full release's words. */
const TWIN_MAX_LENGTH_RATIO = 0.6
const MAX_RELATED = 4

export interface LinkableRelease {
  date: string
  title: string
  body: string
  words: number
  topics: string[]
}

const DAY_MS = 86_400_000

export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS)
}

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

const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, code) =>
  Number(/[\p{L}\p{N}]/u.test(String.fromCharCode(code))),
)
const WORD_AT = /[\p{L}\p{N}]/uy

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

/** Whether the character at `index` (at a surrogate pair, the pair) is a letter or digit. */
function isWordAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  if (code < 128) return ASCII_WORD[code] === 1
  WORD_AT.lastIndex = index
  return WORD_AT.test(text)
}

/** A pair of surrogates is one character. */
function charLength(text: string, index: number): number {
  const code = text.charCodeAt(index)
  return code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00 ? 2 : 1
}

/**
 * Share of the shorter text's three-word sequences that the longer text also has, when it is at
 * least `min`; else 0, known as soon as too many of the shorter text's sequences are missing.
 */
function overlapAtLeast(a: Shingles, b: Shingles, min: number): number {
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
class ShingleWindow {
  private readonly cache: (Shingles | undefined)[]
  private readonly vocabulary = new Vocabulary()

  constructor(private readonly releases: readonly LinkableRelease[]) {
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

/**
 * Pairs each caption with the full release on the same event: published within a week of each
 * other, the caption much shorter and told mostly in the full release's words. Each release has
 * at most one twin.
 * Returns, per release index, the index of its twin.
 */
export function findTwins(releases: readonly LinkableRelease[]): Map<number, number> {
  const days = releases.map((r) => dayNumber(r.date))
  const order = releases.map((_, i) => i).sort((a, b) => days[a]! - days[b]!)
  const shingles = new ShingleWindow(releases)
  const candidates: { a: number; b: number; score: number }[] = []
  for (let x = 0; x < order.length; x++) {
    const a = order[x]!
    for (let y = x + 1; y < order.length && days[order[y]!]! - days[a]! <= TWIN_WINDOW_DAYS; y++) {
      const b = order[y]!
      const wordsA = releases[a]!.words
      const wordsB = releases[b]!.words
      if (Math.min(wordsA, wordsB) > Math.max(wordsA, wordsB) * TWIN_MAX_LENGTH_RATIO) continue
      const score = overlapAtLeast(shingles.of(a), shingles.of(b), TWIN_MIN_SHARED)
      if (score >= TWIN_MIN_SHARED) candidates.push({ a, b, score })
    }
    // Every later pair starts later in the order, so `a` is never compared again.
    shingles.drop(a)
  }
  const twins = new Map<number, number>()
  for (const { a, b } of candidates.sort((p, q) => q.score - p.score)) {
    if (twins.has(a) || twins.has(b)) continue
    twins.set(a, b)
    twins.set(b, a)
  }
  return twins
}

/** How many releases either side in time each topic contributes as candidates. */
const RELATED_WINDOW = 200

/**
 * Up to four other releases per release, ranked by the topics they share (a rare topic counts for
 * more than a common one), then by closeness in time. The twin is left out: it has its own link;
 * so is a release titled as the twin, and of a caption and its full release only one is listed.
 * `releases` are in archive order (newest first). Candidates are each topic's releases nearest in
 * time, so a topic shared by thousands of releases costs the same as a rare one: ten thousand
 * releases are linked in well under a second.
 */
export function findRelated(releases: readonly LinkableRelease[], twins: Map<number, number>): number[][] {
  const byTopic = new Map<string, number[]>()
  releases.forEach((r, i) => {
    for (const t of r.topics) {
      let list = byTopic.get(t)
      if (!list) byTopic.set(t, (list = []))
      list.push(i)
    }
  })
  const weight = new Map([...byTopic].map(([t, list]) => [t, Math.log(1 + releases.length / list.length)]))
  const days = releases.map((r) => dayNumber(r.date))
  const scores = new Float64Array(releases.length)
  return releases.map((release, self) => {
    const touched: number[] = []
    for (const t of release.topics) {
      const w = weight.get(t)!
      const list = byTopic.get(t)!
      const at = positionIn(list, self)
      const end = Math.min(list.length, at + RELATED_WINDOW + 1)
      for (let k = Math.max(0, at - RELATED_WINDOW); k < end; k++) {
        const other = list[k]!
        if (scores[other] === 0) touched.push(other)
        scores[other] = scores[other]! + w
      }
    }
    const before = (a: number, b: number) =>
      scores[b]! - scores[a]! ||
      Math.abs(days[a]! - days[self]!) - Math.abs(days[b]! - days[self]!) ||
      days[b]! - days[a]! ||
      a - b
    // A running top eight, of which four are kept: sorting every candidate would be quadratic at
    // archive scale.
    const ranked: number[] = []
    const twin = twins.get(self)
    const twinTitle = twin === undefined ? undefined : releases[twin]!.title
    for (const i of touched) {
      // Nor the twin under another address (a second edition with its title).
      if (i === self || i === twin || releases[i]!.title === twinTitle) continue
      if (ranked.length === CANDIDATES) {
        // A lower score ranks after the last without the full comparison.
        const last = ranked[CANDIDATES - 1]!
        if (scores[i]! < scores[last]! || before(last, i) <= 0) continue
      }
      let at = ranked.length
      while (at > 0 && before(i, ranked[at - 1]!) < 0) at--
      ranked.splice(at, 0, i)
      if (ranked.length > CANDIDATES) ranked.pop()
    }
    for (const i of touched) scores[i] = 0
    // A caption and its full release tell one event: the better ranked of the two stands for both
    // (it links to the other), and the list has room for another release.
    const kept: number[] = []
    for (const i of ranked) {
      const other = twins.get(i)
      if (other === undefined || !kept.includes(other)) kept.push(i)
      if (kept.length === MAX_RELATED) break
    }
    return kept
  })
}

/** Candidates ranked to fill the related list once twin pairs count once. */
const CANDIDATES = MAX_RELATED * 2

/** Where `value` is in an ascending list (binary search). */
function positionIn(list: readonly number[], value: number): number {
  let low = 0
  let high = list.length - 1
  while (low < high) {
    const middle = (low + high) >> 1
    if (list[middle]! < value) low = middle + 1
    else high = middle
  }
  return low
}
