/**
 * A long-running action with progress and cancel: one at a time, errors turned into a bilingual
 * notice (never an unhandled rejection), cancellation reported as such.
 */
import { startTransition, useCallback, useRef, useState } from 'react';
import { errorText, isAbort, notice, both, useNotify } from './notices';

export interface Task {
  running: boolean;
  fraction: number;
  run<T>(fn: (signal: AbortSignal, onProgress: (f: number) => void) => Promise<T>): Promise<T | undefined>;
  cancel(): void;
}

export function useTask(): Task {
  const notify = useNotify();
  const [running, setRunning] = useState(false);
  const [fraction, setFraction] = useState(0);
  const ctrl = useRef<AbortController | null>(null);

  const run = useCallback(
    async <T,>(fn: (signal: AbortSignal, onProgress: (f: number) => void) => Promise<T>): Promise<T | undefined> => {
      if (ctrl.current) return undefined;
      const c = new AbortController();
      ctrl.current = c;
      // transitions: the progress panel renders in slices, never as one long task of the click
      startTransition(() => {
        setRunning(true);
        setFraction(0);
      });
      const progress = (f: number) => startTransition(() => setFraction(f));
      try {
        return await fn(c.signal, progress);
      } catch (e) {
        if (isAbort(e) || c.signal.aborted) notify(notice('info', both('cancelled')));
        else notify(notice('error', errorText(e), { title: both('errorTitle') }));
        return undefined;
      } finally {
        ctrl.current = null;
        setRunning(false);
      }
    },
    [notify],
  );
  const cancel = useCallback(() => ctrl.current?.abort(), []);
  return { running, fraction, run, cancel };
}

/** A short action (no progress): errors become a notice; returns undefined on failure. */
export function useAction(): <T>(fn: () => Promise<T>) => Promise<T | undefined> {
  const notify = useNotify();
  return useCallback(
    async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await fn();
      } catch (e) {
        notify(notice('error', errorText(e), { title: both('errorTitle') }));
        return undefined;
      }
    },
    [notify],
  );
}
