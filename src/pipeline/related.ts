// Links between releases: the caption/full-release twin of an event, and other releases on the
// same topics. Both are computed once at build time.
import { overlapAtLeast, ShingleWindow } from './shingles.ts'

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

function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS)
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
      scores[b]! - scores[a]! || Math.abs(days[a]! - days[self]!) - Math.abs(days[b]! - days[self]!) || days[b]! - days[a]! || a - b
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
