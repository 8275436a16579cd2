// The source flattened every release into one line. These functions restore readable
// paragraphs without changing a character: `paragraphs.join(' ')` is always the body.

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })

/** Abbreviations after which a period does not end a sentence (compared case-insensitively). */
const ABBREVIATIONS = new Set(
  [
    'dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'jr', 'sr', 'inc', 'co', 'corp', 'ltd',
    'gov', 'gen', 'rep', 'sen', 'amb', 'dept', 'vol', 'fig', 'approx', 'vs', 'e.g', 'i.e', 'cf',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
    'a.m', 'p.m', 'mt', 'ft', 'gov', 'pres', 'hon',
  ].map((a) => a.toLowerCase()),
)

/** Dotted country abbreviations end a sentence only when a sentence plainly starts next. */
const DOTTED_NAMES = /(?:^|[\s(“"'‘])(?:U\.S|U\.K|E\.U|U\.N|R\.O\.K|S\.)\.$/

/** Words that commonly open a sentence; after "U.S." they signal a real sentence end. */
const SENTENCE_OPENERS = new Set([
  'A', 'An', 'The', 'This', 'These', 'That', 'Those', 'It', 'Its', 'In', 'On', 'At', 'As', 'He',
  'She', 'They', 'We', 'Meanwhile', 'Moreover', 'However', 'Also', 'And', 'But', 'For', 'With',
  'Under', 'Through', 'According', 'Both', 'During', 'After', 'Before', 'Since', 'While', 'There',
  'First', 'Second', 'Third', 'Finally', 'Accordingly', 'Furthermore', 'Additionally', 'Besides',
])

/** Splits a flattened body into sentences; each keeps its trailing whitespace, so they concatenate back exactly. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = []
  for (const { segment } of segmenter.segment(text)) {
    const previous = sentences[sentences.length - 1]
    if (previous !== undefined && !endsSentence(previous, segment)) {
      sentences[sentences.length - 1] = previous + segment
    } else {
      sentences.push(segment)
    }
  }
  return sentences
}

function endsSentence(sentence: string, next: string): boolean {
  const trimmed = sentence.trimEnd()
  // A sentence must end at a space: a split inside a word ("10.3", "U.S.-bound") is not a boundary.
  if (trimmed.length === sentence.length) return false
  const lastWord = /(\S+)$/.exec(trimmed)?.[1] ?? ''
  if (/^[A-Z]\.$/.test(lastWord)) return false // an initial, as in "Kim K. Nam"
  const bare = lastWord.replace(/^[(“"'‘]+/, '').replace(/\.$/, '').toLowerCase()
  if (lastWord.endsWith('.') && ABBREVIATIONS.has(bare)) return false
  // "No. 5" goes on; "the answer was no. The" ends.
  if (/^nos?$/.test(bare) && /^\s*\d/.test(next)) return false
  if (DOTTED_NAMES.test(trimmed)) {
    const firstWord = /^[\s“"'‘(]*([A-Za-z]+)/.exec(next)?.[1] ?? ''
    return SENTENCE_OPENERS.has(firstWord) || !/^[A-Z]/.test(firstWord)
  }
  // Lowercase after a period is a continuation that the segmenter misread.
  return !/^[\s“"'‘(]*[a-z]/.test(next)
}

/** Sentences that introduce a new step of an argument start a new paragraph. */
const PARAGRAPH_OPENERS =
  /^[“"]?(Meanwhile|Moreover|However|In addition|Additionally|Furthermore|First|Second|Third|Fourth|Finally|Lastly|On the margins)\b/

const TARGET_WORDS = 70
const MAX_SENTENCES = 3

/**
 * Groups a body's sentences into paragraphs of a few sentences. The first sentence, the news lead,
 * stands alone when the body has more to say. Paragraphs are cut only where exactly one space
 * separates two sentences, so joining them with a space gives the body back unchanged.
 */
export function toParagraphs(body: string): string[] {
  const sentences = splitSentences(body)
  const paragraphs: string[] = []
  let current = ''
  let sentenceCount = 0
  let words = 0

  sentences.forEach((sentence, index) => {
    const canBreak = current.endsWith(' ') && !current.endsWith('  ')
    const opensParagraph = PARAGRAPH_OPENERS.test(sentence) && (sentenceCount >= 2 || words >= 40)
    const full = sentenceCount >= MAX_SENTENCES || words >= TARGET_WORDS || (index === 1 && sentences.length > 2)
    if (current !== '' && canBreak && (full || opensParagraph)) {
      paragraphs.push(current.slice(0, -1))
      current = ''
      sentenceCount = 0
      words = 0
    }
    current += sentence
    sentenceCount += 1
    words += countWords(sentence)
  })
  if (current !== '') paragraphs.push(current)
  return paragraphs
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
}

const WORDS_PER_MINUTE = 230

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE))
}

const EXCERPT_CHARS = 240

/** The opening of a release: whole sentences up to about 240 characters, or a cut first sentence. */
export function toExcerpt(body: string): string {
  const sentences = splitSentences(body)
  let excerpt = ''
  for (const sentence of sentences) {
    if ((excerpt + sentence).trimEnd().length > EXCERPT_CHARS) break
    excerpt += sentence
  }
  if (excerpt !== '') return excerpt.trimEnd()
  const cut = body.slice(0, EXCERPT_CHARS)
  const lastSpace = cut.lastIndexOf(' ')
  return `${(lastSpace > EXCERPT_CHARS / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:(–—-]+$/, '')}…`
}
