import { describe, expect, it } from 'vitest'
import { buildArchive } from '@/pipeline/build-archive'
import { closestArticles } from './closest-articles'
import { readSeedFile } from '@/test/seed'

const read = readSeedFile
const { index } = buildArchive([{ path: 'seed.txt', text: read('000_dc10d14db94d7939.txt') }], {
  path: 'topics.yaml',
  text: read('topics.yaml'),
})

describe('closestArticles', () => {
  it('finds a release from a truncated or mistyped address, best first', () => {
    const airbus = index.articles.find((a) => a.title.startsWith('MOTIE and Airbus D&S seal'))!
    const found = closestArticles(`${airbus.slug.slice(0, 40)}-establishng`, index.articles)
    expect(found[0]).toBe(airbus)
    expect(found.length).toBeLessThanOrEqual(3)
  })

  it('ignores the date, so a wrong day still finds the release', () => {
    const chile = index.articles.find((a) => a.title.includes('Chile'))!
    expect(closestArticles(`1999-01-01-${chile.slug.slice(11)}`, index.articles)[0]).toBe(chile)
  })

  it('offers nothing for an address that shares no word with any release', () => {
    expect(closestArticles('zzz-qqq', index.articles)).toEqual([])
    expect(closestArticles('', index.articles)).toEqual([])
  })
})
