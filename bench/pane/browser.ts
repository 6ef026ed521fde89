/**
 * The pane in headless Chromium over the production build (dist/ served on 127.0.0.1 by
 * scripts/serve.js, office.js routed to the npm copy, all through the e2e harness):
 * - navigation → interactive: performance.now() (ms since navigation start) at the first animation
 *   frame where the tab list is laid out and no tab is disabled;
 * - standalone check: file input given the sample workbooks → the counts bar shown.
 * The first load runs on a fresh profile (cold); the median of the later loads is the warm figure.
 */
import type { Page } from 'playwright-core';
import { launchBrowser, routeOfficeJs, serveDist } from '../../test/e2e/harness';
import { median } from '../lib/stats';

export interface PaneTiming {
  coldInteractiveMs: number;
  interactiveMs: number;
  interactiveRuns: number[];
  checkMs: number;
  checkRuns: number[];
  counts: string;
  files: number;
}

/** ms since navigation start at which the tab list is visible and enabled (polled every frame). */
async function interactiveAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const list = document.querySelector('[role="tablist"]');
      if (!list) return false;
      const box = list.getBoundingClientRect();
      const tabs = [...list.querySelectorAll('[role="tab"]')];
      const enabled = tabs.length > 0 && tabs.every((t) => !t.hasAttribute('disabled') && t.getAttribute('aria-disabled') !== 'true');
      return box.width > 0 && box.height > 0 && enabled ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

async function load(page: Page, url: string): Promise<number> {
  await routeOfficeJs(page, 'local');
  await page.goto(url);
  return interactiveAt(page);
}

/** Open the files and check them; ms from handing the files to the input until the counts show. */
async function checkFiles(page: Page, files: string[]): Promise<{ ms: number; counts: string }> {
  const t0 = Date.now();
  await page.getByTestId('open-files-input').setInputFiles(files);
  await page.getByTestId('opened-list').waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: '检查整个工作簿' }).click();
  await page.getByTestId('counts').waitFor({ timeout: 120_000 });
  const ms = Date.now() - t0;
  return { ms, counts: (await page.getByTestId('counts').textContent()) ?? '' };
}

export async function paneTiming(files: string[], reps: number): Promise<PaneTiming> {
  const served = await serveDist();
  const browser = await launchBrowser();
  try {
    const first = await browser.context.newPage();
    const cold = await load(first, served.url);
    await checkFiles(first, files); // warm-up of the check path (and the lazily loaded chunks)
    await first.close();
    const loads: number[] = [];
    const checks: number[] = [];
    let counts = '';
    for (let i = 0; i < reps; i++) {
      const page = await browser.context.newPage();
      loads.push(await load(page, served.url));
      const c = await checkFiles(page, files);
      checks.push(c.ms);
      counts = c.counts;
      await page.close();
    }
    return {
      coldInteractiveMs: cold,
      interactiveMs: median(loads),
      interactiveRuns: loads,
      checkMs: median(checks),
      checkRuns: checks,
      counts,
      files: files.length,
    };
  } finally {
    await browser.close();
    await served.close();
  }
}
