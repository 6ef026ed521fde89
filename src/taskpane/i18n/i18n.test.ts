import { zh } from './zh';
import { en } from './en';
import { detectLang, translate } from './i18n';

describe('i18n', () => {
  it('has the same keys in Chinese and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [k, v] of Object.entries(zh)) expect([k, v.trim().length > 0]).toEqual([k, true]);
    for (const [k, v] of Object.entries(en)) expect([k, v.trim().length > 0]).toEqual([k, true]);
  });

  it('uses the same parameters in both languages', () => {
    const params = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of Object.keys(zh) as (keyof typeof zh)[]) expect([k, params(en[k])]).toEqual([k, params(zh[k])]);
  });

  it('fills parameters', () => {
    expect(translate('zh', 'counts', { error: 3, warning: 5, info: 2 })).toBe('3 个错误, 5 个警告, 2 个提示');
    expect(translate('en', 'counts', { error: 1, warning: 0, info: 0 })).toBe('1 errors, 0 warnings, 0 notes');
  });

  it('takes the Office display language first, then the browser, else Chinese', () => {
    expect(detectLang('en-US', 'zh-CN')).toBe('en');
    expect(detectLang('zh-TW', 'en-US')).toBe('zh');
    expect(detectLang(null, 'en-GB')).toBe('en');
    expect(detectLang(null, null)).toBe('zh');
  });
});
