// `virtual:archive` as unit tests see it (vitest.config.ts): the seed archive's facets, as the
// archive plugin (scripts/build/vite-plugin-archive.ts) gives them to the app.
import { readArchiveIndex } from '../pipeline/read-archive.ts'
import { SEED_FOLDER } from './seed.ts'

const { index } = readArchiveIndex(SEED_FOLDER)

export const dataPath = 'data/unit-test/'

export const facets = {
  topics: index.topics.map((t) => t.slug),
  categories: index.categories.map((c) => c.slug),
  successors: index.successors,
}
