import { checkWorkbooks, checkWorkbooksAsync, CheckCancelled, type CheckInput } from './check';
import { defaultConfig } from './config/validate';
import { outSheetToGrid, reportSheet, sampleMonth, sampleRegister } from './sample';

const config = defaultConfig();
const zones = sampleRegister(12);
const inputs: CheckInput[] = sampleMonth(zones, { year: 2026, month: 9 }).map((zm) => ({
  file: `${zm.zone.code}.xlsx`,
  sha256: '',
  grid: { name: zm.zone.name, sheets: [outSheetToGrid(reportSheet(zm.zone, { year: 2026, month: 9 }, zm.values))] },
  inputError: null,
}));

describe('checkWorkbooksAsync', () => {
  it('gives exactly the result of the synchronous check, with the same progress steps', async () => {
    const syncSteps: number[] = [];
    const asyncSteps: number[] = [];
    const a = checkWorkbooks(inputs, { config, registerZones: zones, onProgress: (f) => syncSteps.push(f) });
    let pauses = 0;
    const b = await checkWorkbooksAsync(inputs, { config, registerZones: zones, onProgress: (f) => asyncSteps.push(f) }, async () => {
      pauses++;
    });
    expect(b.report).toEqual(a.report);
    expect(asyncSteps).toEqual(syncSteps);
    // one pause after every step: 12 workbooks read + 12 report sheets checked + the end
    expect(pauses).toBe(25);
    expect(syncSteps[syncSteps.length - 1]).toBe(1);
  });

  it('stops with CheckCancelled when the signal aborts between steps, and reports no more progress', async () => {
    const controller = new AbortController();
    const steps: number[] = [];
    const run = checkWorkbooksAsync(
      inputs,
      { config, registerZones: zones, onProgress: (f) => steps.push(f) },
      async () => {
        if (steps.length === 3) controller.abort(); // the user clicks cancel during the check
      },
      controller.signal,
    );
    await expect(run).rejects.toBeInstanceOf(CheckCancelled);
    expect(steps).toHaveLength(3);
  });

  it('gives the event loop a turn when the pause yields (a timer set before the check fires during it)', async () => {
    let timerFiredDuringCheck = false;
    let checking = true;
    setTimeout(() => {
      timerFiredDuringCheck = checking;
    }, 0);
    await checkWorkbooksAsync(inputs, { config, registerZones: zones }, () => new Promise<void>((r) => setTimeout(r, 0)));
    checking = false;
    expect(timerFiredDuringCheck).toBe(true);
  });
});
