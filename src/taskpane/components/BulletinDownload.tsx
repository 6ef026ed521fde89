/**
 * The quarterly bulletin (季度通报) download, shown under the summary and the warnings: a .docx drafted
 * from the summary on screen, marked 草稿 until the user ticks "定稿" after reviewing it.
 */
import { useState } from 'react';
import { Button, Checkbox } from '@fluentui/react-components';
import type { Config } from '../../domain/config/schema';
import type { SummaryReport } from '../../domain/summary/types';
import { useServices } from '../services/context';
import { useI18n } from '../i18n/i18n';
import { both, notice, useNotify } from '../notices';
import { useAction } from '../use-task';
import { useStyles } from '../styles';

export function BulletinDownload(props: { summary: SummaryReport; config: Config }) {
  const services = useServices();
  const { t } = useI18n();
  const s = useStyles();
  const notify = useNotify();
  const action = useAction();
  const [final, setFinal] = useState(false);
  return (
    <div className={s.row} data-testid="bulletin">
      <Button
        data-testid="download-bulletin"
        onClick={() =>
          void action(async () => {
            const name = await services.downloadBulletin(props.summary, props.config, final);
            notify(notice('success', both('downloadReady', { name })));
          })
        }
      >
        {t('downloadBulletin')}
      </Button>
      <Checkbox checked={final} onChange={(_, d) => setFinal(d.checked === true)} label={t('bulletinFinal')} data-testid="bulletin-final" />
    </div>
  );
}
