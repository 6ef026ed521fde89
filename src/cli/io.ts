/**
 * Where the command line writes: stdout (results, and nothing else with --json), stderr (messages,
 * progress). Injected so tests can call main() and capture both.
 */
import type { Bilingual, Lang } from '../domain/types';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** true when stderr is a terminal: only then is progress shown */
  errIsTTY: boolean;
}

export const processIO: CliIO = {
  out: (t) => {
    process.stdout.write(t);
  },
  err: (t) => {
    process.stderr.write(t);
  },
  errIsTTY: Boolean(process.stderr.isTTY),
};

/** A message in the chosen language. */
export function say(m: Bilingual, lang: Lang): string {
  return m[lang];
}

/** A message in both languages (when the language is not known yet, e.g. a bad argument). */
export function sayBoth(m: Bilingual): string {
  return `${m.zh}\n${m.en}`;
}

/** A progress line on stderr, only on a terminal; `done` ends the line. */
export function progress(io: CliIO, label: string, fraction: number, done = false): void {
  if (!io.errIsTTY) return;
  const pct = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  io.err(`\r${label} ${pct}%${done ? '\n' : ''}`);
}
