/**
 * @jest-environment jsdom
 *
 * Excel faults as the clerk meets them in the pane: the REAL services (EngineServices) over the REAL
 * Office.js port (OfficeWorkbookPort) over the recording FakeExcel — no hand-written mock. After a
 * real check of a sample report sheet with typical clerk mistakes, each fault (writing 核查结果 to
 * a structure-protected workbook, highlighting a protected sheet, highlighting in cell-edit mode, a
 * request too large, a failing sync among several) must show one error MessageBar in the pane's
 * language, leave the findings on screen exactly as they were, raise no unhandled rejection, and
 * never make the fake record an attempt to unprotect anything.
 *
 * Unhandled rejections: Jest 30 fails the test during which a promise rejection goes unhandled (in
 * jsdom as in node; proven by test/security/unhandled.test.ts). A `process.on('unhandledRejection')`
 * listener inside a test cannot serve instead: the sandbox's `process` is a copy whose listeners the
 * real process never calls. So each test below also waits a few macrotasks after the fault, giving
 * a late rejection the time to surface and fail it.
 */
import './test/setup-dom';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from './App';
import { EngineServices } from './services/engine';
import { OfficeWorkbookPort } from '../excel/office-port';
import { FakeExcel } from '../excel/testing/fake-excel';
import { clerkWorkbook } from './test/clerk-workbook';
import { TOOL_SHEETS } from '../domain/port';
import type { Lang } from '../domain/types';

const LABEL = {
  zh: { check: '检查整个工作簿', highlight: '标注', write: '写入核查结果表', title: '操作失败' },
  en: { check: 'Check the whole workbook', highlight: 'Highlight', write: 'Write the 核查结果 sheet', title: 'Something went wrong' },
} as const;

interface Scenario {
  name: string;
  /** set the fault up on the fake, after the check */
  arrange(fx: FakeExcel, sheet: string): void;
  button: 'highlight' | 'write';
  /** what the message must say, per language */
  says: Record<Lang, RegExp[]>;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'writing 核查结果 to a workbook whose structure is protected (AccessDenied)',
    arrange: (fx) => fx.failSync(2, 'AccessDenied'),
    button: 'write',
    says: { zh: [/受保护/, /不会自行撤销保护/], en: [/protected/, /never removes protection/] },
  },
  {
    name: 'highlighting a sheet the user protected',
    arrange: (fx, sheet) => {
      const s = fx.sheet(sheet);
      if (!s) throw new Error('no sheet');
      s.protected = true;
    },
    button: 'highlight',
    says: { zh: [/受保护/, /撤销工作表保护/], en: [/is protected/, /Unprotect Sheet/] },
  },
  {
    name: 'highlighting while Excel is in cell-edit mode',
    arrange: (fx) => {
      fx.cellEditMode = true;
    },
    button: 'highlight',
    says: { zh: [/正在编辑单元格/, /Enter/], en: [/editing a cell/, /Press Enter or Esc/] },
  },
  {
    name: 'writing 核查结果 with a request too large for this Excel',
    arrange: (fx) => {
      fx.maxRequestBytes = 1_000;
    },
    button: 'write',
    says: { zh: [/5 MB/, /上限/], en: [/per-request limit \(5 MB\)/] },
  },
  {
    name: 'highlighting when one sync among several fails',
    arrange: (fx) => fx.failSync(2, 'GeneralException'),
    button: 'highlight',
    says: { zh: [/内部错误/], en: [/internal error/] },
  },
];

function findingsOnScreen(): string[] {
  return screen.getAllByTestId('finding').map((f) => `${f.getAttribute('data-rule')}|${f.textContent ?? ''}`);
}

describe('pane: Excel faults through the real services and port', () => {
  for (const lang of ['zh', 'en'] as const) {
    for (const sc of SCENARIOS) {
      test(`${lang}: ${sc.name}`, async () => {
        const { fx, sheet } = clerkWorkbook();
        const services = new EngineServices('excel', new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }), 'Book1.xlsx');
        render(<App services={services} initialLang={lang} />);
        await act(async () => {
          fireEvent.click(screen.getByRole('button', { name: LABEL[lang].check }));
        });
        await waitFor(() => expect(screen.getAllByTestId('finding').length).toBeGreaterThan(0));
        const before = findingsOnScreen();
        const counts = screen.getByTestId('counts').textContent;
        const cells = JSON.stringify(fx.sheets.map((s) => ({ name: s.name, rows: s.rows, cfs: s.cfs })));
        expect(screen.queryByTestId('notice-error')).toBeNull();

        sc.arrange(fx, sheet);
        await act(async () => {
          fireEvent.click(screen.getByRole('button', { name: LABEL[lang][sc.button] }));
        });
        const bar = await screen.findByTestId('notice-error');
        const text = bar.textContent ?? '';
        expect(text).toContain(LABEL[lang].title);
        for (const re of sc.says[lang]) expect(text).toMatch(re);
        // in the pane's language only: an English pane shows no Chinese sentence, and vice versa
        if (lang === 'en') expect(text.replace(/核查结果|“[^”]*”|"[^"]*"/g, '')).not.toMatch(/[\u4e00-\u9fff]{2}/);
        else expect(text).not.toMatch(/try again|Excel reported/);
        expect(screen.getAllByTestId('notice-error')).toHaveLength(1);
        // the findings stay on screen, unchanged
        expect(findingsOnScreen()).toEqual(before);
        expect(screen.getByTestId('counts').textContent).toBe(counts);
        // nothing unprotected, no tool sheet half-written over the user's, nothing unhandled
        expect(fx.stats.unprotectAttempts).toBe(0);
        expect(fx.sheets.filter((s) => s.name !== TOOL_SHEETS.findings).map((s) => s.name)).toEqual([sheet]);
        if (sc.button === 'highlight') {
          expect(JSON.stringify(fx.sheets.map((s) => ({ name: s.name, rows: s.rows, cfs: s.cfs })))).toBe(cells);
        }
        // a rejection left unhandled would surface now and fail this test (see the header)
        await new Promise((r) => setTimeout(r, 50));
      });
    }
  }

  test('after the fault is gone the same pane highlights and writes 核查结果 (the port is not left broken)', async () => {
    const { fx, sheet } = clerkWorkbook();
    const services = new EngineServices('excel', new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }), 'Book1.xlsx');
    render(<App services={services} initialLang="zh" />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: LABEL.zh.check }));
    });
    await waitFor(() => expect(screen.getAllByTestId('finding').length).toBeGreaterThan(0));
    fx.cellEditMode = true;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: LABEL.zh.highlight }));
    });
    await screen.findByTestId('notice-error');
    fx.cellEditMode = false;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: LABEL.zh.highlight }));
    });
    await screen.findByTestId('notice-success');
    expect(fx.sheet(sheet)?.cfs.length).toBeGreaterThan(0);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: LABEL.zh.write }));
    });
    await waitFor(() => expect(fx.sheet(TOOL_SHEETS.findings)).toBeDefined());
    expect(fx.stats.unprotectAttempts).toBe(0);
    await new Promise((r) => setTimeout(r, 50));
  });
});
