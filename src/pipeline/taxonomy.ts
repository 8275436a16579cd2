// The topic taxonomy (data/topics.yaml): its schema, read and checked with every problem at its
// line, and what the archive takes from it (each topic, and the former slugs' successors).
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import { z } from 'zod'
import type { ArchiveIssue, Topic } from './types.ts'

export const MAX_TOPICS_PER_ARTICLE = 6

const term = z.string().trim().min(1, 'a match term is empty')

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug must be lowercase letters and digits joined by hyphens')

const topicSchema = z
  .object({
    slug,
    /** Slugs this topic took over, renamed or split: their addresses lead here. */
    formerly: z.array(slug).default([]),
    label: z.string().trim().min(1, 'label is empty'),
    description: z.string().trim().min(1, 'description is empty'),
    group: z.string().trim().min(1).default('Topics'),
    match: z
      .object({
        strong: z.array(term).default([]),
        weak: z.array(term).default([]),
        min: z.number().int().min(1).default(2),
      })
      .strict()
      .refine((m) => m.strong.length + m.weak.length > 0, 'match needs at least one strong or weak term'),
  })
  .strict()

const taxonomySchema = z
  .object({
    ignore: z.array(term).default([]),
    /** Every slug the site has published: one that is gone without a successor is reported. */
    published: z.array(slug).default([]),
    topics: z.array(topicSchema).min(1, 'the taxonomy lists no topics'),
  })
  .strict()

export type TopicRule = z.infer<typeof topicSchema>
export interface Taxonomy {
  ignore: string[]
  published?: string[]
  topics: TopicRule[]
}

export interface LoadedTaxonomy {
  taxonomy?: Taxonomy
  issues: ArchiveIssue[]
}

/** Reads and validates the topic taxonomy; every problem is reported at its line in the file. */
export function loadTaxonomy(path: string, text: string): LoadedTaxonomy {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false })
  const issueAt = (offset: number | undefined, message: string): ArchiveIssue => ({
    path,
    line: offset === undefined ? 1 : lineCounter.linePos(offset).line,
    message,
    severity: 'error',
  })
  if (doc.errors.length > 0) {
    return { issues: doc.errors.map((e) => issueAt(e.pos[0], `invalid YAML: ${e.message.split('\n')[0]}`)) }
  }
  const result = taxonomySchema.safeParse(doc.toJS())
  if (!result.success) {
    return {
      issues: result.error.issues.map((issue) => {
        const node = nodeAt(doc.contents, issue.path)
        const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
        return issueAt(node?.range?.[0], `${where}${issue.message}`)
      }),
    }
  }
  const issues: ArchiveIssue[] = []
  const seen = new Set<string>()
  const at = (path: PropertyKey[]) => nodeAt(doc.contents, path)?.range?.[0]
  result.data.topics.forEach((topic, index) => {
    if (seen.has(topic.slug)) issues.push(issueAt(at(['topics', index, 'slug']), `duplicate topic slug "${topic.slug}"`))
    seen.add(topic.slug)
  })
  result.data.topics.forEach((topic, index) => {
    topic.formerly.forEach((former, k) => {
      if (seen.has(former)) {
        issues.push(issueAt(at(['topics', index, 'formerly', k]), `"${former}" is a topic: it cannot be a former slug of "${topic.slug}"`))
      }
    })
  })
  if (issues.length > 0) return { issues }
  return {
    taxonomy: result.data,
    issues: publishedWarnings(result.data, (path, message) => ({ ...issueAt(at(path), message), severity: 'warning' })),
  }
}

/**
 * The ledger of published slugs: a topic's addresses (`/topics/<slug>`, its feeds, `?topic=`) are
 * shared and bookmarked, so a slug that leaves the taxonomy must name its successor (`formerly`),
 * and a new one joins the ledger so that its own rename is caught later. Nothing to check in a
 * taxonomy that keeps no ledger.
 */
function publishedWarnings(taxonomy: z.infer<typeof taxonomySchema>, warn: (path: PropertyKey[], message: string) => ArchiveIssue) {
  if (taxonomy.published.length === 0) return []
  const published = new Set(taxonomy.published)
  const current = new Set(taxonomy.topics.flatMap((t) => [t.slug, ...t.formerly]))
  const warnings: ArchiveIssue[] = []
  taxonomy.published.forEach((slug, index) => {
    if (!current.has(slug)) {
      warnings.push(
        warn(
          ['published', index],
          `topic "${slug}" was published and no topic takes it over: list it under "formerly" of the topic(s) that replace it, so its addresses keep working`,
        ),
      )
    }
  })
  taxonomy.topics.forEach((topic, index) => {
    if (!published.has(topic.slug)) {
      warnings.push(
        warn(['topics', index, 'slug'], `topic "${topic.slug}" is not in "published": add it, so that a later rename is caught`),
      )
    }
  })
  return warnings
}

/** Each former slug and the topics that took it over, in the taxonomy's order. */
export function successorsOf(taxonomy: Pick<Taxonomy, 'topics'>): Record<string, string[]> {
  const successors: Record<string, string[]> = {}
  for (const topic of taxonomy.topics) for (const former of topic.formerly) (successors[former] ??= []).push(topic.slug)
  return successors
}

/** The deepest YAML node along a path, so an error points at the closest line. */
function nodeAt(root: unknown, path: PropertyKey[]): Node | undefined {
  let node = root as Node | undefined
  for (const key of path) {
    let child: unknown
    if (isMap(node) || isSeq(node)) child = node.get(key, true)
    if (!child) break
    node = child as Node
  }
  return node
}

export function toTopic(rule: TopicRule): Topic {
  return { slug: rule.slug, label: rule.label, description: rule.description, group: rule.group }
}
