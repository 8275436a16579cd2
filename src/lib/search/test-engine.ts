// For the tests: a search engine over releases given in memory, reading the very files the build
// would write for them, and recording which of them each search fetched.
import { createSearchIndex } from '@/pipeline/search-index'
import { summariesFile, TEXTS_FILE } from './index-format'
import { createSearchEngine } from './search-engine'

export function engineOver(releases: readonly { title: string; body: string }[]) {
  const builder = createSearchIndex()
  for (const release of releases) builder.add(release.title, release.body)
  const files = new Map(builder.files())
  files.set(TEXTS_FILE, JSON.stringify(releases.map((r) => [r.title, r.body])))
  // The first summaries file, as much of it as finding a release by its slug needs: `release-<id>`.
  files.set(summariesFile(0), JSON.stringify({ slugs: releases.map((_, i) => `release-${i}`) }))
  const loaded: string[] = []
  const engine = createSearchEngine((name) => {
    loaded.push(name)
    const text = files.get(name)
    return text === undefined ? Promise.reject(new Error(`No such file: ${name}`)) : Promise.resolve(JSON.parse(text) as unknown)
  })
  return { ...engine, files, loaded }
}
