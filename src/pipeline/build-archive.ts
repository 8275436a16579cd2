import slugify from '@sindresorhus/slugify'
import { KNOWN_CATEGORIES, parsePage, UNCATEGORIZED } from './parse-page.ts'
import { toArticle } from './article.ts'
import { countWords, readingMinutes, toExcerpt } from './paragraphs.ts'
import { findRelated, findTwins } from './related.ts'
import { baseSlug, disambiguate } from './slug.ts'
import { loadTaxonomy, successorsOf, toTopic } from './taxonomy.ts'
import { createTopicMatcher } from './topics.ts'
import type { Article, ArticleDraft, ArchiveIndex, ArchiveIssue, ArchiveSummary, ArticleLink, Category, SourceRecord } from './types.ts'

export interface SourceFile {
  path: string
  text: string
}

/** The archive with every release derived but its paragraphs, which `toArticle` adds one at a time. */
export interface IndexedArchive {
  index: ArchiveIndex
  issues: ArchiveIssue[]
  summary: ArchiveSummary
  /** The release at `position` in `index.articles` (newest first), made when asked. */
  draft: (position: number) => ArticleDraft
  /** The body of the release at `position`, as the ministry wrote it. */
  body: (position: number) => string
}

export interface BuiltArchive extends Omit<IndexedArchive, 'draft' | 'body'> {
  /** Every release in full, newest first, in the same order as `index.articles`. */
  articles: Article[]
}

/**
 * The pipeline: reads page files and the topic taxonomy, and derives everything the reader shows.
 * The build, `npm run data:check` and the tests all go through here; nothing else parses the archive.
 * Pages are given in listing order (`000_…` first); the result does not depend on anything else.
 */
export function buildArchive(pages: readonly SourceFile[], taxonomyFile: SourceFile): BuiltArchive {
  const { index, issues, summary, draft } = indexArchive(pages, taxonomyFile)
  return { index, issues, summary, articles: index.articles.map((_, i) => toArticle(draft(i))) }
}

/**
 * What `buildArchive` does, except that each release's paragraphs are left to `toArticle`: the
 * build derives them page by page, so a hundred thousand releases never hold them all at once.
 */
export function indexArchive(pages: readonly SourceFile[], taxonomyFile: SourceFile): IndexedArchive {
  const issues: ArchiveIssue[] = []
  const { taxonomy, issues: taxonomyIssues } = loadTaxonomy(taxonomyFile.path, taxonomyFile.text)
  issues.push(...taxonomyIssues)

  const { records, duplicatesMerged } = mergePages(pages, issues)
  // Newest first; on the same day, the listing's own order (it runs newest first).
  const sorted = records
    .map((record, seen) => ({ record, seen }))
    .sort((a, b) => (a.record.date === b.record.date ? a.seen - b.seen : a.record.date < b.record.date ? 1 : -1))
    .map(({ record }) => record)

  const slugs = assignSlugs(sorted, issues)
  const matchTopics = taxonomy ? createTopicMatcher(taxonomy) : () => []
  const topicLabels = new Map((taxonomy?.topics ?? []).map((t) => [t.slug, t.label]))

  const derived = sorted.map((record, i) => {
    const words = countWords(record.body)
    return {
      record,
      slug: slugs[i]!,
      category: categorySlug(record.category),
      topics: matchTopics(record.title, record.body),
      words,
      excerpt: toExcerpt(record.body),
      readingMinutes: readingMinutes(words),
    }
  })

  const linkable = derived.map((d) => ({
    date: d.record.date,
    title: d.record.title,
    body: d.record.body,
    words: d.words,
    topics: d.topics,
  }))
  const twins = findTwins(linkable)
  const related = findRelated(linkable, twins)
  const link = (i: number): ArticleLink => ({
    slug: derived[i]!.slug,
    title: derived[i]!.record.title,
    date: derived[i]!.record.date,
  })

  const topicCounts = new Map<string, number>()
  for (const d of derived) for (const t of d.topics) topicCounts.set(t, (topicCounts.get(t) ?? 0) + 1)
  const index: ArchiveIndex = {
    articles: derived.map((d, i) => {
      const twin = twins.get(i)
      return {
        slug: d.slug,
        date: d.record.date,
        category: d.category,
        title: d.record.title,
        excerpt: d.excerpt,
        topics: d.topics,
        readingMinutes: d.readingMinutes,
        ...(twin !== undefined ? { twin: derived[twin]!.slug } : {}),
      }
    }),
    topics: (taxonomy?.topics ?? []).map((rule) => ({ ...toTopic(rule), count: topicCounts.get(rule.slug) ?? 0 })),
    categories: countCategories(sorted),
    successors: taxonomy ? successorsOf(taxonomy) : {},
  }

  // A release's draft is its listing entry and what its page adds.
  const draft = (i: number): ArticleDraft => {
    const d = derived[i]!
    const twin = twins.get(i)
    return {
      ...index.articles[i]!,
      categoryLabel: d.record.category,
      topicLabels: d.topics.map((t) => topicLabels.get(t) ?? t),
      body: d.record.body,
      words: d.words,
      twin:
        twin === undefined
          ? undefined
          : // Twins differ in length by design (findTwins): the shorter is the caption.
            { ...link(twin), role: derived[twin]!.words < d.words ? 'caption' : 'full-release' },
      related: related[i]!.map(link),
      ...(i > 0 ? { newer: link(i - 1) } : {}),
      ...(i < derived.length - 1 ? { older: link(i + 1) } : {}),
    }
  }

  const errors = issues.filter((i) => i.severity === 'error').length
  return {
    index,
    issues,
    summary: {
      records: derived.length,
      pages: pages.length,
      duplicatesMerged,
      topics: index.topics.filter((t) => t.count > 0).length,
      articlesWithoutTopic: derived.filter((d) => d.topics.length === 0).length,
      articlesWithoutCategory: sorted.filter((r) => r.category === UNCATEGORIZED).length,
      errors,
      warnings: issues.length - errors,
    },
    draft,
    body: (i) => derived[i]!.record.body,
  }
}

/**
 * Every page's records in listing order, a record seen on an earlier page counted and left out.
 * Records are keyed by date and title, then compared whole: no key holds a copy of every body.
 */
function mergePages(pages: readonly SourceFile[], issues: ArchiveIssue[]) {
  const records: SourceRecord[] = []
  const seen = new Map<string, SourceRecord[]>()
  let duplicatesMerged = 0
  for (const page of pages) {
    const parsed = parsePage(page.path, page.text)
    issues.push(...parsed.issues)
    for (const record of parsed.records) {
      const key = `${record.date}\n${record.title}`
      const alike = seen.get(key)
      // The same release from a topic listing (no category line) and from the main listing is one
      // release, filed under the category the main listing gives it.
      const same = alike?.find(
        (r) =>
          r.body === record.body && (r.category === record.category || r.category === UNCATEGORIZED || record.category === UNCATEGORIZED),
      )
      if (same) {
        if (same.category === UNCATEGORIZED) same.category = record.category
        duplicatesMerged++
        continue
      }
      if (alike) alike.push(record)
      else seen.set(key, [record])
      records.push(record)
    }
  }
  return { records, duplicatesMerged }
}

function categorySlug(label: string): string {
  return slugify(label)
}

function countCategories(records: readonly SourceRecord[]): Category[] {
  const counts = new Map<string, number>()
  for (const r of records) counts.set(r.category, (counts.get(r.category) ?? 0) + 1)
  // The ministry's own categories in its order, then any other, then the releases without one.
  const rank = (label: string) => {
    if (label === UNCATEGORIZED) return KNOWN_CATEGORIES.length + 1
    const known = (KNOWN_CATEGORIES as readonly string[]).indexOf(label)
    return known === -1 ? KNOWN_CATEGORIES.length : known
  }
  return [...counts]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([label, count]) => ({ slug: categorySlug(label), label, count }))
}

/**
 * Each slug depends only on its own release. Releases that would share one (same day, same
 * opening words) all get a suffix from their own text, and a warning, since two releases with the
 * same title on the same day are usually a corrected edition worth a look.
 */
function assignSlugs(records: readonly SourceRecord[], issues: ArchiveIssue[]): string[] {
  const bases = records.map((r) => baseSlug(r.date, r.title))
  const groups = new Map<string, number[]>()
  bases.forEach((base, i) => {
    const group = groups.get(base)
    if (group) group.push(i)
    else groups.set(base, [i])
  })
  return bases.map((base, i) => {
    const group = groups.get(base)!
    if (group.length === 1) return base
    const record = records[i]!
    const first = records[group[0]!]!
    if (group[0] !== i) {
      const where = `${first.source.path}:${first.source.line}`
      issues.push({
        path: record.source.path,
        line: record.source.line,
        message:
          first.title === record.title
            ? `same title and date as ${where} but different text; both are kept, their addresses get a suffix`
            : `title begins like ${where} on the same day; both addresses get a suffix`,
        severity: 'warning',
      })
    }
    return disambiguate(base, [record.category, record.title, record.body].join('\n'))
  })
}
