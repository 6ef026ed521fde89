/** Progress of a running check or summary, with a cancel button. */
import { Button, ProgressBar } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n';
import { useStyles } from '../styles';

export function ProgressPanel(props: { fraction: number; onCancel: () => void }) {
  const { t } = useI18n();
  const s = useStyles();
  const pct = Math.round(Math.max(0, Math.min(1, props.fraction)) * 100);
  return (
    <div className={s.section} data-testid="progress">
      <div className={s.row}>
        <span>{t('progress', { pct })}</span>
        <Button size="small" onClick={props.onCancel}>
          {t('cancel')}
        </Button>
      </div>
      <ProgressBar value={pct / 100} />
    </div>
  );
}
