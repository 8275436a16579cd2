// npm run data:check [-- <file-or-folder>]: validate an archive without building it.
import { ArchiveSourceError, archiveLocation, formatIssue, formatSummary, readArchiveIndex } from '../src/pipeline/read-archive.ts'

try {
  const { issues, summary } = readArchiveIndex(archiveLocation(process.argv[2]))
  for (const issue of issues) console.log(formatIssue(issue))
  console.log(formatSummary(summary))
  process.exitCode = summary.errors > 0 ? 1 : 0
} catch (error) {
  if (!(error instanceof ArchiveSourceError)) throw error
  console.error(error.message)
  process.exitCode = 1
}
