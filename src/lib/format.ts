const numberFormat = new Intl.NumberFormat('en-GB')
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/**
 * `2024-05-22` as "22 May 2024", the same on every machine whatever its time zone: what
 * `Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })` writes, in a
 * tenth of the time (the build formats every date of the archive on every release page).
 */
export function formatDate(iso: string): string {
  const month = MONTHS[Number(iso.slice(5, 7)) - 1]
  return month === undefined ? iso : `${Number(iso.slice(8, 10))} ${month} ${iso.slice(0, 4)}`
}

/** `12345` as "12,345". */
export function formatNumber(count: number): string {
  return numberFormat.format(count)
}

export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${formatNumber(count)} ${count === 1 ? word : pluralWord}`
}
