import type { SourceFile } from './build-archive.ts'
import { parsePage, UNCATEGORIZED } from './parse-page.ts'
import { countWords, toExcerpt } from './paragraphs.ts'
import { detached, type TextStore } from './text-store.ts'
import type { ArchiveIssue, SourceRecord } from './types.ts'

/** A record once its page is read: its body in the archive's text store, and what is derived from the body alone. */
export interface KeptRecord extends Omit<SourceRecord, 'body'> {
  /** The body's position in the text store. */
  body: number
  words: number
  /** Topic slugs, strongest match first. */
  topics: string[]
  excerpt: string
}

/**
 * Every page's records in listing order, a record seen on an earlier page counted and left out.
 * Records are keyed by date and title, then compared whole: no key holds a copy of every body.
 *
 * A record is read whole only here, while its page's text is in memory (each page's `text` is read
 * once): its body goes to `bodies` (src/pipeline/text-store.ts) and the rest that is kept are
 * copies of their own, so that a page's text can go once its records are read (at 100,000 releases
 * the pages were 310 MB as strings, all kept to the end of the build).
 */
export function mergePages(
  pages: Iterable<SourceFile>,
  issues: ArchiveIssue[],
  bodies: TextStore,
  matchTopics: (title: string, body: string) => string[],
): { records: KeptRecord[]; duplicatesMerged: number } {
  const records: KeptRecord[] = []
  const seen = new Map<string, KeptRecord[]>()
  // A few categories, each label kept once.
  const labels = new Map<string, string>()
  const label = (text: string) => {
    let own = labels.get(text)
    if (own === undefined) labels.set((own = detached(text)), own)
    return own
  }
  let duplicatesMerged = 0
  for (const page of pages) {
    const parsed = parsePage(page.path, page.text)
    issues.push(...parsed.issues)
    for (const record of parsed.records) {
      const title = detached(record.title)
      const key = `${record.date}\n${title}`
      const alike = seen.get(key)
      // The same release from a topic listing (no category line) and from the main listing is one
      // release, filed under the category the main listing gives it.
      const same = alike?.find(
        (r) =>
          (r.category === record.category || r.category === UNCATEGORIZED || record.category === UNCATEGORIZED) &&
          bodies.get(r.body) === record.body,
      )
      if (same) {
        if (same.category === UNCATEGORIZED) same.category = label(record.category)
        duplicatesMerged++
        continue
      }
      const words = countWords(record.body)
      const kept: KeptRecord = {
        category: label(record.category),
        title,
        date: record.date,
        source: record.source,
        body: bodies.add(record.body),
        words,
        topics: matchTopics(record.title, record.body),
        excerpt: detached(toExcerpt(record.body)),
      }
      if (alike) alike.push(kept)
      else seen.set(key, [kept])
      records.push(kept)
    }
  }
  return { records, duplicatesMerged }
}
