// The bench's statistics: medians and percentiles of its samples.
export function median(values: number[]) {
  return percentile(values, 50)
}

/** The nearest-rank percentile; NaN when there is no sample. */
export function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}
