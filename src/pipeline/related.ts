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

function shingles(text: string): Set<string> {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
  const set = new Set<string>()
  for (let i = 0; i + 2 < words.length; i++) set.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`)
  return set
}

/** Share of the shorter text's three-word sequences that the longer text also has. */
function overlap(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  if (small.size === 0) return 0
  let shared = 0
  for (const s of small) if (large.has(s)) shared++
  return shared / small.size
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
  const texts = releases.map((r) => shingles(`${r.title} ${r.body}`))
  const candidates: { a: number; b: number; score: number }[] = []
  for (let x = 0; x < order.length; x++) {
    const a = order[x]!
    for (let y = x + 1; y < order.length && days[order[y]!]! - days[a]! <= TWIN_WINDOW_DAYS; y++) {
      const b = order[y]!
      const [short, long] = [releases[a]!.words, releases[b]!.words].sort((p, q) => p - q)
      if (short! > long! * TWIN_MAX_LENGTH_RATIO) continue
      const score = overlap(texts[a]!, texts[b]!)
      if (score >= TWIN_MIN_SHARED) candidates.push({ a, b, score })
    }
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
 * more than a common one), then by closeness in time. The twin is left out: it has its own link.
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
    // A running top four: sorting every candidate would be quadratic at archive scale.
    const ranked: number[] = []
    for (const i of touched) {
      if (i === self || i === twins.get(self)) continue
      if (ranked.length === MAX_RELATED && before(ranked[MAX_RELATED - 1]!, i) <= 0) continue
      let at = ranked.length
      while (at > 0 && before(i, ranked[at - 1]!) < 0) at--
      ranked.splice(at, 0, i)
      if (ranked.length > MAX_RELATED) ranked.pop()
    }
    for (const i of touched) scores[i] = 0
    return ranked
  })
}

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
