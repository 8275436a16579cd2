const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
const numberFormat = new Intl.NumberFormat('en-GB')
// A timeline shows the same few hundred dates again and again; formatting one costs more than a lookup.
const formattedDates = new Map<string, string>()

/** `2024-05-22` as "22 May 2024", the same on every machine whatever its time zone. */
export function formatDate(iso: string): string {
  let formatted = formattedDates.get(iso)
  if (formatted === undefined) {
    formatted = dateFormat.format(new Date(`${iso}T00:00:00Z`))
    formattedDates.set(iso, formatted)
  }
  return formatted
}

/** `12345` as "12,345". */
export function formatNumber(count: number): string {
  return numberFormat.format(count)
}

export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${formatNumber(count)} ${count === 1 ? word : pluralWord}`
}
