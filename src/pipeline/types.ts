// The reader's data model, declared once: the pipeline writes these shapes,
// the app reads them, the tests assert on them.

/** A problem found in an archive, reported as `path:line: message`. */
export interface ArchiveIssue {
  path: string
  line: number
  message: string
  severity: 'error' | 'warning'
}

/** One record as read from a page file, before anything is derived from it. */
export interface SourceRecord {
  category: string
  title: string
  /** The body as the ministry wrote it, without the trailing `dateYYYY-MM-DD`. */
  body: string
  /** ISO date, `YYYY-MM-DD`. */
  date: string
  /** Where the record starts: its first line after the "-" (the category line, where it has one). */
  source: { path: string; line: number }
}

export interface Topic {
  slug: string
  label: string
  description: string
  /** Where the topics page lists it ("Industries", "Policy", "Countries and regions"). */
  group: string
}

export interface TopicWithCount extends Topic {
  count: number
}

export interface Category {
  slug: string
  label: string
  count: number
}

export interface ArticleLink {
  slug: string
  title: string
  date: string
}

/** The caption and the full release that cover the same event are each other's twin. */
export interface TwinLink extends ArticleLink {
  /** What the twin is relative to this release. */
  role: 'caption' | 'full-release'
}

/** What the timeline needs of a release: listing fields only, no body. */
export interface ArticleSummary {
  slug: string
  date: string
  /** Category slug; its label is in the index's `categories`. */
  category: string
  title: string
  excerpt: string
  /** Topic slugs, strongest match first. */
  topics: string[]
  readingMinutes: number
  /** Slug of the caption/full-release twin, when there is one. */
  twin?: string
}

/** One release as the article page shows it. */
export interface Article extends Omit<ArticleSummary, 'twin'> {
  categoryLabel: string
  /** What readers see for each of `topics`, in the same order: a release's page needs no taxonomy. */
  topicLabels: string[]
  /** The body split into readable paragraphs; `paragraphs.join(' ')` is the source body. */
  paragraphs: string[]
  words: number
  twin?: TwinLink
  related: ArticleLink[]
  /** Its neighbours in the whole timeline, for reading on without the listing (or without JavaScript). */
  newer?: ArticleLink
  older?: ArticleLink
}

/** A release as its page shows it: without the listing's excerpt, word count and category slug. */
export type ArticleView = Omit<Article, 'excerpt' | 'words' | 'category'>

/**
 * A release with everything derived but its paragraphs, which `toArticle` adds from the body: the
 * build hands these to the threads that write the pages, so the archive never holds every release's
 * paragraphs at once.
 */
export interface ArticleDraft extends Omit<Article, 'paragraphs'> {
  /** The body as the ministry wrote it. */
  body: string
}

/** The pipeline's listing: every release's summary plus the facets. The app gets it as a head and a listing. */
export interface ArchiveIndex {
  articles: ArticleSummary[]
  topics: TopicWithCount[]
  categories: Category[]
  /** Each former topic slug (renamed or split, `formerly` in topics.yaml) and the topics it leads to. */
  successors: Record<string, string[]>
}

/**
 * What the first screen needs, whatever the archive's size: the facets with their counts over the
 * whole archive and the newest releases. The rest of the listing is fetched when a view needs it.
 */
export interface ArchiveHead {
  total: number
  topics: TopicWithCount[]
  categories: Category[]
  /** Dates of the newest and oldest releases, and each year with releases, newest first. */
  newest?: string
  oldest?: string
  years: string[]
  /** The first releases of the timeline, newest first. */
  latest: ArticleSummary[]
}

/**
 * Every release's listing fields, newest first, one column per field, with what filtering needs
 * precomputed: dates as day numbers and facets as positions in the head's `topics` and `categories`.
 */
export interface ArchiveListing {
  slugs: string[]
  titles: string[]
  excerpts: string[]
  /** Days since 1970-01-01. */
  days: number[]
  categories: number[]
  /** Strongest match first. */
  topics: number[][]
  readingMinutes: number[]
  /** Position of the caption/full-release twin, or -1. */
  twins: number[]
}

export interface ArchiveSummary {
  records: number
  pages: number
  duplicatesMerged: number
  topics: number
  articlesWithoutTopic: number
  /** Releases filed as uncategorized: read from records without a category line. */
  articlesWithoutCategory: number
  errors: number
  warnings: number
}
