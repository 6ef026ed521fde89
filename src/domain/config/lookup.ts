/**
 * Look-ups over a validated configuration. Apart from validate.ts so the engine's rules and score
 * can use them without loading zod (the pane's engine thread never parses a configuration).
 */
import type { Config } from './schema';

/** Each catalogue indicator by its code. */
export function indicatorByCode(config: Config): Map<string, Config['catalogue'][number]> {
  return new Map(config.catalogue.map((i) => [i.code, i]));
}
