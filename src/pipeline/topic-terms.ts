// A taxonomy's match terms compiled for the topic matcher (topics.ts): accents folded, each term
// once per case rule with every topic that lists it, and tests for its first characters.
import type { Taxonomy } from './taxonomy.ts'
import { charLength, isWordAt } from './text-chars.ts'

/** Accents never matter: "Mineria" matches "Minería". Folding keeps one character per character. */
export function foldAccents(text: string): string {
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

export function termSource(term: string): string {
  return `(?<![\\p{L}\\p{N}])${termBody(term)}`
}

export interface TermRef {
  topic: number
  strong: boolean
}

/**
 * A distinct term of one case rule, with every topic that lists it. At a position, its pattern
 * matches the term's words; whether the word ends there (or, for a trailing `*`, where it ends)
 * is checked apart, which keeps \p{L} and \p{N}, slow to compile, out of the patterns.
 */
export interface Term {
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
export function termsOfRule(taxonomy: Taxonomy, rule: number): Term[] {
  const terms = new Map<string, Term>()
  const flags = RULE_FLAGS[rule]!
  taxonomy.topics.forEach((topic, index) => {
    for (const [list, strong] of [
      [topic.match.strong, true],
      [topic.match.weak, false],
    ] as const) {
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
export function matchEnd(term: Term, text: string, at: number): number {
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
export const OPENING_LENGTH = 4
