// The taxonomy (data/topics.yaml) on an archive written in the ministry's style for this test
// (src/pipeline/fixtures/ministry-range: its three page shapes, every topic, no real release copied):
// each release gets the topics a reader would give it, and none its text does not support.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readArchive } from './read-archive.ts'
import { loadTaxonomy } from './taxonomy.ts'

const archive = readArchive('src/pipeline/fixtures/ministry-range')
const topicsOf = (title: string) => {
  const article = archive.articles.find((a) => a.title === title)
  if (!article) throw new Error(`no release titled ${title}`)
  return article.topics
}

/** Every release of the fixture and its topics, in any order. */
const EXPECTED: [title: string, topics: string[]][] = [
  ['MOTIR opens to lead industry and resource security', ['critical-minerals', 'supply-chains']],
  [
    'Steel and petrochemical industries to restructure as global oversupply deepens',
    ['china', 'petrochemicals', 'steel', 'trade-remedies'],
  ],
  ['Korea signs contract to build two nuclear reactors in the Czech Republic', ['european-union', 'nuclear']],
  ['Minister meets U.S. Commerce Secretary on tariffs and export controls', ['shipbuilding', 'trade-remedies', 'united-states']],
  ['Bio-health exports reach a record on vaccines and medical devices', ['bio-health', 'exports']],
  ['Free economic zones attract record foreign direct investment', ['bio-health', 'investment', 'regions']],
  ['Government tightens protection of core technologies against leaks', ['semiconductors', 'tech-security']],
  ['Korea and the EU hold talks on the carbon border adjustment mechanism', ['climate', 'european-union', 'exports', 'steel']],
  ['Korea and Canada sign MOU on battery supply chains', ['canada', 'critical-minerals', 'international-cooperation', 'supply-chains']],
  ['Retail sales rise 4.2% in June as online shopping grows', ['consumer-goods']],
  ['Korea-Africa business forum opens in Nairobi', ['africa', 'electricity', 'renewables']],
  ['Korea and India agree to upgrade their CEPA', ['india', 'steel', 'trade-agreements']],
  ['Korea and the UAE sign a comprehensive economic partnership agreement', ['critical-minerals', 'middle-east', 'trade-agreements']],
  ['Semiconductor cluster in Yongin to get a dedicated power grid', ['electricity', 'semiconductors']],
  ['Regulatory sandbox approves 15 new services, including hydrogen drones', ['ai', 'hydrogen', 'regulation']],
  ["Korea's exports rise 7.5% in March on chips and cars", ['automobiles', 'exports', 'semiconductors', 'trade-statistics']],
  [
    'Hydrogen and offshore wind to lead the energy transition in the southwest',
    ['electricity', 'energy', 'hydrogen', 'regions', 'renewables'],
  ],
  ['SMEs get KRW 1 trillion in export vouchers', ['exports', 'smes']],
  ['Korea and the UK to set joint standards for autonomous ships', ['shipbuilding', 'standards', 'united-kingdom']],
  [
    'Korean and Japanese industry ministers agree to restore export cooperation',
    ['exports', 'international-cooperation', 'japan', 'supply-chains', 'trade-remedies'],
  ],
  ['MOTIE presents its 2022 work plan to the President', ['exports', 'smes']],
  ['Korea and Australia conclude their free trade agreement', ['australia', 'trade-agreements']],
  ['Battery makers join a trade mission to Poland', ['critical-minerals', 'european-union', 'exports']],
  ['Korea and Chile to study a lithium processing plant in Antofagasta', ['chile', 'critical-minerals']],
  ['Korea and China launch FTA negotiations', ['china', 'international-cooperation', 'trade-agreements']],
  ['Korea to help Mexico and Brazil build smart factories', ['latin-america', 'manufacturing']],
  ['Korea and ASEAN launch joint research on aircraft parts', ['aerospace', 'materials', 'research', 'southeast-asia']],
  ['Korea and Uzbekistan sign deals on a gas chemical complex', ['central-asia', 'oil-gas', 'petrochemicals']],
  ['Crude oil imports from the Middle East fall as prices climb', ['exports', 'middle-east', 'oil-gas']],
]

describe('the taxonomy on releases in the ministry’s style', () => {
  it('reads every release of the three shapes, each with 1 to 6 topics', () => {
    expect(archive.summary).toMatchObject({ records: EXPECTED.length, errors: 0, articlesWithoutTopic: 0 })
    for (const article of archive.articles) {
      expect(article.topics.length).toBeGreaterThanOrEqual(1)
      expect(article.topics.length).toBeLessThanOrEqual(6)
    }
  })

  it.each(EXPECTED)('%s', (title, topics) => {
    expect([...topicsOf(title)].sort()).toEqual([...topics].sort())
  })

  it('uses every topic of the taxonomy at least once', () => {
    const used = new Set(archive.articles.flatMap((a) => a.topics))
    expect(archive.index.topics.map((t) => t.slug).filter((slug) => !used.has(slug))).toEqual([])
  })
})

describe('names are never evidence of a topic', () => {
  const none = (title: string, ...topics: string[]) => {
    for (const topic of topics) expect(topicsOf(title), `${title}: ${topic}`).not.toContain(topic)
  }

  it('the ministry’s own name, in each of its forms', () => {
    // "Ministry of Trade, Industry and Energy" and "Trade, Industry, and Energy Minister": the only
    // mentions of energy in the work report.
    none('MOTIE presents its 2022 work plan to the President', 'energy', 'electricity')
    // Its 2025 name, and the ministry that took over energy.
    none('MOTIR opens to lead industry and resource security', 'energy', 'climate')
    none('Korea signs contract to build two nuclear reactors in the Czech Republic', 'energy')
  })

  it('agencies’ and companies’ names', () => {
    // KOTRA's full name holds "Trade" and "Investment".
    none('MOTIE presents its 2022 work plan to the President', 'investment')
    // LG Energy Solution, KEPCO and Korea Hydro & Nuclear Power on a trade mission about batteries.
    none('Battery makers join a trade mission to Poland', 'energy', 'electricity', 'nuclear')
    // The Korea Trade Commission does not make a release about trade statistics.
    none('Steel and petrochemical industries to restructure as global oversupply deepens', 'trade-statistics')
  })

  it('every form is in data/topics.yaml', () => {
    const { taxonomy } = loadTaxonomy('data/topics.yaml', readFileSync('data/topics.yaml', 'utf8'))
    expect(taxonomy!.ignore).toEqual(
      expect.arrayContaining([
        'Ministry of Trade, Industry and Energy',
        'Trade, Industry, and Energy',
        'Ministry of Trade, Industry and Resources',
        'Korea Trade-Investment Promotion Agency',
        'Korea SMEs and Startups Agency',
        'LG Energy Solution',
      ]),
    )
  })
})

describe('where terms overlap, the more specific one counts', () => {
  it('"trade balance" is trade statistics, though "trade" is a term of exports', () => {
    expect(topicsOf("Korea's exports rise 7.5% in March on chips and cars")).toContain('trade-statistics')
  })

  it('"export controls" are a trade measure, not exports', () => {
    const topics = topicsOf('Minister meets U.S. Commerce Secretary on tariffs and export controls')
    expect(topics).toContain('trade-remedies')
    expect(topics).not.toContain('exports')
  })
})
