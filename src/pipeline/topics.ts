import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import { z } from 'zod'
import type { ArchiveIssue, Topic } from './types.ts'

export const MAX_TOPICS_PER_ARTICLE = 6

const term = z.string().trim().min(1, 'a match term is empty')

const topicSchema = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug must be lowercase letters and digits joined by hyphens'),
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
}).strict()

const taxonomySchema = z
  .object({
    ignore: z.array(term).default([]),
    topics: z.array(topicSchema).min(1, 'the taxonomy lists no topics'),
  })
  .strict()

export type TopicRule = z.infer<typeof topicSchema>
export interface Taxonomy {
  ignore: string[]
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
  result.data.topics.forEach((topic, index) => {
    if (seen.has(topic.slug)) {
      issues.push(issueAt(nodeAt(doc.contents, ['topics', index, 'slug'])?.range?.[0], `duplicate topic slug "${topic.slug}"`))
    }
    seen.add(topic.slug)
  })
  return issues.length > 0 ? { issues } : { taxonomy: result.data, issues }
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

/** Accents never matter: "Mineria" matches "Minería". Folding keeps one character per character. */
function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC')
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function termSource(term: string): string {
  const prefix = term.endsWith('*')
  const words = foldAccents(prefix ? term.slice(0, -1) : term)
    .split(/\s+/)
    .map(escapeRegExp)
    .join('[\\s\\-]+')
  return `(?<![\\p{L}\\p{N}])${words}${prefix ? '[\\p{L}\\p{N}]*' : ''}(?![\\p{L}\\p{N}])`
}

interface TermRef {
  topic: number
  strong: boolean
}

/**
 * Compiles the taxonomy into two regular expressions (one for lowercase terms that match any case,
 * one for terms that match their exact case), so tagging a release scans its text twice, not once
 * per term: an archive of ten thousand releases is tagged in well under a second.
 */
export function createTopicMatcher(taxonomy: Taxonomy): (title: string, body: string) => string[] {
  // One capturing group per distinct term; a term listed by several topics tags each of them.
  const refs: TermRef[][][] = [[], []]
  const sources: string[][] = [[], []]
  taxonomy.topics.forEach((topic, index) => {
    for (const [terms, strong] of [[topic.match.strong, true], [topic.match.weak, false]] as const) {
      for (const t of terms) {
        const exactCase = /\p{Lu}/u.test(t) ? 1 : 0
        const source = `(${termSource(t)})`
        let group = sources[exactCase]!.indexOf(source)
        if (group === -1) group = sources[exactCase]!.push(source) - 1
        ;(refs[exactCase]![group] ??= []).push({ topic: index, strong })
      }
    }
  })
  const patterns = sources.map((s, exactCase) =>
    s.length === 0 ? undefined : new RegExp(s.join('|'), exactCase ? 'gu' : 'giu'),
  )
  const ignore =
    taxonomy.ignore.length > 0 ? new RegExp(taxonomy.ignore.map(termSource).join('|'), 'giu') : undefined

  const scan = (text: string, visit: (ref: TermRef) => void) => {
    const folded = ignore ? foldAccents(text).replace(ignore, ' ') : foldAccents(text)
    patterns.forEach((pattern, exactCase) => {
      if (!pattern) return
      for (const match of folded.matchAll(pattern)) {
        // Each term is one capturing group, so the group holding the whole match names the term.
        const group = match.indexOf(match[0], 1)
        for (const ref of refs[exactCase]![group - 1]!) visit(ref)
      }
    })
  }

  return (title, body) => {
    const count = taxonomy.topics.length
    const titleHits = new Array<number>(count).fill(0)
    const strongHits = new Array<number>(count).fill(0)
    const weakBodyHits = new Array<number>(count).fill(0)
    scan(title, (ref) => {
      titleHits[ref.topic]! += 1
    })
    scan(body, (ref) => {
      if (ref.strong) strongHits[ref.topic]! += 1
      else weakBodyHits[ref.topic]! += 1
    })
    const scored: { slug: string; score: number; order: number }[] = []
    taxonomy.topics.forEach((topic, i) => {
      const tagged = titleHits[i]! > 0 || strongHits[i]! > 0 || weakBodyHits[i]! >= topic.match.min
      if (tagged) {
        scored.push({ slug: topic.slug, score: titleHits[i]! * 3 + strongHits[i]! * 2 + weakBodyHits[i]!, order: i })
      }
    })
    return scored
      .sort((a, b) => b.score - a.score || a.order - b.order)
      .slice(0, MAX_TOPICS_PER_ARTICLE)
      .map((t) => t.slug)
  }
}
