// A deterministic synthetic archive in the ministry's page format, recombined from the seed's own
// titles and sentences, so topic matching and search see realistic text at any size.
import { createHash } from 'node:crypto'
import { parsePage } from '../../src/pipeline/parse-page.ts'
import { splitSentences } from '../../src/pipeline/paragraphs.ts'

export interface CorpusOptions {
  /** Distinct releases to write (repeats at page edges come on top). */
  count: number
  /** The same seed and count always give the same bytes. */
  seed?: number
  /** The page file the text is recombined from. */
  source: { path: string; text: string }
}

export interface PageFile {
  name: string
  text: string
}

const CATEGORIES = ['Industry', 'Trade/Investment', 'Energy', 'FTA/Economic Cooperation'] as const
const CATEGORY_WEIGHTS = [0.45, 0.25, 0.2, 0.1]
const FIRST_DAY = Date.UTC(2008, 0, 1)
const LAST_DAY = Date.UTC(2024, 11, 31)
const DAY = 86_400_000
const PER_PAGE = 10

/** mulberry32: a small, fast, seedable generator; Math.random() would differ on every run. */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Release {
  category: string
  title: string
  body: string
  date: string
}

export function generateCorpus({ count, seed = 1, source }: CorpusOptions): PageFile[] {
  const next = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const { records } = parsePage(source.path, source.text)
  if (records.length === 0) throw new Error(`${source.path}: no records to recombine`)
  const themes = records.map((r) => ({ title: r.title, sentences: splitSentences(r.body).map((s) => s.trim()) }))
  const allSentences = themes.flatMap((t) => t.sentences)

  const category = () => {
    let roll = next()
    for (let i = 0; i < CATEGORIES.length; i++) if ((roll -= CATEGORY_WEIGHTS[i]!) < 0) return CATEGORIES[i]!
    return CATEGORIES[0]
  }
  const title = (theme: (typeof themes)[number]) => {
    // The opening words of one seed title and the ending of another, so vocabulary stays real.
    const a = theme.title.split(' ')
    const b = pick(themes).title.split(' ')
    const cut = Math.max(2, Math.floor(a.length * (0.4 + next() * 0.4)))
    return [...a.slice(0, cut), ...b.slice(Math.floor(b.length / 2))].join(' ')
  }
  const body = (theme: (typeof themes)[number]) => {
    const length = 1 + Math.floor(next() * 11)
    const sentences = Array.from({ length }, (_, i) => (i === 0 || next() < 0.6 ? pick(theme.sentences) : pick(allSentences)))
    return sentences.join(' ')
  }

  const days = Array.from({ length: count }, () => FIRST_DAY + Math.floor(next() * ((LAST_DAY - FIRST_DAY) / DAY + 1)) * DAY)
  days.sort((x, y) => y - x)
  const releases: Release[] = []
  const seen = new Set<string>()
  for (let i = 0; i < count; i++) {
    const date = new Date(days[i]!).toISOString().slice(0, 10)
    const previous = releases[releases.length - 1]
    // About one release in twenty is a photo caption on the same event as the release before it:
    // published the same day, told in that release's opening sentences.
    if (previous && !previous.title.endsWith('(photo)') && next() < 0.05) {
      const lead = splitSentences(previous.body).slice(0, 2).join('').trim()
      const caption = `${previous.title.split(' ').slice(0, 6).join(' ')} (photo)`
      releases.push({ category: previous.category, title: caption, body: lead, date: previous.date })
      continue
    }
    const theme = pick(themes)
    let release: Release = { category: category(), title: title(theme), body: body(theme), date }
    while (seen.has(`${release.date} ${release.title}`))
      release = { ...release, title: `${release.title} ${pick(['update', 'follow-up', 'briefing'])}` }
    seen.add(`${release.date} ${release.title}`)
    releases.push(release)
  }
  return paginate(releases, next)
}

function paginate(releases: readonly Release[], next: () => number): PageFile[] {
  const pages: PageFile[] = []
  const digits = Math.max(3, String(Math.ceil(releases.length / PER_PAGE)).length)
  for (let start = 0, page = 0; start < releases.length; start += PER_PAGE, page++) {
    const records = releases.slice(start, start + PER_PAGE)
    // Pages scraped at different times overlap: now and then a page repeats the previous page's last record.
    if (start > 0 && next() < 0.1) records.unshift(releases[start - 1]!)
    let text = `-\n${records.map((r) => `${r.category}\n${r.title}\n${r.body} date${r.date}`).join('\n-\n')}\n`
    // Real exports are messy: a byte-order mark, CRLF line ends, no final newline.
    const mess = next()
    if (mess < 0.05) text = `\uFEFF${text}`
    else if (mess < 0.1) text = text.replace(/\n/g, '\r\n')
    else if (mess < 0.15) text = text.trimEnd()
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 16)
    pages.push({ name: `${String(page).padStart(digits, '0')}_${hash}.txt`, text })
  }
  return pages
}
