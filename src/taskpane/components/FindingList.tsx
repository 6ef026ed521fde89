/** The findings grouped by file/sheet, then by level (errors first). */
import { useMemo } from 'react';
import type { Config } from '../../domain/config/schema';
import type { Finding } from '../../domain/types';
import { groupFindings } from '../group-findings';
import { useI18n } from '../i18n/i18n';
import { useStyles } from '../styles';
import { FindingItem } from './FindingItem';
import { levelKey } from './LevelBadge';

export function FindingList(props: { findings: Finding[]; config: Config; multiFile: boolean; onSelect: (f: Finding) => void }) {
  const { t, lang } = useI18n();
  const s = useStyles();
  const groups = useMemo(() => groupFindings(props.findings), [props.findings]);
  const names = useMemo(
    () => new Map(props.config.catalogue.map((i) => [i.code, lang === 'zh' ? i.name : i.nameEn])),
    [props.config, lang],
  );
  return (
    <div className={s.section} data-testid="finding-groups">
      {groups.map((g) => (
        <section key={g.key} className={s.section} data-testid="sheet-group" data-sheet={g.sheet ?? ''}>
          <h3 className={s.subheading}>
            {props.multiFile && g.file ? `${g.file} › ` : ''}
            {g.sheet ?? t('noSheet')}
          </h3>
          {g.levels.map((lg) => (
            <div key={lg.level} data-testid="level-group" data-level={lg.level}>
              <div className={s.muted}>
                {t(levelKey(lg.level))} ({lg.findings.length})
              </div>
              <ul className={s.list}>
                {lg.findings.map((f, i) => (
                  <FindingItem
                    key={i}
                    finding={f}
                    indicatorName={f.indicator ? names.get(f.indicator) ?? null : null}
                    onSelect={props.onSelect}
                  />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
