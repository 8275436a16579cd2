import { describe, it, expect } from 'vitest'
import { buildArchive } from '@/pipeline/build-archive'
import {
  completeDate,
  parseSearch,
  readTimelineSearch,
  stringifySearch,
  type KnownFacets,
  type TimelineSearch,
  validateTimelineSearch,
} from './timeline-search'
import { readSeedFile } from '@/test/seed'

const read = readSeedFile
const { index } = buildArchive([{ path: 'seed.txt', text: read('000_dc10d14db94d7939.txt') }], {
  path: 'topics.yaml',
  text: read('topics.yaml'),
})

// The seed's topics as data/topics.yaml declares them; categories widened so category checks mean something.
const known: KnownFacets = {
  topics: new Set(index.topics.map((t) => t.slug)),
  categories: new Set([...index.categories.map((c) => c.slug), 'trade', 'energy']),
}

describe('the seed facets used here', () => {
  it('include the topics and category these tests rely on', () => {
    for (const slug of ['ai', 'exports', 'aerospace', 'materials']) expect(known.topics.has(slug)).toBe(true)
    expect(known.topics.has('robots')).toBe(false)
    expect(known.categories.has('industry')).toBe(true)
  })
})

describe('readTimelineSearch', () => {
  it('gives an empty search and no corrections for an empty address', () => {
    expect(readTimelineSearch({}, known)).toEqual({ search: {}, corrections: [] })
  })

  it('passes a clean search through unchanged', () => {
    const raw = { topic: 'ai,exports', category: 'industry', from: '2024-05-01', to: '2024-05-31' }
    expect(readTimelineSearch(raw, known)).toEqual({
      search: { topic: ['ai', 'exports'], category: 'industry', from: '2024-05-01', to: '2024-05-31' },
      corrections: [],
    })
  })

  it('splits comma-separated topics', () => {
    expect(readTimelineSearch({ topic: 'ai,exports' }, known).search.topic).toEqual(['ai', 'exports'])
    expect(readTimelineSearch({ topic: 'aerospace' }, known).search.topic).toEqual(['aerospace'])
  })

  it('normalizes case and spaces in topics and category without complaint', () => {
    const result = readTimelineSearch({ topic: ' AI , Exports ', category: ' Industry ' }, known)
    expect(result.search).toEqual({ topic: ['ai', 'exports'], category: 'industry' })
    expect(result.corrections).toEqual([])
  })

  it('removes duplicate topics, keeping first-seen order', () => {
    const result = readTimelineSearch({ topic: 'exports,ai,AI, ai ,exports' }, known)
    expect(result.search.topic).toEqual(['exports', 'ai'])
    expect(result.corrections).toEqual([])
  })

  it('ignores empty items in a topic list', () => {
    expect(readTimelineSearch({ topic: ',ai,,exports,' }, known)).toEqual({
      search: { topic: ['ai', 'exports'] },
      corrections: [],
    })
    expect(readTimelineSearch({ topic: ',,, ' }, known)).toEqual({ search: {}, corrections: [] })
  })

  it('drops unknown topics with one correction naming them, keeping the known ones', () => {
    const result = readTimelineSearch({ topic: 'ai,robots,exports,Moon' }, known)
    expect(result.search.topic).toEqual(['ai', 'exports'])
    expect(result.corrections).toHaveLength(1)
    expect(result.corrections[0]).toContain('robots')
    expect(result.corrections[0]).toContain('Moon')
    expect(result.corrections.join(' ')).not.toMatch(/\bai\b|exports/)
  })

  it('names at most three unknown topics, and counts the rest, so an address cannot flood the page', () => {
    const many = Array.from({ length: 500 }, (_, i) => `t${i}`).join(',')
    const result = readTimelineSearch({ topic: many }, known)
    expect(result.corrections).toEqual(['Ignored the unknown topics “t0”, “t1”, “t2” and 497 more.'])
  })

  it('leaves topic out entirely when every topic is unknown', () => {
    const result = readTimelineSearch({ topic: 'robots' }, known)
    expect('topic' in result.search).toBe(false)
    expect(result.corrections).toHaveLength(1)
    expect(result.corrections[0]).toContain('robots')
  })

  it('drops an unknown category with a correction', () => {
    const result = readTimelineSearch({ category: 'weather', topic: 'ai' }, known)
    expect(result.search).toEqual({ topic: ['ai'] })
    expect(result.corrections).toHaveLength(1)
    expect(result.corrections[0]).toContain('weather')
  })

  it('drops a date that is not a date, with a correction', () => {
    const result = readTimelineSearch({ from: 'banana', to: '2024-05-31' }, known)
    expect(result.search).toEqual({ to: '2024-05-31' })
    expect(result.corrections).toHaveLength(1)
    expect(result.corrections[0]).toContain('banana')
    expect(result.corrections[0]).toContain('from')
  })

  it.each([
    [{ from: '2024' }, { from: '2024-01-01' }],
    [{ to: '2024' }, { to: '2024-12-31' }],
    [{ from: '2024-02' }, { from: '2024-02-01' }],
    [{ to: '2024-02' }, { to: '2024-02-29' }],
    [{ to: '2023-02' }, { to: '2023-02-28' }],
    [{ to: '2024-4' }, { to: '2024-04-30' }],
    [{ from: '2024-5-1' }, { from: '2024-05-01' }],
    [{ to: ' 2024-05-31 ' }, { to: '2024-05-31' }],
  ])('completes the partial date %j to %j without complaint', (raw, expected) => {
    expect(readTimelineSearch(raw, known)).toEqual({ search: expected, corrections: [] })
  })

  it.each([
    ['2024-02-30'],
    ['2023-02-29'],
    ['2023-13-01'],
    ['2024-00-10'],
    ['2024-04-31'],
    ['2024-05-00'],
    ['24-05-01'],
    ['2024/05/01'],
    ['2024-05-01T00:00'],
    ['20240501'],
  ])('drops the impossible or malformed date %s with a correction', (value) => {
    for (const edge of ['from', 'to'] as const) {
      const result = readTimelineSearch({ [edge]: value }, known)
      expect(result.search).toEqual({})
      expect(result.corrections).toHaveLength(1)
      expect(result.corrections[0]).toContain(value)
    }
  })

  it('swaps a range given backwards, with a correction', () => {
    const result = readTimelineSearch({ from: '2024-06-01', to: '2024-01-31' }, known)
    expect(result.search).toEqual({ from: '2024-01-31', to: '2024-06-01' })
    expect(result.corrections).toHaveLength(1)
  })

  it('keeps a one-day range as it is', () => {
    expect(readTimelineSearch({ from: '2024-05-10', to: '2024-05-10' }, known)).toEqual({
      search: { from: '2024-05-10', to: '2024-05-10' },
      corrections: [],
    })
  })

  it('accepts a whole year given as from=to=YYYY', () => {
    expect(readTimelineSearch({ from: '2023', to: '2023' }, known)).toEqual({
      search: { from: '2023-01-01', to: '2023-12-31' },
      corrections: [],
    })
  })

  // ?from=2024&to=2023 reads as from 2024-01-01, to 2023-12-31, then the swap gives a two-day
  // range (2023-12-31..2024-01-01) instead of the two whole years the reader named.
  it('turns round a backwards range of partial dates to cover the periods named', () => {
    expect(readTimelineSearch({ from: '2024', to: '2023' }, known).search).toEqual({
      from: '2023-01-01',
      to: '2024-12-31',
    })
  })

  it.each([
    ['numbers', { topic: 42, category: 7, from: 2024, to: 20240531 }],
    ['arrays of non-strings', { topic: [1, 2], category: [null], from: [{}], to: [true] }],
    ['objects', { topic: { ai: true }, category: {}, from: { year: 2024 }, to: new Date(0) }],
    ['null', { topic: null, category: null, from: null, to: null }],
    ['undefined', { topic: undefined, category: undefined, from: undefined, to: undefined }],
    ['booleans', { topic: true, category: false, from: true, to: false }],
  ])('treats %s as absent, without throwing', (_, raw) => {
    expect(readTimelineSearch(raw as Record<string, unknown>, known)).toEqual({ search: {}, corrections: [] })
  })

  it('reads lists of strings (the app navigates with topic lists) as comma-separated values', () => {
    expect(readTimelineSearch({ topic: ['ai', 'exports'], from: ['2024'], to: [] }, known)).toEqual({
      search: { topic: ['ai', 'exports'], from: '2024-01-01' },
      corrections: [],
    })
  })

  it('keeps the string values when others are not strings', () => {
    expect(readTimelineSearch({ topic: 'ai', category: 3, from: '2024-05', to: null }, known)).toEqual({
      search: { topic: ['ai'], from: '2024-05-01' },
      corrections: [],
    })
  })

  it('treats empty and blank strings as absent, without corrections', () => {
    expect(readTimelineSearch({ topic: '', category: '', from: '', to: '' }, known)).toEqual({
      search: {},
      corrections: [],
    })
    expect(readTimelineSearch({ topic: '  ', category: ' ', from: '\t', to: '   ' }, known)).toEqual({
      search: {},
      corrections: [],
    })
  })

  it('ignores keys it does not know', () => {
    expect(readTimelineSearch({ page: '2', utm_source: 'mail', topic: 'ai' }, known).search).toEqual({
      topic: ['ai'],
    })
  })

  it('never throws on hostile input and keeps nothing unknown in the search', () => {
    const long = 'x'.repeat(100_000)
    const hostile = [
      '<script>alert(1)</script>',
      '../../etc/passwd',
      long,
      `${long},ai`,
      '한국 무역,산업',
      '💥,🇰🇷',
      'İ,ǅ,ß',
      '\u0000\u202e\ufeff',
      '%E0%A4%A',
      '__proto__',
      'constructor',
      '2024-05-01\n2024-06-01',
      '٢٠٢٤-٠٥-٠١', // Arabic-Indic digits are not ASCII dates
      '9999-99-99',
      '-2024-01-01',
    ]
    for (const value of hostile) {
      const raw = { topic: value, category: value, from: value, to: value, q: value }
      let result!: ReturnType<typeof readTimelineSearch>
      expect(() => (result = readTimelineSearch(raw, known))).not.toThrow()
      for (const slug of result.search.topic ?? []) expect(known.topics.has(slug)).toBe(true)
      if (result.search.category !== undefined) expect(known.categories.has(result.search.category)).toBe(true)
      for (const date of [result.search.from, result.search.to]) {
        if (date !== undefined) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      }
      for (const c of result.corrections) expect(typeof c).toBe('string')
    }
  })

  it('finds the known topic inside a hostile list', () => {
    const result = readTimelineSearch({ topic: `<script>,${'x'.repeat(5000)},ai` }, known)
    expect(result.search.topic).toEqual(['ai'])
    expect(result.corrections).toHaveLength(1)
    expect(result.corrections[0]!.length).toBeLessThan(200)
  })
})

describe('readTimelineSearch: topics renamed or split', () => {
  // As if topics.yaml listed `formerly: [power]` under two topics and `formerly: [machines]` under one.
  const renamed: KnownFacets = { ...known, successors: { power: ['ai', 'exports'], machines: ['aerospace'] } }

  it('reads a topic since renamed as the new one, and says so', () => {
    expect(readTimelineSearch({ topic: 'Machines' }, renamed)).toEqual({
      search: { topic: ['aerospace'] },
      corrections: ['The topic “machines” is now “aerospace”.'],
    })
    expect(readTimelineSearch({ topic: 'aerospace,machines,materials' }, renamed).search).toEqual({ topic: ['aerospace', 'materials'] })
  })

  it('names the topics a split one became, and keeps the rest of the address', () => {
    // A view of several topics holds the releases that have them all: not what "power" held.
    expect(readTimelineSearch({ topic: 'power,materials' }, renamed)).toEqual({
      search: { topic: ['materials'] },
      corrections: ['The topic “power” is now 2 topics, “ai” and “exports”: choose one under Topics.'],
    })
  })

  it('takes no former slug from what every object has', () => {
    expect(readTimelineSearch({ topic: 'constructor,__proto__' }, renamed)).toEqual({
      search: {},
      corrections: ['Ignored the unknown topics “constructor”, “__proto__”.'],
    })
  })
})

describe('completeDate', () => {
  it.each([
    ['2024', 'from', '2024-01-01'],
    ['2024', 'to', '2024-12-31'],
    ['2024-02', 'to', '2024-02-29'],
    ['2023-02', 'to', '2023-02-28'],
    ['2000-02', 'to', '2000-02-29'],
    ['1900-02', 'to', '1900-02-28'],
    ['2100-02', 'to', '2100-02-28'],
    ['2024-02-29', 'from', '2024-02-29'],
    ['2000-02-29', 'to', '2000-02-29'],
    ['2024-12', 'to', '2024-12-31'],
    ['2024-11', 'to', '2024-11-30'],
    ['2024-1', 'from', '2024-01-01'],
    ['2024-01-1', 'to', '2024-01-01'],
    ['2024-12-31', 'from', '2024-12-31'],
  ] as const)('completes %s as a %s edge to %s', (value, edge, expected) => {
    expect(completeDate(value, edge)).toBe(expected)
  })

  it.each([
    ['2023-02-29'],
    ['1900-02-29'],
    ['2100-02-29'],
    ['2024-02-30'],
    ['2024-00'],
    ['2024-00-01'],
    ['2024-13'],
    ['2024-01-00'],
    ['2024-01-32'],
    ['2024-06-31'],
    ['2024-001-01'],
    ['2024-01-001'],
    ['12024'],
    [''],
    ['banana'],
  ])('rejects %j for both edges', (value) => {
    expect(completeDate(value, 'from')).toBeUndefined()
    expect(completeDate(value, 'to')).toBeUndefined()
  })
})

describe('stringifySearch', () => {
  it('gives an empty string for an empty search', () => {
    expect(stringifySearch({})).toBe('')
    expect(stringifySearch({ topic: [], category: '', from: undefined, to: null, q: '' })).toBe('')
  })

  it('leaves out undefined and empty values and empty arrays', () => {
    expect(stringifySearch({ q: '', topic: [], category: undefined, from: '2024-05-01', to: undefined })).toBe('?from=2024-05-01')
  })

  it('joins lists with literal commas', () => {
    const query = stringifySearch({ topic: ['ai', 'exports'] })
    expect(query).toBe('?topic=ai,exports')
    expect(query).not.toMatch(/%2C/i)
  })

  it('writes keys in the order q, topic, category, from, to whatever the insertion order', () => {
    const expected = '?q=chips&topic=ai,exports&category=industry&from=2024-05-01&to=2024-05-31'
    const search = { to: '2024-05-31', from: '2024-05-01', category: 'industry', topic: ['ai', 'exports'], q: 'chips' }
    expect(stringifySearch(search)).toBe(expected)
    expect(stringifySearch({ category: 'industry', q: 'chips', to: '2024-05-31', topic: ['ai', 'exports'], from: '2024-05-01' })).toBe(
      expected,
    )
  })

  it('puts keys it does not know after the known ones', () => {
    expect(stringifySearch({ zeta: '1', to: '2024-05-31', alpha: '2', topic: ['ai'] })).toBe('?topic=ai&to=2024-05-31&alpha=2&zeta=1')
  })

  it('escapes characters that would break the address', () => {
    const q = 'R&D = growth #1 50% a+b'
    const query = stringifySearch({ q })
    expect(query.startsWith('?q=')).toBe(true)
    const value = query.slice(3)
    expect(value).not.toMatch(/[&=# ]/)
    expect(parseSearch(query)).toEqual({ q })
  })

  it('round-trips awkward text through parseSearch', () => {
    for (const q of ['a&b=c', '#hash', '  spaced  out ', 'x,y,z', '%2C', '%', '한국 수출', '+plus+', '?start', 'a\nb']) {
      expect(parseSearch(stringifySearch({ q }))).toEqual({ q })
    }
  })
})

describe('parseSearch', () => {
  it('reads values as plain strings', () => {
    expect(parseSearch('?topic=ai,exports&from=2024-05-01')).toEqual({ topic: 'ai,exports', from: '2024-05-01' })
  })

  it('does not JSON-parse values', () => {
    const parsed = parseSearch('?from=2024&to=true&q=null&category=%5B1%5D')
    expect(parsed).toEqual({ from: '2024', to: 'true', q: 'null', category: '[1]' })
  })

  it('reads an address without the leading question mark', () => {
    expect(parseSearch('topic=ai')).toEqual({ topic: 'ai' })
  })

  it('gives an empty object for an empty query', () => {
    expect(parseSearch('')).toEqual({})
    expect(parseSearch('?')).toEqual({})
  })

  it('decodes + and %20 as spaces and %2C as a comma', () => {
    expect(parseSearch('?q=trade+deal%20talks&topic=ai%2Cexports')).toEqual({ q: 'trade deal talks', topic: 'ai,exports' })
  })

  it('does not throw on malformed percent-encoding', () => {
    let parsed: Record<string, string> = {}
    expect(() => (parsed = parseSearch('?q=%E0%A4%A&topic=%&from=%zz'))).not.toThrow()
    expect(typeof parsed.q).toBe('string')
    expect(parsed.topic).toBe('%')
    expect(parsed.from).toBe('%zz')
  })

  it('feeds readTimelineSearch without throwing on a hand-mangled address', () => {
    const parsed = parseSearch('?topic=%E0%A4%A,ai&category=%&from=2024-%31&to=<x>')
    expect(() => readTimelineSearch(parsed, known)).not.toThrow()
    expect(readTimelineSearch(parsed, known).search.topic).toEqual(['ai'])
  })
})

describe('address round trip', () => {
  const searches: TimelineSearch[] = [
    {},
    { topic: ['ai'] },
    { topic: ['ai', 'exports'] },
    { topic: ['aerospace', 'materials', 'standards'], category: 'industry' },
    { from: '2024-05-01' },
    { to: '2024-05-31' },
    { topic: ['exports'], category: 'trade', from: '2024-01-01', to: '2024-12-31' },
    { category: 'energy', from: '2024-02-29', to: '2024-02-29' },
  ]

  it.each(searches)('reads back %j exactly as written', (search) => {
    const query = stringifySearch(search as Record<string, unknown>)
    const back = readTimelineSearch(parseSearch(query), known)
    expect(back.search).toEqual(search)
    expect(back.corrections).toEqual([])
  })

  it('gives a corrected search that writes to a stable address', () => {
    const first = readTimelineSearch(parseSearch('?to=2024-02&topic=Exports,robots,AI&from=2024'), known)
    expect(first.search).toEqual({ topic: ['exports', 'ai'], from: '2024-01-01', to: '2024-02-29' })
    const address = stringifySearch(first.search as Record<string, unknown>)
    expect(address).toBe('?topic=exports,ai&from=2024-01-01&to=2024-02-29')
    const second = readTimelineSearch(parseSearch(address), known)
    expect(second).toEqual({ search: first.search, corrections: [] })
  })
})

describe('validateTimelineSearch', () => {
  it('gives what readTimelineSearch reads, with every other key it was given cleared', () => {
    const raw = { q: ' lithium ', topic: 'ai,robots', from: '2024', utm_source: 'mail' }
    const validated = validateTimelineSearch(raw, known)
    expect(validated).toEqual({ ...readTimelineSearch(raw, known).search, utm_source: undefined })
    expect(validated).toMatchObject({ q: 'lithium', topic: ['ai'], from: '2024-01-01', to: undefined, sort: undefined })
    // The keys are there, set to undefined, so the router drops them from the address.
    expect(Object.keys(validated)).toEqual(expect.arrayContaining(['utm_source', 'category', 'to', 'sort']))
  })

  it('clears everything for an address that holds nothing the timeline can use', () => {
    const validated = validateTimelineSearch({ topic: 'robots', from: 'banana', sort: 'best' }, known)
    expect(Object.values(validated).every((value) => value === undefined)).toBe(true)
  })
})
