import { describe, expect, it } from 'vitest'
import { formatDate, plural } from './format'

describe('formatDate', () => {
  it('writes a date as the British style does, every day of a leap year and a common one', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    for (const year of [2008, 2024, 2025]) {
      for (let day = new Date(Date.UTC(year, 0, 1)); day.getUTCFullYear() === year; day = new Date(day.getTime() + 86_400_000)) {
        const iso = day.toISOString().slice(0, 10)
        expect(formatDate(iso)).toBe(intl.format(day))
      }
    }
  })

  it('leaves what is not a date as it is', () => {
    expect(formatDate('2024-13-01')).toBe('2024-13-01')
    expect(formatDate('')).toBe('')
  })
})

describe('plural', () => {
  it('counts with separators and picks the word', () => {
    expect(plural(1, 'release')).toBe('1 release')
    expect(plural(12345, 'release')).toBe('12,345 releases')
  })
})
