import { readFileSync } from 'node:fs'
import { describe, it, expect } from 'vitest'
import { loadTaxonomy, successorsOf, type Taxonomy, type TopicRule } from './taxonomy.ts'
import { termSpecificity } from './topic-terms.ts'
import { createTopicMatcher } from './topics.ts'
import { readSeedFile } from '@/test/seed'

const seed = readSeedFile('000_dc10d14db94d7939.txt')
const taxonomyText = readFileSync(new URL('../../data/topics.yaml', import.meta.url), 'utf8')

/** The seed's releases, read straight from the file. */
const releases = seed.split('\n').flatMap((line, i, lines) => {
  if (line !== '-') return []
  const bodyLine = lines[i + 3] ?? ''
  return [{ title: lines[i + 2] ?? '', body: bodyLine.replace(/date\d{4}-\d{2}-\d{2}$/, '').trimEnd() }]
})

describe('topics of the seed, with data/topics.yaml', () => {
  const { taxonomy, issues } = loadTaxonomy('data/topics.yaml', taxonomyText)
  const match = createTopicMatcher(taxonomy!)
  const topicsOf = (titlePart: string) => {
    const found = releases.filter((r) => r.title.includes(titlePart))
    expect(found).toHaveLength(1)
    return match(found[0]!.title, found[0]!.body)
  }

  it('loads the project’s taxonomy without an issue', () => {
    expect(issues).toEqual([])
    expect(releases).toHaveLength(10)
  })

  it('gives every release between one and six topics', () => {
    for (const { title, body } of releases) {
      const topics = match(title, body)
      expect(topics.length).toBeGreaterThanOrEqual(1)
      expect(topics.length).toBeLessThanOrEqual(6)
      expect(new Set(topics).size).toBe(topics.length)
    }
  })

  it.each(['2nd Carbon Composites Jump Up', 'Aerospace Carbon Composites Technology'])('carbon composites: %s', (title) => {
    expect(topicsOf(title)).toEqual(expect.arrayContaining(['materials', 'aerospace', 'standards']))
  })

  it('Korea and Chile: critical minerals, Chile, cooperation, supply chains, not exports', () => {
    const topics = topicsOf('Korea and Chile')
    expect(topics).toEqual(expect.arrayContaining(['critical-minerals', 'chile', 'international-cooperation', 'supply-chains']))
    expect(topics).not.toContain('exports')
  })

  it('autonomous ships: shipbuilding, standards, cooperation, United Kingdom', () => {
    expect(topicsOf('autonomous ship navigation')).toEqual(
      expect.arrayContaining(['shipbuilding', 'standards', 'international-cooperation', 'united-kingdom']),
    )
  })

  it('Airbus pair: aerospace and cooperation; the full release also investment', () => {
    expect(topicsOf('sign ITC MOU')).toEqual(expect.arrayContaining(['aerospace', 'international-cooperation']))
    expect(topicsOf('seal MOU')).toEqual(expect.arrayContaining(['aerospace', 'international-cooperation', 'investment']))
  })

  it('automobile exports: automobiles and exports', () => {
    expect(topicsOf('automobile exports')).toEqual(expect.arrayContaining(['automobiles', 'exports']))
  })

  it('AI pair: AI; the full release also manufacturing, and nothing it only mentions in passing', () => {
    expect(topicsOf('inauguration ceremony')).toContain('ai')
    const full = topicsOf('MOTIE launches AI')
    expect(full).toEqual(expect.arrayContaining(['ai', 'manufacturing']))
    for (const passing of ['semiconductors', 'shipbuilding', 'critical-minerals', 'energy']) {
      expect(full).not.toContain(passing)
    }
  })

  it('reshoring: investment', () => {
    expect(topicsOf('reshored companies')).toContain('investment')
  })

  it('puts the strongest match first', () => {
    expect(topicsOf('automobile exports')[0]).toBe('automobiles')
    expect(topicsOf('Korea and Chile')[0]).toBe('critical-minerals')
  })
})

describe('matching rules', () => {
  const rule = (slug: string, match: Partial<TopicRule['match']>): TopicRule => ({
    slug,
    formerly: [],
    label: slug,
    description: slug,
    group: 'Topics',
    match: { strong: [], weak: [], min: 2, ...match },
  })
  const matcher = (topics: TopicRule[], ignore: string[] = []) => createTopicMatcher({ ignore, topics })

  it('a term with a capital matches that case only: "AI" is not "ai" nor part of "said"', () => {
    const match = matcher([rule('ai', { strong: ['AI'] })])
    expect(match('AI chips', '')).toEqual(['ai'])
    expect(match('Minister said', 'He said the ai model and the Thai market were fine.')).toEqual([])
  })

  it('a lowercase term matches any case', () => {
    const match = matcher([rule('critical-minerals', { strong: ['lithium'] })])
    expect(match('LITHIUM', '')).toEqual(['critical-minerals'])
    expect(match('', 'Lithium prices fell.')).toEqual(['critical-minerals'])
  })

  it('matches whole words only: "ship" is not in "partnership" nor "ships"', () => {
    const match = matcher([rule('shipbuilding', { strong: ['ship'] })])
    expect(match('A new partnership', 'Leadership and ships.')).toEqual([])
    expect(match('', 'The ship sailed.')).toEqual(['shipbuilding'])
  })

  it('a trailing * matches any ending, but only at the start of a word', () => {
    const match = matcher([rule('shipbuilding', { strong: ['shipyard*'] })])
    expect(match('', 'Two Shipyards joined.')).toEqual(['shipbuilding'])
    expect(match('', 'The shipyard joined.')).toEqual(['shipbuilding'])
    expect(match('', 'A megashipyard opened.')).toEqual([])
  })

  it('a term of several words matches across a hyphen', () => {
    const match = matcher([rule('supply-chains', { strong: ['supply chain*'] })])
    expect(match('', 'Supply-chain risks and supply  chains.')).toEqual(['supply-chains'])
  })

  it('ignores accents on both sides', () => {
    const match = matcher([rule('chile', { strong: ['mineria'] }), rule('people', { strong: ['Sánchez'] })])
    expect(match('', 'Ministerio de Minería')).toEqual(['chile'])
    expect(match('', 'Francisco Sanchez')).toEqual(['people'])
    expect(match('', 'Francisco Sánchez')).toEqual(['people'])
  })

  it('weak terms need `min` mentions in the body, but one in the title is enough', () => {
    const match = matcher([rule('chile', { weak: ['Chile'], min: 2 })])
    expect(match('Minister visits Santiago', 'Chile is a partner.')).toEqual([])
    expect(match('Minister visits Santiago', 'Chile is a partner. Chile has lithium.')).toEqual(['chile'])
    expect(match('Korea and Chile meet', 'The two countries met.')).toEqual(['chile'])
  })

  it('strong terms need one mention anywhere', () => {
    const match = matcher([rule('investment', { strong: ['reshor*'], weak: ['investment'] })])
    expect(match('Minister meets companies', 'They reshored plants.')).toEqual(['investment'])
  })

  it('removes ignored phrases before matching', () => {
    const match = matcher([rule('energy', { weak: ['energy'], min: 1 })], ['Ministry of Trade, Industry and Energy'])
    expect(match('', 'The Ministry of Trade, Industry and Energy said so.')).toEqual([])
    expect(match('', 'The ministry of trade, industry and energy said energy prices fell.')).toEqual(['energy'])
  })

  // The taxonomy says "accents do not matter", and the phrase here is written exactly as in the text.
  it('removes an ignored phrase written with accents', () => {
    const match = matcher([rule('mining', { strong: ['minera'] })], ['Compañía Minera'])
    expect(match('', 'Compañía Minera signed the deal.')).toEqual([])
  })

  // data/topics.yaml lists "MASS Code" under both shipbuilding and standards.
  it('tags every topic that lists a term, not only the first', () => {
    const match = matcher([rule('shipbuilding', { strong: ['MASS Code'] }), rule('standards', { strong: ['MASS Code'] })])
    expect(match('', 'The IMO MASS Code is due in 2026.')).toEqual(['shipbuilding', 'standards'])
  })

  it('gives at most six topics, the strongest first', () => {
    const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf']
    const match = matcher(words.map((w) => rule(w, { strong: [w] })))
    const topics = match('', `${words.join(' ')}. Golf and golf again.`)
    expect(topics).toHaveLength(6)
    expect(topics[0]).toBe('golf')
    expect(topics).not.toContain('foxtrot')
  })
})

describe('matching as one alternation of every term would', () => {
  // The matcher before terms were indexed by how they start, kept as the reference: each case rule
  // is one regular expression, a capturing group per distinct term.
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC')
  const source = (term: string) => {
    const prefix = term.endsWith('*')
    const words = fold(prefix ? term.slice(0, -1) : term)
      .split(/\s+/)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s\\-]+')
    return `(?<![\\p{L}\\p{N}])${words}${prefix ? '[\\p{L}\\p{N}]*' : ''}(?![\\p{L}\\p{N}])`
  }
  const oneAlternation = (taxonomy: Taxonomy) => {
    // Per case rule, each distinct term's group and the topics that list it; the alternation tries
    // the most specific first (termSpecificity), else in the taxonomy's order.
    const terms: { group: string; specificity: [number, number]; refs: { topic: number; strong: boolean }[] }[][] = [[], []]
    taxonomy.topics.forEach((topic, index) => {
      for (const [list, strong] of [
        [topic.match.strong, true],
        [topic.match.weak, false],
      ] as const) {
        for (const term of list) {
          const exact = /\p{Lu}/u.test(term) ? 1 : 0
          const group = `(${source(term)})`
          let entry = terms[exact]!.find((t) => t.group === group)
          if (!entry) terms[exact]!.push((entry = { group, specificity: termSpecificity(term), refs: [] }))
          entry.refs.push({ topic: index, strong })
        }
      }
    })
    for (const list of terms) list.sort((a, b) => b.specificity[0] - a.specificity[0] || b.specificity[1] - a.specificity[1])
    const sources = terms.map((list) => list.map((t) => t.group))
    const refs = terms.map((list) => list.map((t) => t.refs))
    const patterns = sources.map((s, exact) => (s.length === 0 ? undefined : new RegExp(s.join('|'), exact ? 'gu' : 'giu')))
    const ignore = taxonomy.ignore.length > 0 ? new RegExp(taxonomy.ignore.map(source).join('|'), 'giu') : undefined
    const hits = (text: string) => {
      const folded = ignore ? fold(text).replace(ignore, ' ') : fold(text)
      return patterns.flatMap((pattern, exact) =>
        pattern ? [...folded.matchAll(pattern)].flatMap((m) => refs[exact]![m.indexOf(m[0], 1) - 1]!) : [],
      )
    }
    return (title: string, body: string) => {
      const [inTitle, inBody] = [hits(title), hits(body)]
      const count = (list: { topic: number; strong: boolean }[], i: number, strong?: boolean) =>
        list.filter((ref) => ref.topic === i && (strong === undefined || ref.strong === strong)).length
      return taxonomy.topics
        .map((topic, i) => {
          const [t, s, w] = [count(inTitle, i), count(inBody, i, true), count(inBody, i, false)]
          return { slug: topic.slug, score: t * 3 + s * 2 + w, order: i, tagged: t > 0 || s > 0 || w >= topic.match.min }
        })
        .filter((t) => t.tagged)
        .sort((a, b) => b.score - a.score || a.order - b.order)
        .slice(0, 6)
        .map((t) => t.slug)
    }
  }

  const rule = (slug: string, match: Partial<TopicRule['match']>): TopicRule => ({
    slug,
    formerly: [],
    label: slug,
    description: slug,
    group: 'Topics',
    match: { strong: [], weak: [], min: 1, ...match },
  })
  // Terms that start alike, end in `*`, differ in case or accents, start a word with a hyphen, hold
  // punctuation or characters beyond the BMP, and a bare "*" that matches anywhere.
  const tricky: Taxonomy = {
    ignore: ['Compañía Minera', 'LG Energy Solution'],
    topics: [
      rule('ships', { strong: ['ship', 'ship*', 'shipyard*'], weak: ['vessel*', 'MASS Code'] }),
      rule('ai', { strong: ['AI', 'A.I.', 'artificial intelligence'], weak: ['ai*'] }),
      rule('trade', { strong: ['e -commerce', 'U.S.', 'R&D', 'free trade agreement*'], weak: ['trade', 'US', 'k*', 'free \u0301'] }),
      rule('accents', { strong: ['Sánchez', 'mineria', 'naïve'], weak: ['café*', 'İstanbul'] }),
      rule('astral', { strong: ['𝐀𝐁', 'x😀'], weak: ['ſhip'] }),
      rule('anything', { weak: ['*'], min: 12 }),
    ],
  }
  const fragments = [
    'ship',
    'Ship',
    'SHIPS',
    'shipyard',
    'ſhip',
    'K',
    'k',
    'K',
    ' ',
    '  ',
    '-',
    '--',
    ' - ',
    '.',
    'U.S.',
    'US',
    'us',
    'AI',
    'ai',
    'A.I.',
    'e',
    'commerce',
    'R&D',
    'café',
    'cafe\u0301',
    'Sa\u0301nchez',
    'Minería',
    'naïve',
    '𝐀𝐁',
    '😀',
    'x',
    '(',
    '“',
    '”',
    '\u00a0',
    'vessel',
    'MASS',
    'Code',
    'free',
    'trade',
    'agreements',
    'Compañía',
    'Minera',
    'LG',
    'Energy',
    'Solution',
    'artificial',
    'intelligence',
    '1',
    '\uD800',
    'İstanbul',
    'ß',
    '\u0345',
  ]
  let state = 7
  const random = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    return (state >>> 8) % n
  }
  const texts = Array.from({ length: 1000 }, () =>
    Array.from({ length: 1 + random(30) }, () => fragments[random(fragments.length)]!).join(random(3) ? ' ' : ''),
  )

  it.each([
    ['the tricky taxonomy', tricky],
    ['data/topics.yaml', loadTaxonomy('data/topics.yaml', taxonomyText).taxonomy!],
  ])(
    'on random texts, with %s',
    (_, taxonomy) => {
      const [match, reference] = [createTopicMatcher(taxonomy), oneAlternation(taxonomy)]
      for (const text of texts) {
        expect(match(text, '')).toEqual(reference(text, ''))
        expect(match('', text)).toEqual(reference('', text))
      }
      for (const { title, body } of releases) expect(match(title, body)).toEqual(reference(title, body))
      // Thousands of texts through the reference matcher, a regex of every term: seconds on a busy machine.
    },
    30_000,
  )
})

describe('loadTaxonomy', () => {
  const topic = (slug: string, label = 'Label') => [
    `  - slug: ${slug}`,
    `    label: ${label}`,
    '    description: One line.',
    '    match:',
    '      strong: [term]',
  ]
  const yaml = (...lines: string[]) => `${lines.join('\n')}\n`
  const lineOf = (text: string, line: string) => text.split('\n').indexOf(line) + 1

  it('reads a valid taxonomy with its defaults', () => {
    const { taxonomy, issues } = loadTaxonomy('t.yaml', yaml('topics:', ...topic('ai')))
    expect(issues).toEqual([])
    expect(taxonomy?.topics[0]).toMatchObject({ slug: 'ai', group: 'Topics', match: { strong: ['term'], weak: [], min: 2 } })
  })

  it('reports a bad slug at its line', () => {
    const text = yaml('topics:', ...topic('ai'), ...topic('Critical_Minerals'))
    expect(loadTaxonomy('data/topics.yaml', text)).toEqual({
      issues: [
        {
          path: 'data/topics.yaml',
          line: lineOf(text, '  - slug: Critical_Minerals'),
          severity: 'error',
          message: expect.stringContaining('slug'),
        },
      ],
    })
  })

  it('reports a duplicate slug at the second one', () => {
    const text = yaml('topics:', ...topic('ai'), ...topic('energy'), ...topic('ai', 'Again'))
    const { taxonomy, issues } = loadTaxonomy('data/topics.yaml', text)
    expect(taxonomy).toBeUndefined()
    expect(issues).toEqual([
      {
        path: 'data/topics.yaml',
        line: text.split('\n').lastIndexOf('  - slug: ai') + 1,
        severity: 'error',
        message: expect.stringContaining('duplicate topic slug "ai"'),
      },
    ])
  })

  describe('topics renamed or split', () => {
    const formerly = (slugs: string) => [`    formerly: [${slugs}]`]
    const published = (...slugs: string[]) => ['published:', ...slugs.map((s) => `  - ${s}`)]

    it('reads which topics took over a former slug', () => {
      const text = yaml(
        ...published('power', 'ai'),
        'topics:',
        ...topic('ai'),
        ...topic('nuclear'),
        ...formerly('power'),
        ...topic('grids'),
        ...formerly('power'),
      )
      const { taxonomy, issues } = loadTaxonomy('t.yaml', text)
      expect(issues.filter((i) => i.severity === 'error')).toEqual([])
      expect(successorsOf(taxonomy!)).toEqual({ power: ['nuclear', 'grids'] })
    })

    it('warns at the ledger about a published slug that nothing takes over, and at a topic missing from it', () => {
      const text = yaml(...published('ai', 'power'), 'topics:', ...topic('ai'), ...topic('nuclear'))
      const { taxonomy, issues } = loadTaxonomy('t.yaml', text)
      expect(taxonomy).toBeDefined()
      expect(issues).toEqual([
        {
          path: 't.yaml',
          line: lineOf(text, '  - power'),
          severity: 'warning',
          message: expect.stringMatching(/^topic "power" was published and no topic takes it over: list it under "formerly"/),
        },
        {
          path: 't.yaml',
          line: lineOf(text, '  - slug: nuclear'),
          severity: 'warning',
          message: expect.stringContaining('topic "nuclear" is not in "published"'),
        },
      ])
    })

    it('keeps no ledger unless it has one', () => {
      expect(loadTaxonomy('t.yaml', yaml('topics:', ...topic('ai'))).issues).toEqual([])
    })

    it('refuses a former slug that is still a topic', () => {
      const text = yaml('topics:', ...topic('ai'), ...topic('nuclear'), ...formerly('ai'))
      const { taxonomy, issues } = loadTaxonomy('t.yaml', text)
      expect(taxonomy).toBeUndefined()
      expect(issues).toEqual([
        {
          path: 't.yaml',
          line: lineOf(text, '    formerly: [ai]'),
          severity: 'error',
          message: expect.stringContaining('"ai" is a topic'),
        },
      ])
    })

    it('the project’s own taxonomy publishes every slug it has', () => {
      const text = readFileSync('data/topics.yaml', 'utf8')
      expect(loadTaxonomy('data/topics.yaml', text).issues).toEqual([])
    })
  })

  it('reports a missing label at the topic', () => {
    const text = yaml('topics:', ...topic('ai'), ...topic('energy').filter((l) => !l.includes('label')))
    const { taxonomy, issues } = loadTaxonomy('data/topics.yaml', text)
    expect(taxonomy).toBeUndefined()
    expect(issues).toEqual([
      {
        path: 'data/topics.yaml',
        line: lineOf(text, '  - slug: energy'),
        severity: 'error',
        message: expect.stringContaining('label'),
      },
    ])
  })

  it.each([
    ['a repeated key', (lines: string[]) => lines.toSpliced(3, 0, '    label: Repeated'), '    label: Repeated'],
    ['a tab as indentation', (lines: string[]) => [...lines, '\tgroup: Tabs'], '\tgroup: Tabs'],
  ])('reports invalid YAML (%s) at its line', (_, spoil, offending) => {
    const text = yaml(...spoil(['topics:', ...topic('ai')]))
    const { taxonomy, issues } = loadTaxonomy('data/topics.yaml', text)
    expect(taxonomy).toBeUndefined()
    expect(issues).toContainEqual({
      path: 'data/topics.yaml',
      line: lineOf(text, offending),
      severity: 'error',
      message: expect.stringMatching(/^invalid YAML/),
    })
  })
})
