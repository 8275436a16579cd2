import slugify from '@sindresorhus/slugify'
import { KNOWN_CATEGORIES, UNCATEGORIZED } from './parse-page.ts'
import { toArticle } from './article.ts'
import { type KeptRecord, mergePages } from './merge-pages.ts'
import { releaseDrafts } from './release-drafts.ts'
import { readingMinutes } from './paragraphs.ts'
import { findRelated, findTwins, type LinkableRelease } from './related.ts'
import { baseSlug, disambiguate } from './slug.ts'
import { loadTaxonomy, successorsOf, toTopic } from './taxonomy.ts'
import { createTextStore, type TextStore } from './text-store.ts'
import { createTopicMatcher } from './topics.ts'
import type { Article, ArticleDraft, ArchiveIndex, ArchiveIssue, ArchiveSummary, Category } from './types.ts'

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

  const matchTopics = taxonomy ? createTopicMatcher(taxonomy) : () => []
  const topicLabels = new Map((taxonomy?.topics ?? []).map((t) => [t.slug, t.label]))
  const bodies = createTextStore()
  const bodyOf = (record: KeptRecord) => bodies.get(record.body)
  const { records, duplicatesMerged } = mergePages(pages, issues, bodies, matchTopics)
  // Newest first; on the same day, the listing's own order (it runs newest first).
  const sorted = records
    .map((record, seen) => ({ record, seen }))
    .sort((a, b) => (a.record.date === b.record.date ? a.seen - b.seen : a.record.date < b.record.date ? 1 : -1))
    .map(({ record }) => record)

  const slugs = assignSlugs(sorted, issues, bodyOf)
  const derived = sorted.map((record, i) => ({
    record,
    slug: slugs[i]!,
    category: categorySlug(record.category),
    readingMinutes: readingMinutes(record.words),
  }))

  const linkable = sorted.map((record) => new Linkable(record, bodies))
  const twins = findTwins(linkable)
  const related = findRelated(linkable, twins)
  const topicCounts = new Map<string, number>()
  for (const r of sorted) for (const t of r.topics) topicCounts.set(t, (topicCounts.get(t) ?? 0) + 1)
  const index: ArchiveIndex = {
    articles: derived.map((d, i) => {
      const twin = twins.get(i)
      return {
        slug: d.slug,
        date: d.record.date,
        category: d.category,
        title: d.record.title,
        excerpt: d.record.excerpt,
        topics: d.record.topics,
        readingMinutes: d.readingMinutes,
        ...(twin !== undefined ? { twin: derived[twin]!.slug } : {}),
      }
    }),
    topics: (taxonomy?.topics ?? []).map((rule) => ({ ...toTopic(rule), count: topicCounts.get(rule.slug) ?? 0 })),
    categories: countCategories(sorted),
    successors: taxonomy ? successorsOf(taxonomy) : {},
  }
  const { draft, body } = releaseDrafts(index, sorted, bodies, twins, related, topicLabels)

  const errors = issues.filter((i) => i.severity === 'error').length
  return {
    index,
    issues,
    summary: {
      records: sorted.length,
      pages: pages.length,
      duplicatesMerged,
      topics: index.topics.filter((t) => t.count > 0).length,
      articlesWithoutTopic: sorted.filter((r) => r.topics.length === 0).length,
      articlesWithoutCategory: sorted.filter((r) => r.category === UNCATEGORIZED).length,
      errors,
      warnings: issues.length - errors,
    },
    draft,
    body,
  }
}

/**
 * A release as findTwins and findRelated read it, its body read from the store when asked (once,
 * for its three-word sequences). The getter is the class's: a getter in an object literal, one per
 * object, slowed their loops over pairs of releases by about two seconds at 100,000 releases.
 */
class Linkable implements LinkableRelease {
  readonly date: string
  readonly title: string
  readonly words: number
  readonly topics: string[]
  private readonly at: number
  private readonly bodies: TextStore

  constructor(record: KeptRecord, bodies: TextStore) {
    this.date = record.date
    this.title = record.title
    this.words = record.words
    this.topics = record.topics
    this.at = record.body
    this.bodies = bodies
  }

  get body(): string {
    return this.bodies.get(this.at)
  }
}

function categorySlug(label: string): string {
  return slugify(label)
}

function countCategories(records: readonly KeptRecord[]): Category[] {
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
function assignSlugs(records: readonly KeptRecord[], issues: ArchiveIssue[], bodyOf: (record: KeptRecord) => string): string[] {
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
    return disambiguate(base, [record.category, record.title, bodyOf(record)].join('\n'))
  })
}
