/** A finding level as a coloured badge (error red, warning amber, info blue), with its word. */
import { Badge } from '@fluentui/react-components';
import type { Level } from '../../domain/types';
import { useI18n, type MessageKey } from '../i18n/i18n';

const KEY: Record<Level, MessageKey> = { error: 'levelError', warning: 'levelWarning', info: 'levelInfo' };
const COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export function LevelBadge(props: { level: Level }) {
  const { t } = useI18n();
  return (
    <Badge appearance="filled" color={COLOR[props.level]} size="small">
      {t(KEY[props.level])}
    </Badge>
  );
}

export function levelKey(level: Level): MessageKey {
  return KEY[level];
}
