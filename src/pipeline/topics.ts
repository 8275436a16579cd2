import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import { z } from 'zod'
import type { ArchiveIssue, Topic } from './types.ts'

export const MAX_TOPICS_PER_ARTICLE = 6

const term = z.string().trim().min(1, 'a match term is empty')

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug must be lowercase letters and digits joined by hyphens')

const topicSchema = z.object({
  slug,
  /** Slugs this topic took over, renamed or split: their addresses lead here. */
  formerly: z.array(slug).default([]),
  label: z.string().trim().min(1, 'label is empty'),
  description: z.string().trim().min(1, 'description is empty'),
  group: z.string().trim().min(1).default('Topics'),
  match: z
    .object({
      strong: z.array(term).default([]),
      weak: z.array(term).default([]),
      min: z.number().int().min(1).default(2),
    })
    .strict()
    .refine((m) => m.strong.length + m.weak.length > 0, 'match needs at least one strong or weak term'),
}).strict()

const taxonomySchema = z
  .object({
    ignore: z.array(term).default([]),
    /** Every slug the site has published: one that is gone without a successor is reported. */
    published: z.array(slug).default([]),
    topics: z.array(topicSchema).min(1, 'the taxonomy lists no topics'),
  })
  .strict()

export type TopicRule = z.infer<typeof topicSchema>
export interface Taxonomy {
  ignore: string[]
  published?: string[]
  topics: TopicRule[]
}

export interface LoadedTaxonomy {
  taxonomy?: Taxonomy
  issues: ArchiveIssue[]
}

/** Reads and validates the topic taxonomy; every problem is reported at its line in the file. */
export function loadTaxonomy(path: string, text: string): LoadedTaxonomy {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false })
  const issueAt = (offset: number | undefined, message: string): ArchiveIssue => ({
    path,
    line: offset === undefined ? 1 : lineCounter.linePos(offset).line,
    message,
    severity: 'error',
  })
  if (doc.errors.length > 0) {
    return { issues: doc.errors.map((e) => issueAt(e.pos[0], `invalid YAML: ${e.message.split('\n')[0]}`)) }
  }
  const result = taxonomySchema.safeParse(doc.toJS())
  if (!result.success) {
    return {
      issues: result.error.issues.map((issue) => {
        const node = nodeAt(doc.contents, issue.path)
        const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
        return issueAt(node?.range?.[0], `${where}${issue.message}`)
      }),
    }
  }
  const issues: ArchiveIssue[] = []
  const seen = new Set<string>()
  const at = (path: PropertyKey[]) => nodeAt(doc.contents, path)?.range?.[0]
  result.data.topics.forEach((topic, index) => {
    if (seen.has(topic.slug)) issues.push(issueAt(at(['topics', index, 'slug']), `duplicate topic slug "${topic.slug}"`))
    seen.add(topic.slug)
  })
  result.data.topics.forEach((topic, index) => {
    topic.formerly.forEach((former, k) => {
      if (seen.has(former)) {
        issues.push(issueAt(at(['topics', index, 'formerly', k]), `"${former}" is a topic: it cannot be a former slug of "${topic.slug}"`))
      }
    })
  })
  if (issues.length > 0) return { issues }
  return { taxonomy: result.data, issues: publishedWarnings(result.data, (path, message) => ({ ...issueAt(at(path), message), severity: 'warning' })) }
}

/**
 * The ledger of published slugs: a topic's addresses (`/topics/<slug>`, its feeds, `?topic=`) are
 * shared and bookmarked, so a slug that leaves the taxonomy must name its successor (`formerly`),
 * and a new one joins the ledger so that its own rename is caught later. Nothing to check in a
 * taxonomy that keeps no ledger.
 */
function publishedWarnings(taxonomy: z.infer<typeof taxonomySchema>, warn: (path: PropertyKey[], message: string) => ArchiveIssue) {
  if (taxonomy.published.length === 0) return []
  const published = new Set(taxonomy.published)
  const current = new Set(taxonomy.topics.flatMap((t) => [t.slug, ...t.formerly]))
  const warnings: ArchiveIssue[] = []
  taxonomy.published.forEach((slug, index) => {
    if (!current.has(slug)) {
      warnings.push(
        warn(['published', index], `topic "${slug}" was published and no topic takes it over: list it under "formerly" of the topic(s) that replace it, so its addresses keep working`),
      )
    }
  })
  taxonomy.topics.forEach((topic, index) => {
    if (!published.has(topic.slug)) {
      warnings.push(warn(['topics', index, 'slug'], `topic "${topic.slug}" is not in "published": add it, so that a later rename is caught`))
    }
  })
  return warnings
}

/** Each former slug and the topics that took it over, in the taxonomy's order. */
export function successorsOf(taxonomy: Pick<Taxonomy, 'topics'>): Record<string, string[]> {
  const successors: Record<string, string[]> = {}
  for (const topic of taxonomy.topics) for (const former of topic.formerly) (successors[former] ??= []).push(topic.slug)
  return successors
}

/** The deepest YAML node along a path, so an error points at the closest line. */
function nodeAt(root: unknown, path: PropertyKey[]): Node | undefined {
  let node = root as Node | undefined
  for (const key of path) {
    let child: unknown
    if (isMap(node) || isSeq(node)) child = node.get(key, true)
    if (!child) break
    node = child as Node
  }
  return node
}

export function toTopic(rule: TopicRule): Topic {
  return { slug: rule.slug, label: rule.label, description: rule.description, group: rule.group }
}

/** Accents never matter: "Mineria" matches "Minería". Folding keeps one character per character. */
function foldAccents(text: string): string {
  if (!CHANGED_BY_FOLDING.test(text)) return text
  // Most marks are in U+0300–U+036F, which a plain character class removes much faster than \p{M}.
  const common = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
  if (!CHANGED_BY_FOLDING.test(common)) return common
  return common.replace(/\p{M}/gu, '').normalize('NFC')
}

/**
 * Characters that never change when folded, alone or next to others: ASCII from the tab on, Latin-1
 * punctuation and symbols, and general punctuation (curly quotes, dashes, bullets). Most English
 * text has no other, so most texts skip both normalizations, and a text left with only these is
 * folded.
 */
const CHANGED_BY_FOLDING = /[^\t-\u00bf\u2010-\u205f]/

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function termWords(term: string): { words: string[]; prefix: boolean } {
  const prefix = term.endsWith('*')
  return { words: foldAccents(prefix ? term.slice(0, -1) : term).split(/\s+/), prefix }
}

/** A term's pattern from its first character on; that a word starts there is checked apart. */
function termBody(term: string): string {
  const { words, prefix } = termWords(term)
  return `${words.map(escapeRegExp).join('[\\s\\-]+')}${prefix ? '[\\p{L}\\p{N}]*' : ''}(?![\\p{L}\\p{N}])`
}

function termSource(term: string): string {
  return `(?<![\\p{L}\\p{N}])${termBody(term)}`
}

interface TermRef {
  topic: number
  strong: boolean
}

/**
 * A distinct term of one case rule, with every topic that lists it. At a position, its pattern
 * matches the term's words; whether the word ends there (or, for a trailing `*`, where it ends)
 * is checked apart, which keeps \p{L} and \p{N}, slow to compile, out of the patterns.
 */
interface Term {
  /** 0: a lowercase term, matching any case; 1: a term matching its exact case. Each rule matches on its own. */
  rule: number
  /** Sticky. */
  pattern: RegExp
  /** See `termSpecificity`: terms are tried the most specific first. */
  specificity: [number, number]
  ending: 'word' | 'prefix' | 'pattern'
  refs: TermRef[]
  /** Tests for the first few characters. */
  opening: CharTest[]
  /** With no first character (a bare "*"), it can match anywhere, even at the end of the text. */
  anywhere: boolean
}

const RULE_FLAGS = ['iu', 'u']

/**
 * The terms of one case rule, the most specific first: more words first, then longer ones, else in
 * the taxonomy's order. Where terms overlap, the first that matches is the one counted (as in one
 * alternation), so "trade balance" is found where "trade" is a term too, and "export controls"
 * where "export*" is.
 */
function termsOfRule(taxonomy: Taxonomy, rule: number): Term[] {
  const terms = new Map<string, Term>()
  const flags = RULE_FLAGS[rule]!
  taxonomy.topics.forEach((topic, index) => {
    for (const [list, strong] of [[topic.match.strong, true], [topic.match.weak, false]] as const) {
      for (const text of list) {
        if (Number(/\p{Lu}/u.test(text)) !== rule) continue
        // Terms that differ only in accents or spacing are one pattern, as in one alternation.
        const key = termBody(text)
        let term = terms.get(key)
        if (!term) terms.set(key, (term = compileTerm(text, rule, flags)))
        term.refs.push({ topic: index, strong })
      }
    }
  })
  return [...terms.values()].sort((a, b) => b.specificity[0] - a.specificity[0] || b.specificity[1] - a.specificity[1])
}

/** How specific a term is: its words, then its characters (a trailing `*` aside). */
export function termSpecificity(text: string): [words: number, length: number] {
  const bare = text.trim().replace(/\*$/, '')
  return [bare.split(/\s+/).length, bare.length]
}

function compileTerm(text: string, rule: number, flags: string): Term {
  const { words, prefix } = termWords(text)
  // Where the words end is fixed unless a "[\s\-]+" between them can end in more than one place:
  // before a word that starts with a hyphen, or before nothing (a term ending in a mark, folded
  // away). Then what follows decides, and the whole pattern is needed.
  const plain = words.slice(1).every((word) => word !== '' && !word.startsWith('-'))
  const chars = Array.from(words[0]!)
  return {
    rule,
    specificity: termSpecificity(text),
    pattern: new RegExp(plain ? words.map(escapeRegExp).join('[\\s\\-]+') : termBody(text), `${flags}y`),
    ending: !plain ? 'pattern' : prefix ? 'prefix' : 'word',
    refs: [],
    opening: Array.from({ length: OPENING_LENGTH }, (_, i) => charTest(chars[i], flags)),
    anywhere: chars.length === 0,
  }
}

/** Where a term that matches at `at` ends, or -1. */
function matchEnd(term: Term, text: string, at: number): number {
  term.pattern.lastIndex = at
  if (!term.pattern.test(text)) return -1
  let end = term.pattern.lastIndex
  if (term.ending === 'pattern') return end
  if (term.ending === 'word') return end < text.length && isWordAt(text, end) ? -1 : end
  while (end < text.length && isWordAt(text, end)) end += charLength(text, end)
  return end
}

/** Whether a character of the text can be a given character of a term (any, if the term has none there). */
type CharTest = (codePoint: number) => boolean

const charTests = new Map<string, CharTest>()

function charTest(char: string | undefined, flags: string): CharTest {
  if (char === undefined) return () => true
  const key = `${flags}:${char}`
  let test = charTests.get(key)
  if (!test) {
    const pattern = new RegExp(`^${escapeRegExp(char)}$`, flags)
    const ascii = Array.from({ length: 128 }, (_, code) => pattern.test(String.fromCharCode(code)))
    test = (codePoint) => (codePoint < 128 ? ascii[codePoint]! : pattern.test(String.fromCodePoint(codePoint)))
    charTests.set(key, test)
  }
  return test
}

/** How many characters at a position pick the terms to try there. */
const OPENING_LENGTH = 4

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
      const next = Array.from({ length: 128 }, (_, code) =>
        this.node(this.where(terms, depth, code), depth + 1, shared),
      )
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

// The only character that [\p{L}\p{N}] matches with the `i` flag and not without is U+0345, a mark,
// which folding removes: in folded text, one test serves both case rules.
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, code) =>
  Number(/[\p{L}\p{N}]/u.test(String.fromCharCode(code))),
)
const WORD_AT = /[\p{L}\p{N}]/uy

function isWordAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at)
  if (code < 128) return ASCII_WORD[code] === 1
  WORD_AT.lastIndex = at
  return WORD_AT.test(text)
}

/** A pair of surrogates is one character. */
function charLength(text: string, at: number): number {
  const code = text.charCodeAt(at)
  return code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? 2 : 1
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
    for (let at = 0; at <= text.length; ) {
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
  const ignore =
    taxonomy.ignore.length > 0 ? new RegExp(taxonomy.ignore.map(termSource).join('|'), 'giu') : undefined

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
