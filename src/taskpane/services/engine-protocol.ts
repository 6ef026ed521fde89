/**
 * What the page and the pane's engine thread say to each other (engine-work.ts runs the jobs,
 * engine-thread.ts sends them): the job, its plain-data outcome, the messages, and an error as it
 * crosses. No engine code here, so the page can speak it without loading the engine.
 */
import type { CheckInput } from '../../domain/check';
import type { Config } from '../../domain/config/schema';
import type { SummaryReport } from '../../domain/summary/types';
import type { CheckReport, HistoryRow } from '../../domain/types';
import { PortError } from '../../domain/port';
import type { RowSlice } from './grid-slices';

export interface EngineJob {
  config: Config;
  /** the history the check merges the workbooks' 历史数据 sheets into (months archived in this session) */
  history?: HistoryRow[];
  /** also summarise the checked month; `history` null: the history the check read */
  summary?: { include: string[]; history: HistoryRow[] | null };
}

export interface EngineOutcome {
  report: CheckReport;
  /** the archived history the check read (job.history merged with every 历史数据 sheet) */
  history: HistoryRow[];
  summary: SummaryReport | null;
}

/** An error as it crosses from the engine thread: a PortError keeps its code and both texts. */
export interface EngineErrorData {
  name: string;
  message: string;
  port?: { code: string; zh: string; en: string };
}

/** an input (its grid's sheets without rows), then its rows in slices (grid-slices.ts), …, then `run` */
export type EngineRequest =
  | { type: 'input'; job: number; input: CheckInput }
  | { type: 'rows'; job: number; slice: RowSlice }
  | { type: 'run'; job: number; spec: EngineJob };

export type EngineAnswer =
  | { ready: true }
  | { job: number; progress: number }
  | { job: number; outcome: EngineOutcome }
  | { job: number; error: EngineErrorData };

export function errorData(e: unknown): EngineErrorData {
  if (e instanceof PortError) return { name: e.name, message: e.message, port: { code: e.code, zh: e.zh, en: e.en } };
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}

export function errorFromData(d: EngineErrorData): Error {
  if (d.port) return new PortError(d.port.code, d.port.zh, d.port.en);
  const e = new Error(d.message);
  e.name = d.name;
  return e;
}
