/**
 * 设置 Settings tab: the catalogue and thresholds in effect, import (validated: a bad file is refused
 * with every problem listed) and export of the configuration JSON, storing it in the workbook, and
 * the interface language.
 */
import { useState } from 'react';
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Select } from '@fluentui/react-components';
import type { Config } from '../../domain/config/schema';
import { configTooLarge, parseConfig } from '../config-load';
import { defaultConfig } from '../default-config';
import type { Bilingual, Lang } from '../../domain/types';
import { useServices } from '../services/context';
import { saveBlob } from '../services/download';
import { readText } from '../services/read-file';
import { useI18n } from '../i18n/i18n';
import { both, notice, useNotify } from '../notices';
import { useAction } from '../use-task';
import { useStyles } from '../styles';
import { CatalogueTable } from './CatalogueTable';
import { FilePickButton } from './FilePickButton';
import { ThresholdList } from './ThresholdList';

export interface SettingsTabProps {
  config: Config;
  onConfig: (c: Config) => void;
  onLang: (l: Lang) => void;
}

export function SettingsTab(props: SettingsTabProps) {
  const services = useServices();
  const { t, lang } = useI18n();
  const s = useStyles();
  const notify = useNotify();
  const action = useAction();
  const [refused, setRefused] = useState<{ file: string; problems: Bilingual[] } | null>(null);

  const importFile = (files: File[]) =>
    void action(async () => {
      const file = files[0];
      // Refuse by size before reading the whole file into memory.
      const result = (await configTooLarge(file.size)) ?? (await parseConfig(await readText(file)));
      if (!result.ok) {
        setRefused({ file: file.name, problems: result.problems });
        return;
      }
      setRefused(null);
      props.onConfig(result.config);
      notify(notice('success', both('configImported', { name: result.config.name })));
    });

  return (
    <div className={s.section} data-testid="settings-tab">
      <Field label={t('language')}>
        <Select value={lang} onChange={(_, d) => props.onLang(d.value === 'en' ? 'en' : 'zh')} data-testid="lang-select">
          <option value="zh">{t('langZh')}</option>
          <option value="en">{t('langEn')}</option>
        </Select>
      </Field>
      <div className={s.subheading}>{t('settingsConfigName', { name: props.config.name })}</div>
      <div className={s.row}>
        <FilePickButton label={t('importConfig')} accept=".json,application/json" multiple={false} onFiles={importFile} testId="config-file" />
        <Button onClick={() => saveBlob('zone-report-config.json', JSON.stringify(props.config, null, 2), 'application/json')}>
          {t('exportConfig')}
        </Button>
        {services.mode === 'excel' && (
          <Button
            onClick={() =>
              void action(async () => {
                await services.storeConfig(JSON.stringify(props.config));
                notify(notice('success', both('configStored')));
              })
            }
          >
            {t('storeConfig')}
          </Button>
        )}
        <Button
          onClick={() => {
            setRefused(null);
            props.onConfig(defaultConfig());
          }}
        >
          {t('resetConfig')}
        </Button>
      </div>
      {services.mode === 'standalone' && <div className={s.muted}>{t('configStoreStandalone')}</div>}
      {refused && (
        <MessageBar intent="error" layout="multiline" data-testid="config-refused">
          <MessageBarBody>
            <MessageBarTitle>{t('configRefused', { file: refused.file, n: refused.problems.length })}</MessageBarTitle>
            <ul>
              {refused.problems.map((p, i) => (
                <li key={i} data-testid="config-problem">
                  {p[lang]}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <h3 className={s.subheading}>{t('settingsCatalogue')}</h3>
      <CatalogueTable config={props.config} />
      <h3 className={s.subheading}>{t('settingsThresholds')}</h3>
      <ThresholdList config={props.config} />
    </div>
  );
}
