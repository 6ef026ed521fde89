/**
 * One finding: level, cell, indicator, message and (for warnings) whether it is explained.
 * Clicking it, or Enter / Space on it, selects its cell in the workbook.
 */
import type { KeyboardEvent } from 'react';
import type { Finding } from '../../domain/types';
import { useI18n } from '../i18n/i18n';
import { useStyles } from '../styles';
import { LevelBadge } from './LevelBadge';

export function FindingItem(props: { finding: Finding; indicatorName: string | null; onSelect: (f: Finding) => void }) {
  const { t, lang } = useI18n();
  const s = useStyles();
  const f = props.finding;
  const canSelect = f.sheet !== null && f.cell !== null;
  const onKey = (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      props.onSelect(f);
    }
  };
  return (
    <li
      className={s.finding}
      tabIndex={0}
      role="button"
      aria-label={canSelect ? t('findingGoTo', { sheet: f.sheet ?? '', cell: f.cell ?? '' }) : undefined}
      data-testid="finding"
      data-rule={f.rule}
      onClick={() => props.onSelect(f)}
      onKeyDown={onKey}
    >
      <div className={s.findingHead}>
        <LevelBadge level={f.level} />
        {f.cell && (
          <span>
            {t('cell')} <strong>{f.cell}</strong>
          </span>
        )}
        {f.indicator && (
          <span>
            {t('indicator')} {f.indicator}
            {props.indicatorName ? ` ${props.indicatorName}` : ''}
          </span>
        )}
        <span>{f.rule}</span>
        {f.level === 'warning' && <span>{f.explained ? `✓ ${t('explained')}` : t('unexplained')}</span>}
      </div>
      <div>{f.message[lang]}</div>
    </li>
  );
}
