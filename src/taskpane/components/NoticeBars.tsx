/** The pane's notices as Fluent MessageBars, in the current language, each dismissible. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Notice } from '../notices';
import { useI18n } from '../i18n/i18n';

export function NoticeBars(props: { notices: Notice[]; onDismiss: (id: number) => void }) {
  const { lang, t } = useI18n();
  return (
    <div className="zr-notices" aria-live="polite">
      {props.notices.map((n) => (
        <MessageBar key={n.id} intent={n.intent} layout="multiline" data-testid={`notice-${n.intent}`}>
          <MessageBarBody>
            {n.title && <MessageBarTitle>{n.title[lang]}</MessageBarTitle>}
            {n.text[lang]}
            {n.items && n.items.length > 0 && (
              <ul className="zr-problems">
                {n.items.map((p, i) => (
                  <li key={i}>{p[lang]}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" aria-label={t("dismiss")} onClick={() => props.onDismiss(n.id)}>
                ×
              </Button>
            }
          />
        </MessageBar>
      ))}
    </div>
  );
}
