/** @jest-environment jsdom */
import '../test/setup-dom';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../App';
import { defaultConfig, parseConfigText } from '../../domain/config/validate';
import { fakeServices } from '../test/fixtures';

function badConfigText(): string {
  const cfg = defaultConfig();
  const c = JSON.parse(JSON.stringify(cfg)) as { catalogue: { code: string; parent: string | null }[]; thresholds: { tolMin: number } };
  c.catalogue[1].parent = '99';
  c.catalogue[2].code = c.catalogue[0].code;
  c.thresholds.tolMin = -1;
  return JSON.stringify(c);
}

async function importFile(text: string, name: string) {
  const input = screen.getByTestId('config-file');
  const file = new File([text], name, { type: 'application/json' });
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
}

describe('settings tab', () => {
  it('lists the catalogue in effect', () => {
    render(<App services={fakeServices('excel')} initialLang="zh" initialTab="settings" />);
    expect(screen.getAllByTestId('catalogue-row')).toHaveLength(defaultConfig().catalogue.length);
    expect(screen.getByTestId('catalogue').textContent).toContain('规模以上工业总产值');
  });

  it('refuses a bad configuration file with every problem listed', async () => {
    render(<App services={fakeServices('excel')} initialLang="en" initialTab="settings" />);
    const text = badConfigText();
    const expected = parseConfigText(text);
    if (expected.ok) throw new Error('the fixture should be invalid');
    await importFile(text, 'bad.json');
    const shown = (await screen.findAllByTestId('config-problem')).map((li) => li.textContent);
    expect(shown).toEqual(expected.problems.map((p) => p.en));
    expect(shown.length).toBeGreaterThanOrEqual(1);
    expect(screen.getByTestId('config-refused').textContent).toContain('bad.json');
  });

  it('refuses text that is not JSON', async () => {
    render(<App services={fakeServices('standalone')} initialLang="zh" initialTab="settings" />);
    await importFile('{ not json', 'x.json');
    expect((await screen.findAllByTestId('config-problem')).map((li) => li.textContent)).toEqual(['配置文件不是有效的 JSON。']);
  });

  it('switches the interface language', async () => {
    render(<App services={fakeServices('excel')} initialLang="zh" initialTab="settings" />);
    expect(screen.getByRole('tab', { name: '设置' })).toBeTruthy();
    await act(async () => {
      fireEvent.change(screen.getByTestId('lang-select'), { target: { value: 'en' } });
    });
    expect(screen.getByRole('tab', { name: 'Settings' })).toBeTruthy();
  });

  it('stores the configuration in the workbook in Excel mode', async () => {
    const services = fakeServices('excel');
    render(<App services={services} initialLang="en" initialTab="settings" />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Store in workbook' }));
    });
    const stored = services.storeConfig.mock.calls[0][0];
    const r = parseConfigText(stored);
    expect(r.ok).toBe(true);
  });
});
