/**
 * Entry of the task pane page. Detects the host first: inside Excel the pane works on the open
 * workbook; in a plain browser (Office.onReady gives host null) it runs in standalone mode on
 * opened .xlsx files; when office.js failed to load (`Office` undefined) it shows a bilingual
 * message. Any startup failure is shown, never a blank pane. The ES5 start script (start/start.js)
 * loaded this bundle and shows its own message if the pane does not say it started.
 */
import { createRoot, type Root } from 'react-dom/client';
import { detectHost } from '../excel/host';
import { App } from './App';
import { StartupMessage } from './components/StartupMessage';
import { detectLang } from './i18n/i18n';
import { both } from './notices';
import { EngineServices } from './services/engine';

function officeDisplayLanguage(): string | null {
  try {
    return typeof Office !== 'undefined' ? Office.context?.displayLanguage ?? null : null;
  } catch {
    return null;
  }
}

/** Tells the start script that the pane runs (it then shows no fallback message). */
function signalStarted(): void {
  window.dispatchEvent(new Event('zonereport:started'));
}

async function boot(root: Root): Promise<void> {
  const host = await detectHost();
  if (host.mode === 'office-missing') {
    // Decision: a plain browser without access to Microsoft's CDN (an intranet) can still work on
    // files: the message says what happened and offers standalone mode instead of a dead end.
    root.render(
      <StartupMessage
        title={both('officeMissingTitle')}
        body={both('officeMissingBody')}
        action={{ label: both('continueStandalone'), run: () => void mount(root, 'standalone').catch((e: unknown) => showFailure(root, e)) }}
      />,
    );
    signalStarted();
    return;
  }
  await mount(root, host.mode);
}

async function mount(root: Root, mode: 'excel' | 'standalone'): Promise<void> {
  const lang = detectLang(officeDisplayLanguage(), typeof navigator !== 'undefined' ? navigator.language : null);
  let services: EngineServices;
  if (mode === 'excel') {
    const { OfficeWorkbookPort, excelRunner } = await import('../excel/office-port');
    services = new EngineServices('excel', new OfficeWorkbookPort(excelRunner()), 'Excel');
  } else {
    services = new EngineServices('standalone', null);
  }
  root.render(<App services={services} initialLang={lang} />);
  signalStarted();
}

function showFailure(root: Root, e: unknown): void {
  const reason = e instanceof Error ? e.message : String(e);
  root.render(<StartupMessage title={both('errorTitle')} body={both('startupFailed', { reason })} />);
  signalStarted();
}

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  boot(root).catch((e: unknown) => showFailure(root, e));
}
