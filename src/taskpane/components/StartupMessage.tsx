/**
 * Shown instead of the pane when it cannot start (office.js missing, or a startup error): the
 * message in both languages at once, since the language may not be known yet. Never a blank pane.
 */
import { Button, FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';
import type { Bilingual } from '../../domain/types';

export function StartupMessage(props: { title: Bilingual; body: Bilingual; action?: { label: Bilingual; run: () => void } }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: '8px', display: 'flex', flexDirection: 'column', gap: '8px' }} data-testid="startup-message">
        {(['zh', 'en'] as const).map((l) => (
          <MessageBar key={l} intent="error" layout="multiline" lang={l === 'zh' ? 'zh-CN' : 'en-US'}>
            <MessageBarBody>
              <MessageBarTitle>{props.title[l]}</MessageBarTitle>
              {props.body[l]}
            </MessageBarBody>
          </MessageBar>
        ))}
        {props.action && (
          <div>
            <Button appearance="primary" onClick={props.action.run} data-testid="startup-action">
              {props.action.label.zh} / {props.action.label.en}
            </Button>
          </div>
        )}
      </main>
    </FluentProvider>
  );
}
