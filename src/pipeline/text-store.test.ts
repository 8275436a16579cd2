import { describe, expect, it } from 'vitest'
import { createTextStore, detached } from './text-store.ts'

describe('the text store', () => {
  it('gives back each text as it was given, by position', () => {
    const store = createTextStore()
    const texts = [
      '',
      'plain',
      'Korea’s “exports” – €5 billion',
      '한국 산업통상자원부',
      'emoji 🚢 and a lone \ud800 surrogate',
      'x'.repeat(5_000_000),
    ]
    const positions = texts.map((text) => store.add(text))
    expect(positions).toEqual([0, 1, 2, 3, 4, 5])
    texts.forEach((text, i) => {
      expect(store.get(i)).toBe(text)
    })
    // Texts added after one that took a block of its own are in order still.
    expect(store.add('after')).toBe(6)
    expect(store.get(6)).toBe('after')
  })

  it('fails on a position it does not hold', () => {
    expect(() => createTextStore().get(0)).toThrow(RangeError)
  })

  it('copies a text without changing it', () => {
    for (const text of ['', 'Trade’s title', 'lone \udc00']) expect(detached(text)).toBe(text)
  })
})
