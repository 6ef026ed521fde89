/**
 * The pane: FluentProvider, the language, the configuration in effect, the last check report and
 * summary, the notices, and the four tabs 校验 / 汇总 / 预警 / 设置 (TabList: arrow keys move between
 * tabs). In standalone mode the "打开文件" bar sits above the tabs.
 */
import { startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import { FluentProvider, Tab, TabList, webLightTheme } from '@fluentui/react-components';
import type { Config } from '../domain/config/schema';
import { parseConfig } from './config-load';
import { defaultConfig } from './default-config';
import type { CheckReport, Lang } from '../domain/types';
import type { SummaryReport } from '../domain/summary/types';
import { I18nContext, makeI18n } from './i18n/i18n';
import { NotifyContext, both, errorText, notice, type Notice } from './notices';
import { ServicesContext } from './services/context';
import type { OpenedFile, PaneServices } from './services/types';
import { useStyles } from './styles';
import { CheckTab } from './components/CheckTab';
import { NoticeBars } from './components/NoticeBars';
import { OpenFilesBar } from './components/OpenFilesBar';
import { SettingsTab } from './components/SettingsTab';
import { SummaryTab } from './components/SummaryTab';
import { WarningsTab } from './components/WarningsTab';

export type TabId = 'check' | 'summary' | 'warnings' | 'settings';

export interface AppProps {
  services: PaneServices;
  initialLang: Lang;
  initialTab?: TabId;
  initialConfig?: Config;
}

export function App(props: AppProps) {
  const { services } = props;
  const [lang, setLang] = useState<Lang>(props.initialLang);
  const [tab, setTab] = useState<TabId>(props.initialTab ?? 'check');
  const [config, setConfig] = useState<Config>(() => props.initialConfig ?? defaultConfig());
  const [report, setReport] = useState<CheckReport | null>(null);
  const [summary, setSummary] = useState<SummaryReport | null>(null);
  const [files, setFiles] = useState<OpenedFile[]>([]);
  const [opening, setOpening] = useState(false);
  const [notices, setNotices] = useState<Notice[]>([]);
  const i18n = useMemo(() => makeI18n(lang), [lang]);
  const s = useStyles();

  const notify = useCallback((n: Notice) => setNotices((list) => [...list.slice(-3), n]), []);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);

  // An older Excel: say once, at start, which features it lacks and what still works.
  useEffect(() => {
    const limits = services.limits?.() ?? null;
    if (limits) notify(notice('warning', limits, { title: both('excelLimitsTitle') }));
  }, [services, notify]);

  // The configuration stored in the workbook travels with it: use it when it is valid.
  useEffect(() => {
    let live = true;
    services
      .loadStoredConfig()
      // zod is loaded only when the workbook holds a configuration
      .then((text) => (text === null ? null : parseConfig(text)))
      .then((r) => {
        if (!live || r === null) return;
        if (r.ok) {
          setConfig(r.config);
          notify(notice('info', both('configLoadedFromWorkbook', { name: r.config.name })));
        } else {
          notify(notice('warning', both('storedConfigInvalid'), { items: r.problems }));
        }
      })
      .catch((e: unknown) => notify(notice('error', errorText(e), { title: both('errorTitle') })));
    return () => {
      live = false;
    };
  }, [services, notify]);

  // Results arrive from the engine thread: rendered as transitions (in slices, not one long task).
  const onReport = useCallback((r: CheckReport) => startTransition(() => setReport(r)), []);
  const onSummary = useCallback((r: SummaryReport) => startTransition(() => setSummary(r)), []);

  const onConfig = useCallback((c: Config) => {
    setConfig(c);
    // Results computed under another configuration no longer hold.
    setReport(null);
    setSummary(null);
  }, []);

  const openFiles = async (picked: File[]) => {
    setOpening(true);
    try {
      const opened = await services.openFiles(picked);
      // a transition: React renders a long list in slices, the page stays responsive
      startTransition(() => {
        setFiles(opened);
        setReport(null);
        setSummary(null);
      });
    } catch (e) {
      notify(notice('error', errorText(e), { title: both('errorTitle') }));
    } finally {
      setOpening(false);
    }
  };

  const t = i18n.t;
  return (
    <FluentProvider theme={webLightTheme} lang={lang === 'zh' ? 'zh-CN' : 'en-US'}>
      <I18nContext.Provider value={i18n}>
        <ServicesContext.Provider value={services}>
          <NotifyContext.Provider value={notify}>
            <main className={s.root} data-testid="pane" data-mode={services.mode}>
              <h1 className={s.heading}>{t('appTitle')}</h1>
              {services.mode === 'standalone' && (
                <>
                  <div className={s.muted}>{t('modeStandalone')}</div>
                  <OpenFilesBar files={files} onOpen={(f) => void openFiles(f)} busy={opening} />
                </>
              )}
              <NoticeBars notices={notices} onDismiss={dismiss} />
              <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small">
                <Tab value="check">{t('tabCheck')}</Tab>
                <Tab value="summary">{t('tabSummary')}</Tab>
                <Tab value="warnings">{t('tabWarnings')}</Tab>
                <Tab value="settings">{t('tabSettings')}</Tab>
              </TabList>
              <div role="tabpanel" aria-label={t(tabLabel(tab))}>
                {tab === 'check' && <CheckTab config={config} report={report} onReport={onReport} hasFiles={files.length > 0} />}
                {tab === 'summary' && <SummaryTab config={config} summary={summary} onSummary={onSummary} hasFiles={files.length > 0} />}
                {tab === 'warnings' && <WarningsTab config={config} summary={summary} />}
                {tab === 'settings' && <SettingsTab config={config} onConfig={onConfig} onLang={setLang} />}
              </div>
            </main>
          </NotifyContext.Provider>
        </ServicesContext.Provider>
      </I18nContext.Provider>
    </FluentProvider>
  );
}

function tabLabel(tab: TabId) {
  return ({ check: 'tabCheck', summary: 'tabSummary', warnings: 'tabWarnings', settings: 'tabSettings' } as const)[tab];
}
