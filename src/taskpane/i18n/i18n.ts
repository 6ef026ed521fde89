/**
 * The pane's small typed i18n: two dictionaries (zh first, en), a translate function with `{name}`
 * parameters, the language detection (Office display language, else navigator.language), and the
 * React context the components read the language from.
 */
import { createContext, useContext } from 'react';
import type { Bilingual, Lang } from '../../domain/types';
import { zh, type MessageKey } from './zh';
import { en } from './en';

export type { MessageKey };
export const dictionaries: Record<Lang, Record<MessageKey, string>> = { zh, en };

export type Params = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = dictionaries[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A BCP 47 tag → the interface language: any zh-* is Chinese, everything else English. */
export function langFromTag(tag: string | null | undefined): Lang | null {
  if (!tag) return null;
  return tag.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Office display language when there is one, else the browser's; Chinese when neither says. */
export function detectLang(officeTag: string | null, navigatorTag: string | null): Lang {
  return langFromTag(officeTag) ?? langFromTag(navigatorTag) ?? 'zh';
}

/** Pick the language's half of an engine message. */
export function pick(b: Bilingual, lang: Lang): string {
  return b[lang];
}

export interface I18n {
  lang: Lang;
  t: (key: MessageKey, params?: Params) => string;
}

export function makeI18n(lang: Lang): I18n {
  return { lang, t: (key, params) => translate(lang, key, params) };
}

export const I18nContext = createContext<I18n>(makeI18n('zh'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
