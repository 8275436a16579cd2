import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const bin = (name: string) => join('node_modules', '.bin', name)

async function command(file: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run(file, args, { env: { ...process.env, ...env } })
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, output: failed.stdout + failed.stderr }
  }
}

const dataCheck = (...args: string[]) => command(bin('tsx'), ['scripts/data-check.ts', ...args])

function archiveWithBadPage(): string {
  const folder = mkdtempSync(join(tmpdir(), 'reader-bad-'))
  writeFileSync(
    join(folder, '000_bad.txt'),
    ['-', 'Industry', 'A good release', 'Its body. date2024-05-20', '-', 'Energy', 'A bad release', 'Its body. date2024-02-30'].join('\n'),
  )
  return folder
}

describe('npm run data:check', () => {
  it('accepts the project archive and prints its summary', async () => {
    const { code, output } = await dataCheck()
    expect(code).toBe(0)
    expect(output).toContain('10 records from 1 page, 0 duplicates merged')
    expect(output).toMatch(/0 articles without a topic, 0 articles without a category, 0 errors/)
  })

  it('reports the duplicates it merged across overlapping pages', async () => {
    const { code, output } = await dataCheck('e2e/fixtures/overlapping-pages')
    expect(code).toBe(0)
    expect(output).toContain('15 records from 4 pages, 3 duplicates merged')
  })

  it('prints each problem as path:line: message and exits 1', async () => {
    const { code, output } = await dataCheck(archiveWithBadPage())
    expect(code).toBe(1)
    expect(output).toMatch(/000_bad\.txt:8: impossible date 2024-02-30/)
    expect(output).toContain('1 record from 1 page')
    expect(output).toContain('1 error')
  })

  it('reads the three shapes the ministry publishes and counts the releases without a category', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'reader-shapes-'))
    writeFileSync(join(folder, '000_main.txt'), ['-', 'Industry', 'A listed release', 'Its body. date2024-05-20'].join('\n'))
    writeFileSync(
      join(folder, '001_topic.txt'),
      ['-', 'A topic listing’s release', 'Its body. date2024-05-19', '-', 'Another one', 'Its body. date2024-05-18'].join('\n'),
    )
    writeFileSync(
      join(folder, '002_old.txt'),
      ['An older release', 'Its body. date2011-03-02', 'And another', 'Its body. date2011-03-01'].join('\n'),
    )
    const { code, output } = await dataCheck(folder)
    expect(code).toBe(0)
    expect(output).toContain('5 records from 3 pages')
    expect(output).toContain('4 articles without a category, 0 errors')
    // One warning a page, at its first record without a category line.
    expect(output.match(/no category line/g)).toHaveLength(2)
    expect(output).toMatch(/001_topic\.txt:2: warning: 2 records have no category line/)
    expect(output).toMatch(/002_old\.txt:1: warning: 2 records have no category line/)
  })

  it('says so when the archive does not exist', async () => {
    const { code, output } = await dataCheck('no/such/folder')
    expect(code).toBe(1)
    expect(output).toContain('no/such/folder: no such file or folder')
  })
})

describe('npm run build', () => {
  it('fails on a malformed archive, naming the file and line', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'reader-dist-'))
    const { code, output } = await command(bin('vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
      NEWS_DATA: archiveWithBadPage(),
    })
    expect(code).not.toBe(0)
    expect(output).toMatch(/000_bad\.txt:8: impossible date 2024-02-30/)
  }, 60_000)
})
