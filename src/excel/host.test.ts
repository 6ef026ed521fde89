import { detectHost, isSetSupported } from './host';

type OfficeLike = {
  onReady: () => Promise<{ host: string | null; platform: string | null }>;
  context?: { requirements: { isSetSupported: (n: string, v: string) => boolean } };
};

function withOffice(office: OfficeLike | undefined, f: () => Promise<void>): Promise<void> {
  const before: unknown = Reflect.get(globalThis, 'Office');
  const put = (v: unknown) => (v === undefined ? Reflect.deleteProperty(globalThis, 'Office') : Reflect.set(globalThis, 'Office', v));
  put(office);
  return f().finally(() => put(before));
}

describe('host detection', () => {
  test('office.js missing → office-missing, and no set is supported', () =>
    withOffice(undefined, async () => {
      expect(await detectHost()).toEqual({ mode: 'office-missing', host: null, platform: null });
      expect(isSetSupported('ExcelApi', '1.9')).toBe(false);
    }));

  test('onReady with host null (a plain browser) → standalone', () =>
    withOffice({ onReady: async () => ({ host: null, platform: null }) }, async () => {
      expect((await detectHost()).mode).toBe('standalone');
    }));

  test('inside Excel → excel with its platform; isSetSupported asks Office', () =>
    withOffice(
      {
        onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }),
        context: { requirements: { isSetSupported: (n, v) => n === 'ExcelApi' && Number(v.split('.')[1]) <= 14 } },
      },
      async () => {
        expect(await detectHost()).toEqual({ mode: 'excel', host: 'Excel', platform: 'OfficeOnline' });
        expect(isSetSupported('ExcelApi', '1.13')).toBe(true);
        expect(isSetSupported('ExcelApi', '1.18')).toBe(false);
      },
    ));

  test('an onReady that never settles falls back to standalone after the timeout', () =>
    withOffice({ onReady: () => new Promise(() => undefined) }, async () => {
      expect((await detectHost(20)).mode).toBe('standalone');
    }));

  test('another Office host (Word) is not Excel', () =>
    withOffice({ onReady: async () => ({ host: 'Word', platform: 'PC' }) }, async () => {
      expect((await detectHost()).mode).toBe('standalone');
    }));
});
