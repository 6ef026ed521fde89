/**
 * How many runs each property in test/properties/ makes: ZR_PROPERTY_RUNS (scripts/properties.js
 * sets 10,000), else 100, the CI default. A seed from ZR_PROPERTY_SEED replays a reported failure.
 */
export function propertyRuns(): number {
  const raw = process.env.ZR_PROPERTY_RUNS;
  const n = raw === undefined || raw === '' ? 100 : Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`ZR_PROPERTY_RUNS must be a positive integer, not "${raw}"`);
  return n;
}

/** fast-check parameters shared by the properties here: runs, an optional seed, and a deadline-free run. */
export function propertyParams(): { numRuns: number; seed?: number } {
  const seed = process.env.ZR_PROPERTY_SEED;
  return seed ? { numRuns: propertyRuns(), seed: Number(seed) } : { numRuns: propertyRuns() };
}

/** jest timeout for a property test: generous per run, so 10,000 runs do not time out. */
export function propertyTimeout(msPerRun: number): number {
  return Math.max(60_000, propertyRuns() * msPerRun * 4);
}
