// Tags a release with the taxonomy's topics: its text scanned once, trying at each word only the
// few terms (topic-terms.ts) that can start there.
import { MAX_TOPICS_PER_ARTICLE, type Taxonomy } from './taxonomy.ts'
import { foldAccents, matchEnd, OPENING_LENGTH, type Term, type TermRef, termSource, termsOfRule } from './topic-terms.ts'
// The only character that [\p{L}\p{N}] (isWordAt) matches with the `i` flag and not without is
// U+0345, a mark, which folding removes: in folded text, one test serves both case rules.
import { charLength, isWordAt } from './text-chars.ts'

/** The terms that can match where the text starts with a given run of ASCII characters. */
interface OpeningNode {
  /** Candidates when the run ends here: the next character is not ASCII, or past the indexed length. */
  terms: readonly Term[]
  /** By the next ASCII character. */
  next?: readonly OpeningNode[]
}

/**
 * Which terms to try at a position, from its first few characters. Trying every term at every
 * position where a word may start is what made one alternation of all terms slow. Candidates keep
 * the terms' order, so the first of a rule that matches is the one its alternation would match.
 */
class OpeningIndex {
  private readonly root: OpeningNode
  private readonly byCodePoint = new Map<number, readonly Term[]>()
  private readonly atEnd: readonly Term[]

  constructor(private readonly terms: readonly Term[]) {
    this.root = this.node(terms, 0, new Map())
    this.atEnd = terms.filter((term) => term.anywhere)
  }

  candidates(text: string, at: number): readonly Term[] {
    if (at === text.length) return this.atEnd
    const first = text.charCodeAt(at)
    if (first >= 128) return this.startingWith(text.codePointAt(at)!)
    let node = this.root
    for (let i = 0; node.next; i++) {
      const code = text.charCodeAt(at + i)
      if (!(code < 128)) break
      node = node.next[code]!
    }
    return node.terms
  }

  private startingWith(codePoint: number): readonly Term[] {
    let list = this.byCodePoint.get(codePoint)
    if (!list) {
      list = this.where(this.terms, 0, codePoint)
      this.byCodePoint.set(codePoint, list)
    }
    return list
  }

  /** Nodes with the same candidates at the same depth are one node, which keeps the index small. */
  private node(terms: readonly Term[], depth: number, shared: Map<string, OpeningNode>): OpeningNode {
    if (terms.length === 0 || depth === OPENING_LENGTH) return { terms }
    const key = `${depth}:${terms.map((term) => this.terms.indexOf(term)).join()}`
    let node = shared.get(key)
    if (!node) {
      const next = Array.from({ length: 128 }, (_, code) => this.node(this.where(terms, depth, code), depth + 1, shared))
      node = { terms, next }
      shared.set(key, node)
    }
    return node
  }

  /** The terms of `among`, in order, whose character `depth` can be `codePoint`. */
  private where(among: readonly Term[], depth: number, codePoint: number): readonly Term[] {
    return among.filter((term) => term.opening[depth]!(codePoint))
  }
}

/**
 * Finds what `text.matchAll` would with, per case rule, one alternation of its terms each behind
 * `(?<![\p{L}\p{N}])`: at each position not preceded by a letter or digit, the first term that
 * matches there; one rule's matches do not overlap. Both rules are found in one pass, which skips
 * over words rather than looking at each of their characters.
 */
class TermScan {
  /** Per rule, where its next match may start. */
  private readonly resume = [0, 0]

  constructor(
    private readonly text: string,
    private readonly index: OpeningIndex,
    private readonly visit: (term: Term) => void,
  ) {}

  run(): void {
    const { text } = this
    for (let at = 0; at <= text.length;) {
      this.tryAt(at)
      if (at === text.length) break
      // On to the next position not preceded by a letter or digit: the next character, or past
      // the word starting here and the character that ends it.
      if (isWordAt(text, at)) {
        do at = this.stepOver(at)
        while (at < text.length && isWordAt(text, at))
        if (at === text.length) break
      }
      at = this.stepOver(at)
    }
  }

  private tryAt(at: number): void {
    const { text, resume } = this
    for (const term of this.index.candidates(text, at)) {
      if (at < resume[term.rule]!) continue
      const end = isInsidePair(text, at) ? matchEndInsidePair(term, text, at) : matchEnd(term, text, at)
      if (end === -1) continue
      this.visit(term)
      // After an empty match the search moves on one character, as matchAll does.
      resume[term.rule] = Math.max(end, at + charLength(text, at))
    }
  }

  /**
   * The position after the character at `at`. V8's search also tries the one between the halves of
   * a surrogate pair, where it reads a lone surrogate on either side: only a term that starts with
   * nothing, or with a lone low surrogate, can match there.
   */
  private stepOver(at: number): number {
    if (charLength(this.text, at) === 1) return at + 1
    this.tryAt(at + 1)
    return at + 2
  }
}

function isInsidePair(text: string, at: number): boolean {
  return (text.charCodeAt(at) & 0xfc00) === 0xdc00 && (text.charCodeAt(at - 1) & 0xfc00) === 0xd800
}

/** V8 moves a sticky pattern set inside a surrogate pair back to the pair's start; on a slice, it starts here. */
function matchEndInsidePair(term: Term, text: string, at: number): number {
  const end = matchEnd(term, text.slice(at), 0)
  return end === -1 ? -1 : at + end
}

/**
 * Compiles the taxonomy into its terms, in two case rules (lowercase terms that match any case, and
 * terms that match their exact case), indexed by how they start, so tagging a release scans its
 * text once and tries only the few terms that can start at each word: an archive of ten thousand
 * releases is tagged in well under a second.
 */
export function createTopicMatcher(taxonomy: Taxonomy): (title: string, body: string) => string[] {
  const index = new OpeningIndex([...termsOfRule(taxonomy, 0), ...termsOfRule(taxonomy, 1)])
  const ignore = taxonomy.ignore.length > 0 ? new RegExp(taxonomy.ignore.map(termSource).join('|'), 'giu') : undefined

  const scan = (text: string, visit: (ref: TermRef) => void) => {
    const folded = ignore ? foldAccents(text).replace(ignore, ' ') : foldAccents(text)
    new TermScan(folded, index, (term) => {
      for (const ref of term.refs) visit(ref)
    }).run()
  }

  return (title, body) => {
    const count = taxonomy.topics.length
    const titleHits = new Array<number>(count).fill(0)
    const strongHits = new Array<number>(count).fill(0)
    const weakBodyHits = new Array<number>(count).fill(0)
    scan(title, (ref) => {
      titleHits[ref.topic]! += 1
    })
    scan(body, (ref) => {
      if (ref.strong) strongHits[ref.topic]! += 1
      else weakBodyHits[ref.topic]! += 1
    })
    const scored: { slug: string; score: number; order: number }[] = []
    taxonomy.topics.forEach((topic, i) => {
      const tagged = titleHits[i]! > 0 || strongHits[i]! > 0 || weakBodyHits[i]! >= topic.match.min
      if (tagged) {
        scored.push({ slug: topic.slug, score: titleHits[i]! * 3 + strongHits[i]! * 2 + weakBodyHits[i]!, order: i })
      }
    })
    return scored
      .sort((a, b) => b.score - a.score || a.order - b.order)
      .slice(0, MAX_TOPICS_PER_ARTICLE)
      .map((t) => t.slug)
  }
}
