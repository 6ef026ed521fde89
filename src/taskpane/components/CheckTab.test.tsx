/** @jest-environment jsdom */
import '../test/setup-dom';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../App';
import { fakeServices, sampleReport } from '../test/fixtures';

async function renderChecked(mode: 'excel' | 'standalone', lang: 'zh' | 'en' = 'zh') {
  const services = fakeServices(mode);
  render(<App services={services} initialLang={lang} />);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: lang === 'zh' ? '检查整个工作簿' : 'Check the whole workbook' }));
  });
  return services;
}

describe('check tab', () => {
  it('shows the counts of the report on top', async () => {
    await renderChecked('excel');
    expect(screen.getByTestId('counts').textContent).toBe('2 个错误, 3 个警告, 1 个提示');
  });

  it('groups findings by sheet, sheets with errors first, and by level with errors first', async () => {
    await renderChecked('excel');
    const groups = screen.getAllByTestId('sheet-group');
    expect(groups.map((g) => g.getAttribute('data-sheet'))).toEqual(['辽滨', '大连']);
    const levels = within(groups[0]).getAllByTestId('level-group');
    expect(levels.map((l) => l.getAttribute('data-level'))).toEqual(['error', 'warning', 'info']);
    const errors = within(levels[0]).getAllByTestId('finding').map((f) => f.getAttribute('data-rule'));
    expect(errors).toEqual(['V-PART', 'V-SIGN']);
    expect(within(groups[1]).getAllByTestId('level-group').map((l) => l.getAttribute('data-level'))).toEqual(['warning']);
  });

  it('shows cell, indicator, message and whether a warning is explained', async () => {
    await renderChecked('excel');
    const item = screen.getAllByTestId('finding').find((f) => f.getAttribute('data-rule') === 'V-PART');
    expect(item?.textContent).toContain('E9');
    expect(item?.textContent).toContain('12 税收收入');
    expect(item?.textContent).toContain('中文消息 V-PART E9');
    const yoy = screen.getAllByTestId('finding').find((f) => f.getAttribute('data-rule') === 'V-YOY');
    expect(yoy?.textContent).toContain('已说明');
  });

  it('selects the finding cell in the workbook on click and on Enter', async () => {
    const services = await renderChecked('excel');
    const item = screen.getAllByTestId('finding').find((f) => f.getAttribute('data-rule') === 'V-PART');
    if (!item) throw new Error('no V-PART finding shown');
    await act(async () => {
      fireEvent.click(item);
    });
    expect(services.selectCell).toHaveBeenLastCalledWith('辽滨', 'E9', 'zones.xlsx');
    const other = screen.getAllByTestId('finding').find((f) => f.getAttribute('data-rule') === 'V-YOY');
    if (!other) throw new Error('no V-YOY finding shown');
    await act(async () => {
      fireEvent.keyDown(other, { key: 'Enter' });
    });
    expect(services.selectCell).toHaveBeenLastCalledWith('大连', 'G7', 'zones.xlsx');
  });

  it('lists the rules that were not checked, with their reasons', async () => {
    await renderChecked('excel', 'en');
    const skipped = screen.getByTestId('skipped');
    expect(skipped.textContent).toContain('Not checked (1)');
    expect(skipped.textContent).toContain('V-MONTH');
    expect(skipped.textContent).toContain('no history');
    expect(screen.getByTestId('counts').textContent).toBe(
      `${sampleReport.totals.error} errors, ${sampleReport.totals.warning} warnings, ${sampleReport.totals.info} notes`,
    );
  });

  it('says which highlights Excel could not remove (left in place) instead of reporting them cleared', async () => {
    const left = { zh: '工作表“坏”的条件格式无法读取,其中的标注已保留。', en: 'The conditional formats of sheet 坏 could not be read; its highlights were left.' };
    const services = fakeServices('excel', { clearHighlights: jest.fn(async () => left) });
    render(<App services={services} initialLang="zh" />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '检查整个工作簿' }));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '清除标注' }));
    });
    expect(screen.getByTestId('notice-warning').textContent).toContain(left.zh);
    expect(screen.queryByTestId('notice-success')).toBeNull();
  });

  it('turns a failed check into a bilingual message, not a crash', async () => {
    const services = fakeServices('excel', {
      check: jest.fn(async () => {
        throw new Error('boom');
      }),
    });
    render(<App services={services} initialLang="zh" />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '检查整个工作簿' }));
    });
    expect(screen.getByTestId('notice-error').textContent).toContain('发生意外错误:boom');
    expect(screen.getByText('尚未核查。')).toBeTruthy();
  });

  it('live mode shows each report the live check hands on, and stops it when switched off', async () => {
    let hand: ((r: typeof sampleReport) => void) | null = null;
    const stop = jest.fn();
    const services = fakeServices('excel', {
      watchLive: jest.fn(async (req) => {
        hand = req.onReport;
        return stop;
      }),
    });
    render(<App services={services} initialLang="zh" />);
    await act(async () => {
      fireEvent.click(screen.getByRole('switch'));
    });
    await waitFor(() => expect(hand).not.toBeNull());
    await act(async () => {
      hand?.(sampleReport);
    });
    await waitFor(() => expect(screen.getByTestId('counts').textContent).toBe('2 个错误, 3 个警告, 1 个提示'));
    // after an edit, 辽滨 is clean: the live check hands on the new report
    await act(async () => {
      hand?.({ ...sampleReport, findings: sampleReport.findings.filter((f) => f.sheet !== '辽滨'), totals: { error: 0, warning: 2, info: 0 } });
    });
    await waitFor(() => expect(screen.getByTestId('counts').textContent).toBe('0 个错误, 2 个警告, 0 个提示'));
    await act(async () => {
      fireEvent.click(screen.getByRole('switch'));
    });
    expect(stop).toHaveBeenCalled();
  });

  it('live mode that cannot start says why and turns itself off', async () => {
    const services = fakeServices('excel', {
      watchLive: jest.fn(async () => {
        throw new Error('单元格处于编辑状态');
      }),
    });
    render(<App services={services} initialLang="zh" />);
    await act(async () => {
      fireEvent.click(screen.getByRole('switch'));
    });
    await waitFor(() => expect(screen.getByTestId('notice-error').textContent).toContain('单元格处于编辑状态'));
    expect((screen.getByRole('switch') as HTMLInputElement).checked).toBe(false);
  });
});
