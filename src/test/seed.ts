// The seed archive as the unit tests read it: a copy of the ministry's page and of the topics it is
// tagged with, under src/pipeline/fixtures/seed/, so that editing the project's own archive
// (data/) never changes what a suite asserts. Only the tests of the taxonomy itself read
// data/topics.yaml.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The fixture folder, laid out as an archive folder (pages and topics.yaml). */
export const SEED_FOLDER = fileURLToPath(new URL('../pipeline/fixtures/seed/', import.meta.url))

/** A file of the seed fixture by name: `000_dc10d14db94d7939.txt` (the page) or `topics.yaml`. */
export function readSeedFile(name: string): string {
  return readFileSync(new URL(`../pipeline/fixtures/seed/${name}`, import.meta.url), 'utf8')
}
