// The archive read once for a build or the dev server, and the data files written from it: the
// head, the listing and the search index (under a folder named after their content hash, so a
// host may cache them forever), the feeds and the sitemap. Each release's own data is in its
// prerendered page (scripts/build/prerender.ts).
import { createHash } from 'node:crypto'
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { promisify } from 'node:util'
import { createGzip, gzip, gzipSync } from 'node:zlib'
import type { IndexedArchive } from '../../src/pipeline/build-archive.ts'
import { createSearchIndex, type SearchIndexBuilder } from '../../src/pipeline/search-index.ts'
import { SEARCH_FOLDER, TEXTS_FILE } from '../../src/lib/search/index-format.ts'
import { searchListingFiles, toHead, toListing } from '../../src/pipeline/archive-files.ts'
import type { ArchiveHead } from '../../src/pipeline/types.ts'
import { siteFiles, type SiteOptions } from './site-files.ts'
import { ArchiveSourceError, formatIssue, formatSummary, readArchiveIndex } from '../../src/pipeline/read-archive.ts'

const gzipAsync = promisify(gzip)

export interface BuiltData {
  /** Folder of the data files relative to the site's base, e.g. `data/1a2b3c4d/`. */
  dataPath: string
  /** Topic and category slugs, so an address can be checked before any data is fetched. */
  facets: { topics: string[]; categories: string[]; successors: Record<string, string[]> }
  archive: IndexedArchive
  head: ArchiveHead
  headJson: string
  /**
   * The listing's JSON as UTF-8: at 100,000 releases it is 77 MB as a string (two bytes a
   * character, for a curly quote), 39 MB as bytes, outside the heap.
   */
  listingJson: Buffer
  watched: string[]
}

/** Reads and checks the archive at `location`: what a build and the dev server serve from it. */
export function buildData(location: string): BuiltData {
  const archive = readArchiveIndex(location)
  const errors = archive.issues.filter((i) => i.severity === 'error')
  if (errors.length > 0) {
    // Printed as plain lines first, so they stand clear of the bundler's stack trace.
    console.error([...errors.map(formatIssue), formatSummary(archive.summary)].join('\n'))
    throw new ArchiveSourceError(`The archive at ${location} has ${errors.length} error(s), listed above; nothing was built.`)
  }
  for (const warning of archive.issues) console.warn(formatIssue(warning))
  const head = toHead(archive.index)
  const headJson = JSON.stringify(head)
  const listingJson = Buffer.from(JSON.stringify(toListing(archive.index)))
  const hash = createHash('sha256').update(headJson).update('\n').update(listingJson)
  for (let i = 0; i < archive.index.articles.length; i++) hash.update('\n').update(archive.body(i))
  const dataPath = `data/${hash.digest('hex').slice(0, 8)}/`
  console.info(`archive: ${formatSummary(archive.summary)}`)
  const facets = facetsOf(archive.index)
  return { dataPath, facets, archive, head, headJson, listingJson, watched: archive.source.files }
}

/**
 * Gives the event loop a turn. The build's main thread writes the data files while the prerender
 * workers write the pages, and hands them their next releases between its own pieces of work: a
 * piece that held the thread for seconds once left both workers waiting.
 */
const breather = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Releases added to the search index between two turns of the event loop (~50 ms). */
const INDEX_SLICE = 256

/** The data files, into the built site; the ones that grow with the archive are stored compressed. */
export async function writeDataFiles(outDir: string, data: BuiltData) {
  const folder = join(outDir, data.dataPath)
  mkdirSync(join(folder, SEARCH_FOLDER), { recursive: true })
  writeFileSync(join(folder, 'head.json'), data.headJson)
  const packed = (name: string, pieces: Iterable<string | Buffer>) =>
    pipeline(Readable.from(pieces), createGzip(), createWriteStream(join(folder, name)))
  // Compressed on libuv's threads while the pages are written.
  const writes = [packed('listing.json.gz', [data.listingJson]), packed(`${SEARCH_FOLDER}${TEXTS_FILE}`, searchTexts(data.archive))]
  const { archive } = data
  const builder = createSearchIndex()
  for (let from = 0; from < archive.index.articles.length; from += INDEX_SLICE) {
    addToIndex(builder, archive, from, from + INDEX_SLICE)
    await breather()
  }
  for (const [file, text] of searchFiles(archive, builder)) {
    const path = join(folder, SEARCH_FOLDER, file)
    writes.push(file.endsWith('.gz') ? gzipAsync(text).then((bytes) => writeFile(path, bytes)) : writeFile(path, text))
    await breather()
  }
  await Promise.all(writes)
}

/** The search index of the archive's releases (src/pipeline/search-index.ts), built at once. */
export function searchIndexOf(archive: IndexedArchive): SearchIndexBuilder {
  const builder = createSearchIndex()
  addToIndex(builder, archive, 0, archive.index.articles.length)
  return builder
}

/** Adds the releases from position `from` up to `to` (or the last) to the search index, in order. */
function addToIndex(builder: SearchIndexBuilder, archive: IndexedArchive, from: number, to: number) {
  const { articles } = archive.index
  for (let i = from; i < Math.min(to, articles.length); i++) builder.add(articles[i]!.title, archive.body(i))
}

/**
 * The search's files but the texts: the index of the archive's releases and its copy of the
 * listing, in files a search fetches by need.
 */
export function* searchFiles(archive: IndexedArchive, builder: SearchIndexBuilder): Generator<[string, string]> {
  yield* builder.files()
  yield* searchListingFiles(toListing(archive.index))
}

/**
 * Characters of a piece of the texts file: under V8's large-object size (128 KB) even at two bytes
 * a character. Pieces of a million characters (the whole file was 340 MB of them at 100,000
 * releases) each went to the old generation, as did the strings they were made of while the
 * compression's queue held them, and stayed there as garbage until a full collection.
 */
const TEXTS_PIECE = 1 << 15

/** What `virtual:archive` gives the app of an archive's index: every facet slug, and each former topic's successors. */
export function facetsOf(index: IndexedArchive['index']): BuiltData['facets'] {
  return {
    topics: index.topics.map((t) => t.slug),
    categories: index.categories.map((c) => c.slug),
    successors: index.successors,
  }
}

/**
 * Loaded only to check a quoted phrase: each release's title and body, in index order. It is
 * written a piece at a time: at a hundred thousand releases it would be one string of hundreds of
 * megabytes.
 */
export function* searchTexts(archive: IndexedArchive): Generator<string> {
  let chunk = '['
  for (let i = 0; i < archive.index.articles.length; i++) {
    chunk += `${i > 0 ? ',' : ''}${JSON.stringify([archive.index.articles[i]!.title, archive.body(i)])}`
    if (chunk.length > TEXTS_PIECE) {
      yield chunk
      chunk = ''
    }
  }
  yield `${chunk}]`
}

/** The feeds, the sitemap and robots.txt (scripts/build/site-files.ts), a file a turn. */
export async function writeSiteFiles(outDir: string, index: IndexedArchive['index'], site: SiteOptions) {
  const labels = new Map(index.categories.map((c) => [c.slug, c.label]))
  const articles = index.articles.map((a) => ({ ...a, categoryLabel: labels.get(a.category) ?? a.category }))
  for (const [file, text] of siteFiles({ index, articles }, site)) {
    mkdirSync(dirname(join(outDir, file)), { recursive: true })
    writeFileSync(join(outDir, file), file.endsWith('.gz') ? gzipSync(text, { level: 9 }) : text)
    await breather()
  }
}
