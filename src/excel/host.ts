/**
 * Where the pane runs: inside Excel, in a plain browser (standalone), or with office.js missing.
 * The only module that reads the `Office` global for detection and the only user of
 * @microsoft/office-js-helpers (its 2018 typings need skipLibCheck; keep it contained here).
 */
import { Utilities } from '@microsoft/office-js-helpers';

export type HostMode = 'excel' | 'standalone' | 'office-missing';

export interface HostInfo {
  mode: HostMode;
  /** Office.HostType as reported ('Excel', …), null outside Office */
  host: string | null;
  /** Office.PlatformType ('PC', 'OfficeOnline', 'Mac', …), null outside Office */
  platform: string | null;
}

/** The `Office` global when office.js loaded, else undefined (typeof never throws). */
function officeGlobal(): typeof Office | undefined {
  return typeof Office === 'undefined' ? undefined : Office;
}

/**
 * Office.onReady resolves with host null outside Office (standalone); with `Office` undefined the
 * script did not load at all (offline, blocked CDN) and the pane must say so, never stay blank.
 * `timeoutMs` guards against an onReady that never settles (seen when office.js loads in a frame
 * Office does not own).
 */
export async function detectHost(timeoutMs = 10_000): Promise<HostInfo> {
  const office = officeGlobal();
  if (!office || typeof office.onReady !== 'function') {
    return { mode: 'office-missing', host: null, platform: null };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    if (!info || info.host === null || info.host === undefined) return { mode: 'standalone', host: null, platform: null };
    const host = String(info.host);
    const platform = info.platform === null || info.platform === undefined ? helperPlatform() : String(info.platform);
    return { mode: host === 'Excel' ? 'excel' : 'standalone', host, platform };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** The helpers' platform guess, for old hosts whose onReady reports none. */
function helperPlatform(): string | null {
  try {
    const p = Utilities.platform;
    return typeof p === 'string' && p !== '' ? p : null;
  } catch {
    return null;
  }
}

/** `Office.context.requirements.isSetSupported`, false outside Excel (or when it throws). */
export function isSetSupported(name: string, version: string): boolean {
  const office = officeGlobal();
  try {
    return Boolean(office?.context?.requirements?.isSetSupported(name, version));
  } catch {
    return false;
  }
}
