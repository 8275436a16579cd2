// `virtual:archive` as unit tests see it (vitest.config.ts): the seed archive's, as the archive
// plugin (scripts/build/vite-plugin-archive.ts) gives it to the app.
import { facetsOf } from '../../scripts/build/archive-data.ts'
import { readArchiveIndex } from '../pipeline/read-archive.ts'
import { SEED_FOLDER } from './seed.ts'

export const dataPath = 'data/unit-test/'

export const facets = facetsOf(readArchiveIndex(SEED_FOLDER).index)
