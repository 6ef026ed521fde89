/** The counts on top of the check results: "3 个错误, 5 个警告, 2 个提示". */
import type { Totals } from '../../domain/types';
import { useI18n } from '../i18n/i18n';
import { useStyles } from '../styles';

export function CountsBar(props: { totals: Totals }) {
  const { t } = useI18n();
  const s = useStyles();
  return (
    <div className={s.counts} role="status" data-testid="counts">
      {t('counts', { error: props.totals.error, warning: props.totals.warning, info: props.totals.info })}
    </div>
  );
}
