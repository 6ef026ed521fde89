/**
 * @jest-environment jsdom
 *
 * The pane on the Excel versions bureaus run, through the REAL services and port over the fake
 * Excel at a given API level: below ExcelApi 1.7 it says at start, in the pane's language, which
 * features need a newer Excel, disables their controls, and still checks, lists the findings and
 * selects their cells; at 1.7 everything works. Also: "check the active sheet only" with a chart
 * sheet active, and writing 核查结果 to a structure-protected workbook, each with a clear message.
 */
import './test/setup-dom';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from './App';
import { EngineServices } from './services/engine';
import { OfficeWorkbookPort } from '../excel/office-port';
import { FakeExcel } from '../excel/testing/fake-excel';
import { clerkWorkbook } from './test/clerk-workbook';
import { HIGHLIGHT_FORMULA } from '../domain/output/highlight-record';
import { TOOL_SHEETS } from '../domain/port';

function pane(fx: FakeExcel, lang: 'zh' | 'en') {
  const services = new EngineServices('excel', new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }), 'Book1.xlsx');
  return render(<App services={services} initialLang={lang} />);
}

async function click(name: string): Promise<void> {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
}

describe('pane on an Excel below ExcelApi 1.7 (ExcelApi 1.1: Excel 2016 without updates)', () => {
  test('zh: says once what needs a newer Excel, disables those controls, and still checks and selects', async () => {
    const { fx, sheet } = clerkWorkbook({ api: '1.1' });
    pane(fx, 'zh');
    const bar = await screen.findByTestId('notice-warning');
    expect(bar.textContent).toContain('此版本的 Excel 只能使用部分功能');
    expect(bar.textContent).toContain('ExcelApi 1.1');
    expect(bar.textContent).toContain('标注与清除标注');
    expect(bar.textContent).toContain('实时核查');
    expect(bar.textContent).toContain('点击定位单元格可以正常使用');
    expect(screen.getByTestId('live-unavailable')).toBeDefined();
    expect((screen.getByRole('switch') as HTMLInputElement).disabled).toBe(true);

    await click('检查整个工作簿');
    await waitFor(() => expect(screen.getAllByTestId('finding').length).toBeGreaterThan(0));
    for (const name of ['标注', '清除标注', '写入核查结果表']) {
      const b = screen.getByRole('button', { name }) as HTMLButtonElement;
      expect({ name, disabled: b.disabled }).toEqual({ name, disabled: true });
    }
    const first = screen.getAllByTestId('finding')[0];
    await act(async () => {
      fireEvent.click(first);
    });
    await waitFor(() => expect(fx.selection).toMatch(new RegExp(`^${sheet}!`)));
    expect(fx.sheet(sheet)?.cfs).toEqual([]);
    expect(screen.queryByTestId('notice-error')).toBeNull();
  });

  test('en: the same notice in English', async () => {
    const { fx } = clerkWorkbook({ api: '1.6' });
    pane(fx, 'en');
    const bar = await screen.findByTestId('notice-warning');
    expect(bar.textContent).toContain('This version of Excel runs only part of the tool');
    expect(bar.textContent).toContain('ExcelApi 1.6');
    expect(bar.textContent).toContain('highlighting and clearing highlights');
    expect(bar.textContent).toContain('live checking');
  });
});

describe('pane on ExcelApi 1.7 (volume-licensed Excel 2019)', () => {
  test('no limits notice; check, highlight and write 核查结果 work', async () => {
    const { fx, sheet } = clerkWorkbook({ api: '1.7' });
    pane(fx, 'zh');
    await click('检查整个工作簿');
    await waitFor(() => expect(screen.getAllByTestId('finding').length).toBeGreaterThan(0));
    expect(screen.queryByTestId('notice-warning')).toBeNull();
    await click('标注');
    await screen.findByTestId('notice-success');
    const cfs = fx.sheet(sheet)?.cfs ?? [];
    expect(cfs.length).toBeGreaterThan(0);
    expect(cfs.every((c) => c.formula === HIGHLIGHT_FORMULA)).toBe(true);
    await click('写入核查结果表');
    await waitFor(() => expect(fx.sheet(TOOL_SHEETS.findings)).toBeDefined());
  });
});

describe('pane: Excel situations with a message of their own', () => {
  test.each(['zh', 'en'] as const)('%s: "check the active sheet only" with a chart sheet active', async (lang) => {
    const { fx } = clerkWorkbook({ api: '1.7' });
    fx.activeChart = true;
    pane(fx, lang);
    await click(lang === 'zh' ? '仅检查当前工作表' : 'Check the active sheet only');
    const bar = await screen.findByTestId('notice-error');
    expect(bar.textContent).toMatch(lang === 'zh' ? /图表工作表/ : /chart sheet/);
    expect(screen.queryAllByTestId('finding')).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 20));
  });

  test('writing 核查结果 to a structure-protected workbook: the protection message, nothing written', async () => {
    const { fx, sheet } = clerkWorkbook({ api: '1.7' });
    pane(fx, 'zh');
    await click('检查整个工作簿');
    await waitFor(() => expect(screen.getAllByTestId('finding').length).toBeGreaterThan(0));
    fx.structureProtected = true;
    await click('写入核查结果表');
    const bar = await screen.findByTestId('notice-error');
    expect(bar.textContent).toContain('工作簿结构受保护');
    expect(fx.sheets.map((s) => s.name)).toEqual([sheet]);
  });
});
