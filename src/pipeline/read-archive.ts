// Reading an archive from disk: the only part of the pipeline that touches the file system.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildArchive, type BuiltArchive, indexArchive, type IndexedArchive, type SourceFile } from './build-archive.ts'
import type { ArchiveIssue, ArchiveSummary } from './types.ts'

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const DEFAULT_ARCHIVE = join(PROJECT_ROOT, 'data')
const TAXONOMY_FILE = 'topics.yaml'

export interface ArchiveSource {
  pages: SourceFile[]
  taxonomy: SourceFile
  /** Files the archive was read from, to watch in development. */
  files: string[]
}

/** Where the archive lives: the argument, else `NEWS_DATA`, else the project's `data/`. */
export function archiveLocation(argument?: string): string {
  // An empty argument or variable means "not given", as in `NEWS_DATA= npm run build`.
  return resolve(argument || process.env.NEWS_DATA || DEFAULT_ARCHIVE)
}

/**
 * Collects page files (`*.txt`, in file-name order, so `000_…` comes first) from a file or a folder
 * (searched recursively), and the topic taxonomy: the archive's own `topics.yaml` if it has one,
 * else the project's.
 */
export function readArchiveSource(location: string): ArchiveSource {
  const { pageFiles, taxonomyPath } = locateArchive(location)
  return {
    pages: pageFiles.map((file) => ({ path: display(file), text: readFileSync(file, 'utf8') })),
    taxonomy: { path: display(taxonomyPath), text: readFileSync(taxonomyPath, 'utf8') },
    files: [...pageFiles, taxonomyPath],
  }
}

const display = (file: string) => relative(process.cwd(), file) || '.'

function locateArchive(location: string): { pageFiles: string[]; taxonomyPath: string } {
  if (!existsSync(location)) throw new ArchiveSourceError(`${display(location)}: no such file or folder`)
  const folder = statSync(location).isDirectory() ? location : dirname(location)
  const pageFiles = statSync(location).isDirectory() ? findPageFiles(location) : [location]
  if (pageFiles.length === 0) throw new ArchiveSourceError(`${display(location)}: no page files (*.txt) found`)
  const ownTaxonomy = join(folder, TAXONOMY_FILE)
  return { pageFiles, taxonomyPath: existsSync(ownTaxonomy) ? ownTaxonomy : join(DEFAULT_ARCHIVE, TAXONOMY_FILE) }
}

function findPageFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.txt'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort((a, b) => relative(folder, a).localeCompare(relative(folder, b), 'en'))
}

export class ArchiveSourceError extends Error {}

export function readArchive(location: string): BuiltArchive & { source: ArchiveSource } {
  const source = readArchiveSource(location)
  return { ...buildArchive(source.pages, source.taxonomy), source }
}

/**
 * `readArchive` without the paragraphs (see `indexArchive`): what the build and the check use. The
 * page files' text is not kept: the index holds what it needs of them.
 */
export function readArchiveIndex(location: string): IndexedArchive & { source: Pick<ArchiveSource, 'files'> } {
  const { pageFiles, taxonomyPath } = locateArchive(location)
  // Each page file is read when the pipeline comes to it, and let go once its records are read
  // (src/pipeline/merge-pages.ts): read all at once, they were 310 MB at 100,000 releases.
  const pages = pageFiles.map((file) => ({
    path: display(file),
    get text() {
      return readFileSync(file, 'utf8')
    },
  }))
  const taxonomy = { path: display(taxonomyPath), text: readFileSync(taxonomyPath, 'utf8') }
  return { ...indexArchive(pages, taxonomy), source: { files: [...pageFiles, taxonomyPath] } }
}

export function formatIssue(issue: ArchiveIssue): string {
  return `${issue.path}:${issue.line}: ${issue.severity === 'warning' ? 'warning: ' : ''}${issue.message}`
}

export function formatSummary(summary: ArchiveSummary): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  return [
    `${plural(summary.records, 'record')} from ${plural(summary.pages, 'page')}`,
    `${plural(summary.duplicatesMerged, 'duplicate')} merged`,
    `${plural(summary.topics, 'topic')} in use`,
    `${plural(summary.articlesWithoutTopic, 'article')} without a topic`,
    `${plural(summary.articlesWithoutCategory, 'article')} without a category`,
    `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`,
  ].join(', ')
}
