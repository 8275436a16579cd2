/** What the timeline's address holds; every key is optional and left out at its default. */
export interface TimelineSearch {
  /** Free text: every word must match; quotes for an exact phrase. */
  q?: string
  /** Topic slugs; a release must carry all of them. Written `?topic=ai,exports`. */
  topic?: string[]
  /** A category slug. */
  category?: string
  /** Inclusive ISO dates. */
  from?: string
  to?: string
  /** With a query, results come by relevance unless this says `date`. */
  sort?: 'date'
}

export interface KnownFacets {
  topics: ReadonlySet<string>
  categories: ReadonlySet<string>
  /** Former topic slugs (renamed or split) and the topics they lead to. */
  successors?: Readonly<Record<string, readonly string[]>>
}

export interface ReadSearch {
  search: TimelineSearch
  /** What was ignored or changed, in the reader's words, to show beside the results. */
  corrections: string[]
}

const TIMELINE_KEYS = ['q', 'topic', 'category', 'from', 'to', 'sort']
const MAX_QUERY = 200

// The schema, with its fallback: values arrive from a hand-edited address (strings) or from the
// app's own navigation (lists, for topics); anything else is treated as absent. (Four such checks
// do not need a schema library: zod/mini added 4.4 KB gzip to the first load for them.)
const text = (value: unknown) =>
  typeof value === 'string' ? value : Array.isArray(value) && value.every((item) => typeof item === 'string') ? value.join(',') : undefined
const readShape = (raw: Record<string, unknown>) => ({
  q: text(raw.q),
  topic: text(raw.topic),
  category: text(raw.category),
  from: text(raw.from),
  to: text(raw.to),
  sort: text(raw.sort),
})

/** A value echoed back to the reader, shortened so a hostile address cannot flood the page. */
function quote(value: string): string {
  const trimmed = value.trim()
  return `“${trimmed.length > 40 ? `${trimmed.slice(0, 39)}…` : trimmed}”`
}

/**
 * The timeline routes' `validateSearch` for an archive's facets: what `readTimelineSearch` reads.
 * The router merges the raw search with what this returns, so every key it was given comes back,
 * rejected ones as undefined, or they would linger in the address.
 */
export function validateTimelineSearch(raw: Record<string, unknown>, known: KnownFacets): TimelineSearch {
  const cleared = Object.fromEntries(Object.keys(raw).map((key) => [key, undefined]))
  const { search } = readTimelineSearch(raw, known)
  return { ...cleared, q: undefined, topic: undefined, category: undefined, from: undefined, to: undefined, sort: undefined, ...search }
}

/**
 * Reads the timeline's search parameters as a reader typed or pasted them: unknown topics and
 * categories and impossible dates are dropped, dates are completed (`2024` → the whole year,
 * `2024-5` → the whole month), and a range given backwards is turned round. Never throws.
 */
export function readTimelineSearch(raw: Record<string, unknown>, known: KnownFacets): ReadSearch {
  const values = readShape(raw)
  const notes = new Set<string>()
  const search: TimelineSearch = {}
  const unused = Object.keys(raw).filter((key) => !TIMELINE_KEYS.includes(key))
  if (unused.length > 0) {
    const named = unused.slice(0, 3).map(quote).join(', ')
    const more = unused.length > 3 ? ` and ${unused.length - 3} more` : ''
    notes.add(`Ignored ${named}${more}, which the timeline does not use.`)
  }

  const query = values.q?.trim()
  if (query) {
    search.q = query.slice(0, MAX_QUERY)
    if (query.length > MAX_QUERY) notes.add(`Shortened the search to its first ${MAX_QUERY} characters.`)
  }

  if (values.topic !== undefined) {
    const topics: string[] = []
    const unknown: string[] = []
    const moved: string[] = []
    for (const item of values.topic.split(',')) {
      const slug = item.trim().toLowerCase()
      if (slug === '') continue
      // A shared link to a topic since renamed reads as the new one; one since split in several
      // names them (a view of several topics holds the releases that have them all, which is not
      // what the old topic held).
      const successors = Object.hasOwn(known.successors ?? {}, slug) ? known.successors![slug]! : undefined
      if (successors) moved.push(slug)
      const topic = successors?.length === 1 ? successors[0]! : slug
      if (successors && successors.length > 1) continue
      if (!known.topics.has(topic)) unknown.push(quote(item))
      else if (!topics.includes(topic)) topics.push(topic)
    }
    if (topics.length > 0) search.topic = topics
    for (const slug of moved.slice(0, 3)) {
      const successors = known.successors![slug]!
      notes.add(
        successors.length === 1
          ? `The topic ${quote(slug)} is now ${quote(successors[0]!)}.`
          : `The topic ${quote(slug)} is now ${successors.length} topics, ${successors.map(quote).join(' and ')}: choose one under Topics.`,
      )
    }
    // One note, however many: a hostile address must not flood the page.
    if (unknown.length === 1) notes.add(`Ignored the unknown topic ${unknown[0]!}.`)
    else if (unknown.length > 1) {
      const named = unknown.slice(0, 3).join(', ')
      notes.add(`Ignored the unknown topics ${named}${unknown.length > 3 ? ` and ${unknown.length - 3} more` : ''}.`)
    }
  }

  if (values.category !== undefined && values.category.trim() !== '') {
    const slug = values.category.trim().toLowerCase()
    if (known.categories.has(slug)) search.category = slug
    else notes.add(`Ignored the unknown category ${quote(values.category)}.`)
  }

  for (const edge of ['from', 'to'] as const) {
    const value = values[edge]
    if (value === undefined || value.trim() === '') continue
    const date = completeDate(value, edge)
    if (date) search[edge] = date
    else notes.add(`Ignored the date ${quote(value)} in “${edge}”: dates are written YYYY-MM-DD.`)
  }
  if (search.from && search.to && search.from > search.to) {
    // Completed the other way round: `from=2024&to=2023` means all of 2023 and 2024.
    search.from = completeDate(values.to!, 'from')
    search.to = completeDate(values.from!, 'to')
    notes.add('The dates were the wrong way round, so “from” and “to” were swapped.')
  }
  const sort = values.sort?.trim().toLowerCase()
  if (sort === 'date') search.sort = 'date'
  else if (sort && sort !== 'relevance') notes.add(`Ignored the order ${quote(values.sort!)}: results come by relevance or by date.`)
  return { search, corrections: [...notes] }
}

/**
 * A full ISO date from a complete or partial one: the first day of a year or month for `from`,
 * the last for `to`. Undefined for anything that is not a real day.
 */
export function completeDate(value: string, edge: 'from' | 'to'): string | undefined {
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value.trim())
  if (!match) return undefined
  const year = Number(match[1])
  const month = match[2] === undefined ? (edge === 'from' ? 1 : 12) : Number(match[2])
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const day = match[3] === undefined ? (edge === 'from' ? 1 : lastDay) : Number(match[3])
  if (month < 1 || month > 12 || day < 1 || day > lastDay) return undefined
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

const KEY_ORDER = ['q', 'topic', 'category', 'from', 'to', 'sort']

/**
 * Addresses stay human-readable: plain `key=value` pairs in a fixed order, lists joined by commas,
 * empty values left out (`?topic=ai,exports&from=2024-05-01`).
 */
export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams()
  const keys = Object.keys(search).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  for (const key of keys) {
    const value = search[key]
    const written = Array.isArray(value) ? value.join(',') : value
    if (typeof written === 'string' ? written !== '' : typeof written === 'number' || typeof written === 'boolean') {
      params.set(key, String(written))
    }
  }
  const query = params.toString().replace(/%2C/gi, ',')
  return query === '' ? '' : `?${query}`
}

function rank(key: string): number {
  const at = KEY_ORDER.indexOf(key)
  return at === -1 ? KEY_ORDER.length : at
}

/**
 * Every value is read as the text it is (`from=2024` stays the string "2024"); a malformed escape
 * decodes to U+FFFD instead of throwing; a key given twice keeps both values, comma-joined.
 */
export function parseSearch(query: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [key, value] of new URLSearchParams(query)) {
    result[key] = key in result ? `${result[key]!},${value}` : value
  }
  return result
}
