import type { ArchiveIssue, SourceRecord } from './types.ts'

/** The categories the ministry uses; another one is read but reported, as it is likely a typo. */
export const KNOWN_CATEGORIES = [
  'Industry',
  'Trade/Investment',
  'Energy',
  'FTA/Economic Cooperation',
] as const

const SEPARATOR = '-'
const DATE_SUFFIX = /date(\d{4}-\d{2}-\d{2})$/
const LOOSE_DATE_SUFFIX = /\bdate\s*\d[\d\-./]*$/
const EXPECTED_SHAPE = 'a record is three lines: category, title, and a one-line body ending in dateYYYY-MM-DD'

export interface ParsedPage {
  records: SourceRecord[]
  issues: ArchiveIssue[]
}

interface Line {
  text: string
  number: number
}

/**
 * Reads one page file of the ministry's listing. Tolerates what messy exports add (byte-order
 * mark, CRLF or CR line ends, surrounding spaces, blank lines, no final newline) and reports
 * everything else as an issue pointing at the offending line; a bad record is never dropped
 * silently.
 */
export function parsePage(path: string, text: string): ParsedPage {
  const issues: ArchiveIssue[] = []
  const records: SourceRecord[] = []
  const error = (line: number, message: string) => issues.push({ path, line, message, severity: 'error' })
  const warning = (line: number, message: string) =>
    issues.push({ path, line, message, severity: 'warning' })

  const lines: Line[] = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .map((raw, index) => ({ text: raw.trim(), number: index + 1 }))
    .filter((line) => line.text !== '')

  if (lines.length === 0) {
    error(1, 'empty page file: it holds no records')
    return { records, issues }
  }

  // Group the non-blank lines into records, each opened by a separator line.
  const groups: { opener: Line; lines: Line[] }[] = []
  const stray: Line[] = []
  for (const line of lines) {
    if (line.text === SEPARATOR) groups.push({ opener: line, lines: [] })
    else if (groups.length === 0) stray.push(line)
    else groups[groups.length - 1]!.lines.push(line)
  }
  if (stray.length > 0) {
    error(stray[0]!.number, `stray line before the first record: the file must start with a line holding "${SEPARATOR}"`)
  }

  for (const { opener, lines: group } of groups) {
    const record = readRecord(opener, group, error, warning)
    if (record) records.push({ ...record, source: { path, line: group[0]!.number } })
  }
  if (groups.length > 0 && records.length === 0 && !issues.some((i) => i.severity === 'error')) {
    error(groups[0]!.opener.number, 'page file holds no records')
  }
  return { records, issues }
}

type Report = (line: number, message: string) => void

function readRecord(
  opener: Line,
  group: Line[],
  error: Report,
  warning: Report,
): Omit<SourceRecord, 'source'> | undefined {
  if (group.length === 0) {
    warning(opener.number, `empty record: nothing follows this "${SEPARATOR}" line`)
    return undefined
  }
  const [category, title, body, ...extra] = group
  if (!title) {
    error(category!.number, `record has no title and no body (${EXPECTED_SHAPE})`)
    return undefined
  }
  if (!body) {
    if (DATE_SUFFIX.test(title.text) || LOOSE_DATE_SUFFIX.test(title.text)) {
      const missing = isKnownCategory(category!.text) ? 'title' : 'category'
      error(title.number, `record has no ${missing}: this body line follows the ${missing === 'title' ? 'category' : 'title'} directly (${EXPECTED_SHAPE})`)
    } else {
      error(title.number, `record has no body: nothing follows the title (${EXPECTED_SHAPE})`)
    }
    return undefined
  }
  if (extra.length > 0) {
    // The stray line is the first one that is neither category, title nor the dated body line.
    const dated = group.findIndex((line, i) => i >= 2 && DATE_SUFFIX.test(line.text))
    error((dated > 2 ? body : extra[0]!).number, `stray line in record (${EXPECTED_SHAPE})`)
    return undefined
  }

  const date = readDate(body, error)
  if (!date) return undefined
  const text = body.text.slice(0, body.text.length - `date${date}`.length).trimEnd()
  if (text === '') {
    error(body.number, 'record has no body: the line holds only the date')
    return undefined
  }
  if (DATE_SUFFIX.test(title.text)) {
    error(title.number, `title ends with a date: the title and body lines look swapped or merged (${EXPECTED_SHAPE})`)
    return undefined
  }
  if (!isKnownCategory(category!.text)) {
    warning(
      category!.number,
      `unknown category "${category!.text}" (the ministry uses ${KNOWN_CATEGORIES.map((c) => `"${c}"`).join(', ')})`,
    )
  }
  return { category: category!.text, title: title.text, body: text, date }
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

export function isKnownCategory(label: string): boolean {
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
