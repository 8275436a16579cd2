// The source flattened every release into one line. These functions restore readable
// paragraphs without changing a character: `paragraphs.join(' ')` is always the body.

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })

/** Abbreviations after which a period does not end a sentence (compared case-insensitively). */
const ABBREVIATIONS = new Set(
  (
    'dr mr mrs ms prof st jr sr inc co corp ltd gov gen rep sen amb dept vol fig approx vs e.g i.e cf ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m mt ft pres hon'
  ).split(' '),
)

/**
 * Dotted country abbreviations end a sentence only when a sentence plainly starts next. Tested on
 * the last word: the start of the word stands for the space before it.
 */
const DOTTED_NAMES = /(?:^|[\s(“"'‘])(?:U\.S|U\.K|E\.U|U\.N|R\.O\.K|S\.)\.$/

/** Words that commonly open a sentence; after "U.S." they signal a real sentence end. */
const SENTENCE_OPENERS = new Set([
  'A',
  'An',
  'The',
  'This',
  'These',
  'That',
  'Those',
  'It',
  'Its',
  'In',
  'On',
  'At',
  'As',
  'He',
  'She',
  'They',
  'We',
  'Meanwhile',
  'Moreover',
  'However',
  'Also',
  'And',
  'But',
  'For',
  'With',
  'Under',
  'Through',
  'According',
  'Both',
  'During',
  'After',
  'Before',
  'Since',
  'While',
  'There',
  'First',
  'Second',
  'Third',
  'Finally',
  'Accordingly',
  'Furthermore',
  'Additionally',
  'Besides',
])

/** Splits a flattened body into sentences; each keeps its trailing whitespace, so they concatenate back exactly. */
export function splitSentences(text: string): string[] {
  return [...sentencesOf(text)]
}

/** The sentences of `splitSentences`, one at a time: a caller that needs only the first few stops early. */
export function* sentencesOf(text: string): Generator<string, void, undefined> {
  let sentence: string | undefined
  for (const { segment } of segmenter.segment(text)) {
    if (sentence === undefined) {
      sentence = segment
    } else if (endsSentence(sentence, segment)) {
      yield sentence
      sentence = segment
    } else {
      sentence += segment
    }
  }
  if (sentence !== undefined) yield sentence
}

function endsSentence(sentence: string, next: string): boolean {
  // A sentence must end at a space: a split inside a word ("10.3", "U.S.-bound") is not a boundary.
  if (sentence === '' || !isSpace(sentence.charCodeAt(sentence.length - 1))) return false
  const lastWord = lastWordOf(sentence)
  if (/^[A-Z]\.$/.test(lastWord)) return false // an initial, as in "Kim K. Nam"
  const bare = lastWord
    .replace(/^[(“"'‘]+/, '')
    .replace(/\.$/, '')
    .toLowerCase()
  if (lastWord.endsWith('.') && ABBREVIATIONS.has(bare)) return false
  // "No. 5" goes on; "the answer was no. The" ends.
  if (/^nos?$/.test(bare) && /^\s*\d/.test(next)) return false
  if (DOTTED_NAMES.test(lastWord)) {
    const firstWord = /^[\s“"'‘(]*([A-Za-z]+)/.exec(next)?.[1] ?? ''
    return SENTENCE_OPENERS.has(firstWord) || !/^[A-Z]/.test(firstWord)
  }
  // Lowercase after a period is a continuation that the segmenter misread.
  return !/^[\s“"'‘(]*[a-z]/.test(next)
}

const SPACE = /\s/

/** Whitespace as `\s` and `trim` define it. */
function isSpace(code: number): boolean {
  return code < 128 ? code === 32 || (code >= 9 && code <= 13) : SPACE.test(String.fromCharCode(code))
}

/**
 * The run of non-space characters that ends the text before its trailing spaces. Looking back from
 * the end costs the length of the word; a regular expression anchored at the end tries every start.
 */
function lastWordOf(text: string): string {
  let end = text.length
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--
  let start = end
  while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--
  return text.slice(start, end)
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
  // The current paragraph is body.slice(start, end): sentences concatenate back to the body.
  let start = 0
  let end = 0
  let sentenceCount = 0
  let words = 0

  sentences.forEach((sentence, index) => {
    const canBreak = end > start && body[end - 1] === ' ' && !(end - start >= 2 && body[end - 2] === ' ')
    const opensParagraph = (sentenceCount >= 2 || words >= 40) && PARAGRAPH_OPENERS.test(sentence)
    const full = sentenceCount >= MAX_SENTENCES || words >= TARGET_WORDS || (index === 1 && sentences.length > 2)
    if (end > start && canBreak && (full || opensParagraph)) {
      paragraphs.push(body.slice(start, end - 1))
      start = end
      sentenceCount = 0
      words = 0
    }
    end += sentence.length
    sentenceCount += 1
    // Words decide nothing once the paragraph has its most sentences or words.
    if (sentenceCount < MAX_SENTENCES && words < TARGET_WORDS) words += countWords(sentence)
  })
  if (end > start) paragraphs.push(body.slice(start, end))
  return paragraphs
}

const ASCII_WORD_CHAR = Uint8Array.from({ length: 128 }, (_, code) => Number(/[\p{L}\p{N}]/u.test(String.fromCharCode(code))))
const WORD_CHAR_AT = /[\p{L}\p{N}]/uy

/**
 * Runs of non-space characters that hold a letter or digit, as splitting at whitespace would give,
 * counted in one pass without making a string of each word.
 */
export function countWords(text: string): number {
  let words = 0
  let counted = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (isSpace(code)) {
      counted = false
    } else if (!counted && (code < 128 ? ASCII_WORD_CHAR[code] === 1 : isWordCharAt(text, i))) {
      words++
      counted = true
    }
  }
  return words
}

function isWordCharAt(text: string, index: number): boolean {
  WORD_CHAR_AT.lastIndex = index
  return WORD_CHAR_AT.test(text)
}

const WORDS_PER_MINUTE = 230

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE))
}

const EXCERPT_CHARS = 240

/** The opening of a release: whole sentences up to about 240 characters, or a cut first sentence. */
export function toExcerpt(body: string): string {
  let excerpt = ''
  for (const sentence of sentencesOf(body)) {
    if ((excerpt + sentence).trimEnd().length > EXCERPT_CHARS) break
    excerpt += sentence
  }
  if (excerpt !== '') return excerpt.trimEnd()
  const cut = body.slice(0, EXCERPT_CHARS)
  const lastSpace = cut.lastIndexOf(' ')
  return `${(lastSpace > EXCERPT_CHARS / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:(–—-]+$/, '')}…`
}
