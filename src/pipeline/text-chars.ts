// Letters and digits, one character at a time, as the pipeline's scanners read text: a surrogate
// pair is one character.

const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, code) => Number(/[\p{L}\p{N}]/u.test(String.fromCharCode(code))))
const WORD_AT = /[\p{L}\p{N}]/uy

/** Whether the character at `index` (at a surrogate pair, the pair) is a letter or digit. */
export function isWordAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  if (code < 128) return ASCII_WORD[code] === 1
  WORD_AT.lastIndex = index
  return WORD_AT.test(text)
}

/** A pair of surrogates is one character. */
export function charLength(text: string, index: number): number {
  const code = text.charCodeAt(index)
  return code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00 ? 2 : 1
}
