/** Standalone mode: the "打开文件" picker for one or more workbook files (any format read), and the list of open files. */
import type { OpenedFile } from '../services/types';
import { useI18n } from '../i18n/i18n';
import { useStyles } from '../styles';
import { FilePickButton } from './FilePickButton';
import { WORKBOOK_ACCEPT } from '../services/accept';

export function OpenFilesBar(props: { files: OpenedFile[]; onOpen: (files: File[]) => void; busy: boolean }) {
  const { t } = useI18n();
  const s = useStyles();
  return (
    <section className={s.section} data-testid="open-files">
      <div className={s.row}>
        <FilePickButton label={t('openFiles')} accept={WORKBOOK_ACCEPT} multiple onFiles={props.onOpen} testId="open-files-input" appearance="primary" disabled={props.busy} />
        {props.files.length === 0 && <span className={s.muted}>{t('noFilesYet')}</span>}
      </div>
      <div className={s.muted}>{t('openFilesHint')}</div>
      {props.files.length > 0 && (
        // Collapsed by default: a bureau opens a dozen files and the results matter more than the list.
        <details className={s.muted} data-testid="opened-list">
          <summary>{t('openedFiles', { n: props.files.length })}</summary>
          <ul>
            {props.files.map((f) => (
              <li key={f.name}>
                {f.name}
                {f.role === 'unreadable' ? ` (${t('fileRoleUnreadable')})` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
