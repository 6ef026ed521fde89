/**
 * Notices: what the pane tells the user after an action (success, refusal, error), kept bilingual
 * so that switching the language re-renders them. Every caught error becomes one of these.
 */
import type { Bilingual } from '../domain/types';
import { PortError } from '../domain/port';
import { translate, type MessageKey, type Params } from './i18n/i18n';

export type NoticeIntent = 'success' | 'info' | 'warning' | 'error';

export interface Notice {
  id: number;
  intent: NoticeIntent;
  title?: Bilingual;
  text: Bilingual;
  /** further lines (e.g. every problem of a refused configuration) */
  items?: Bilingual[];
}

/** A message key rendered in both languages. */
export function both(key: MessageKey, params?: Params): Bilingual {
  return { zh: translate('zh', key, params), en: translate('en', key, params) };
}

export function isAbort(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'name' in e && (e as { name: unknown }).name === 'AbortError';
}

/** Any thrown value → a bilingual text. PortError carries its own; others are wrapped. */
export function errorText(e: unknown): Bilingual {
  if (e instanceof PortError) return { zh: e.zh, en: e.en };
  if (isAbort(e)) return both('cancelled');
  const reason = e instanceof Error ? e.message : String(e);
  return both('errorUnexpected', { reason });
}

let nextId = 1;
export function notice(intent: NoticeIntent, text: Bilingual, extra?: { title?: Bilingual; items?: Bilingual[] }): Notice {
  return { id: nextId++, intent, text, ...extra };
}

import { createContext, useContext } from 'react';

/** Components push notices through this; App shows them as MessageBars. */
export const NotifyContext = createContext<(n: Notice) => void>(() => undefined);
export function useNotify(): (n: Notice) => void {
  return useContext(NotifyContext);
}
