import type { ArchiveIssue, SourceRecord } from './types.ts'

/** The categories the ministry uses; another one is read but reported, as it is likely a typo. */
export const KNOWN_CATEGORIES = ['Industry', 'Trade/Investment', 'Energy', 'FTA/Economic Cooperation'] as const

/** The category of a record that has no category line, as on the ministry's topic listings. */
export const UNCATEGORIZED = 'Uncategorized'

const SEPARATOR = '-'
const DATE_SUFFIX = /date(\d{4}-\d{2}-\d{2})$/
const LOOSE_DATE_SUFFIX = /\bdate\s*\d[\d\-./]*$/
const EXPECTED_SHAPE =
  'a record is a "-" line, the category (which topic listings leave out), the title, and a one-line body ending in dateYYYY-MM-DD'
const EXPECTED_UNSEPARATED = 'on a page without "-" lines, a record is a title and a one-line body ending in dateYYYY-MM-DD'

export interface ParsedPage {
  records: SourceRecord[]
  issues: ArchiveIssue[]
}

interface Line {
  text: string
  number: number
}

/**
 * Reads one page file of the ministry's listing, in any of the shapes it publishes (see the README):
 * records opened by a "-" line, with a category line or, as on its topic listings, without one; or,
 * as on its older pages, no "-" lines at all, each record ending with its dated body line. Tolerates
 * what messy exports add (byte-order mark, CRLF or CR line ends, surrounding spaces, blank lines, no
 * final newline) and reports everything else as an issue pointing at the offending line; a bad
 * record is never dropped silently.
 */
export function parsePage(path: string, text: string): ParsedPage {
  const issues: ArchiveIssue[] = []
  const records: SourceRecord[] = []
  const error = (line: number, message: string) => issues.push({ path, line, message, severity: 'error' })
  const warning = (line: number, message: string) => issues.push({ path, line, message, severity: 'warning' })

  const lines: Line[] = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .map((raw, index) => ({ text: raw.trim(), number: index + 1 }))
    .filter((line) => line.text !== '')

  if (lines.length === 0) {
    error(1, 'empty page file: it holds no records')
    return { records, issues }
  }

  const separated = lines.some((line) => line.text === SEPARATOR)
  const groups = separated ? separatedRecords(lines, error) : unseparatedRecords(lines)
  let uncategorized: Line | undefined
  let uncategorizedCount = 0
  for (const group of groups) {
    const record = readRecord(group, separated, error, warning)
    if (!record) continue
    records.push({ ...record, source: { path, line: group.lines[0]!.number } })
    if (record.category === UNCATEGORIZED && !group.categoryLine) {
      uncategorized ??= group.lines[0]
      uncategorizedCount++
    }
  }
  if (uncategorized) {
    // One warning a page: a page from a topic listing has no category line in any of its records.
    warning(
      uncategorized.number,
      `${uncategorizedCount === 1 ? '1 record has' : `${uncategorizedCount} records have`} no category line, as on the ministry's ${separated ? 'topic listings' : 'older pages'}: filed as "${UNCATEGORIZED}"`,
    )
  }
  if (groups.length > 0 && records.length === 0 && !issues.some((i) => i.severity === 'error')) {
    error(groups[0]!.opener?.number ?? groups[0]!.lines[0]!.number, 'page file holds no records')
  }
  return { records, issues }
}

type Report = (line: number, message: string) => void

interface Group {
  /** The "-" line that opens the record, on a page that has them. */
  opener?: Line
  lines: Line[]
  /** Set once read: whether the record had a category line. */
  categoryLine?: boolean
}

/** The records of a page with "-" lines: each opened by one; any line before the first is stray. */
function separatedRecords(lines: readonly Line[], error: Report): Group[] {
  const groups: Group[] = []
  const stray: Line[] = []
  for (const line of lines) {
    if (line.text === SEPARATOR) groups.push({ opener: line, lines: [] })
    else if (groups.length === 0) stray.push(line)
    else groups[groups.length - 1]!.lines.push(line)
  }
  if (stray.length > 0) {
    error(stray[0]!.number, `stray line before the first record: a page with "${SEPARATOR}" lines must start with one`)
  }
  return groups
}

/** The records of a page without "-" lines: each ends with its dated body line. */
function unseparatedRecords(lines: readonly Line[]): Group[] {
  const groups: Group[] = [{ lines: [] }]
  for (const line of lines) {
    groups[groups.length - 1]!.lines.push(line)
    if (isDated(line)) groups.push({ lines: [] })
  }
  if (groups[groups.length - 1]!.lines.length === 0) groups.pop()
  return groups
}

/** A body line: it ends with a date, well written or not. */
function isDated(line: Line): boolean {
  return DATE_SUFFIX.test(line.text) || LOOSE_DATE_SUFFIX.test(line.text)
}

function readRecord(group: Group, separated: boolean, error: Report, warning: Report): Omit<SourceRecord, 'source'> | undefined {
  const { lines } = group
  const shape = separated ? EXPECTED_SHAPE : EXPECTED_UNSEPARATED
  if (lines.length === 0) {
    warning(group.opener!.number, `empty record: nothing follows this "${SEPARATOR}" line`)
    return undefined
  }
  const dated = lines.findIndex(isDated)
  if (dated === -1) {
    reportUndated(lines, separated, error)
    return undefined
  }
  const before = lines.slice(0, dated)
  const after = lines.slice(dated + 1)
  const body = lines[dated]!
  if (after.length > 0) {
    if (DATE_SUFFIX.test(after[after.length - 1]!.text) && before.length <= 1) {
      error(body.number, `title ends with a date: the title and body lines look swapped or merged (${shape})`)
    } else {
      error(after[0]!.number, `stray line in record (${shape})`)
    }
    return undefined
  }
  if (before.length === 0) {
    error(body.number, `record has no title: the body line comes first (${shape})`)
    return undefined
  }
  if (before.length === 1 && isKnownCategory(before[0]!.text)) {
    error(body.number, `record has no title: this body line follows the category directly (${shape})`)
    return undefined
  }
  if (before.length > 2 || (before.length === 2 && !separated && !isKnownCategory(before[0]!.text))) {
    // Without "-" lines, a title and a line that does not end with a date are a record whose date is
    // missing, followed by the next record's title.
    if (!separated) error(before[1]!.number, `record has no date: the body must end with dateYYYY-MM-DD (${shape})`)
    else error(before[2]!.number, `stray line in record (${shape})`)
    return undefined
  }
  const [category, title] = before.length === 2 ? [before[0]!, before[1]!] : [undefined, before[0]!]
  group.categoryLine = category !== undefined

  const date = readDate(body, error)
  if (!date) return undefined
  const text = body.text.slice(0, body.text.length - `date${date}`.length).trimEnd()
  if (text === '') {
    error(body.number, 'record has no body: the line holds only the date')
    return undefined
  }
  if (category && !isKnownCategory(category.text)) {
    warning(category.number, `unknown category "${category.text}" (the ministry uses ${KNOWN_CATEGORIES.map((c) => `"${c}"`).join(', ')})`)
  }
  return { category: category?.text ?? UNCATEGORIZED, title: title.text, body: text, date }
}

/** What a record without a dated line lacks, reported at the line where it shows. */
function reportUndated(lines: readonly Line[], separated: boolean, error: Report) {
  const [first, second, third, ...extra] = lines
  if (!separated) {
    error(first!.number, `record has no dated body line: nothing after this line ends with dateYYYY-MM-DD (${EXPECTED_UNSEPARATED})`)
  } else if (!second) {
    error(
      first!.number,
      isKnownCategory(first!.text)
        ? `record has no title and no body (${EXPECTED_SHAPE})`
        : `record has no body: nothing follows the title (${EXPECTED_SHAPE})`,
    )
  } else if (!third && isKnownCategory(first!.text)) {
    error(second.number, `record has no body: nothing follows the title (${EXPECTED_SHAPE})`)
  } else if (extra.length > 0) {
    error(extra[0]!.number, `stray line in record (${EXPECTED_SHAPE})`)
  } else {
    error((third ?? second).number, 'record has no date: the body must end with dateYYYY-MM-DD')
  }
}

function readDate(body: Line, error: Report): string | undefined {
  const strict = DATE_SUFFIX.exec(body.text)
  if (!strict) {
    const loose = LOOSE_DATE_SUFFIX.exec(body.text)
    if (loose) error(body.number, `malformed date "${loose[0]}": the body must end with dateYYYY-MM-DD`)
    else error(body.number, 'record has no date: the body must end with dateYYYY-MM-DD')
    return undefined
  }
  const date = strict[1]!
  if (!isRealDate(date)) {
    error(body.number, `impossible date ${date}: no such day in the calendar`)
    return undefined
  }
  return date
}

function isKnownCategory(label: string): boolean {
  return (KNOWN_CATEGORIES as readonly string[]).includes(label)
}

/** True for an ISO `YYYY-MM-DD` that names a day that exists. */
export function isRealDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}
