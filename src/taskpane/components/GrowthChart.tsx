/**
 * A small accessible SVG bar chart of one indicator's 同比 by zone (no chart library). Bars grow
 * right from the zero axis for growth and left for decline. Zones whose growth is a label (新增…)
 * are listed with the label and no bar. The figures are the engine's rounded 同比.
 */
import { useId } from 'react';
import { tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n';
import { growthCell } from '../format';

export interface ChartBar {
  name: string;
  yoy: number | null;
  label: string | null;
}

const W = 400;
const ROW = 34;
const PAD = 8;

export function GrowthChart(props: { title: string; bars: ChartBar[] }) {
  const { t, lang } = useI18n();
  const titleId = useId();
  const descId = useId();
  if (props.bars.length === 0) return <div>{t('summaryChartEmpty')}</div>;
  const values = props.bars.map((b) => b.yoy ?? 0);
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const span = max - min || 1;
  // Leave room for the value text on both sides of the plot area.
  const left = PAD + 40;
  const right = W - PAD - 40;
  const x = (v: number) => left + ((v - min) / span) * (right - left);
  const zero = x(0);
  const height = props.bars.length * ROW + PAD * 2;
  const desc = props.bars.map((b) => `${b.name} ${growthCell(b.yoy, b.label, lang)}`).join('; ');
  return (
    <figure style={{ margin: 0 }}>
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${W} ${height}`}
        width="100%"
        data-testid="growth-chart"
        style={{ maxWidth: `${W}px`, fontFamily: 'inherit' }}
      >
        <title id={titleId}>{props.title}</title>
        <desc id={descId}>{desc}</desc>
        <line x1={zero} x2={zero} y1={PAD / 2} y2={height - PAD / 2} stroke={tokens.colorNeutralStroke1} />
        {props.bars.map((b, i) => {
          const y = PAD + i * ROW;
          const v = b.yoy;
          const barY = y + 16;
          const text = growthCell(b.yoy, b.label, lang);
          if (v === null) {
            return (
              <g key={i}>
                <text x={PAD} y={y + 11} fontSize="11" fill={tokens.colorNeutralForeground1}>{b.name}</text>
                <text x={zero + 4} y={barY + 10} fontSize="11" fill={tokens.colorNeutralForeground3}>{text}</text>
              </g>
            );
          }
          const neg = v < 0;
          const xv = x(v);
          return (
            <g key={i} data-testid="bar" data-negative={neg ? 'true' : 'false'}>
              <text x={PAD} y={y + 11} fontSize="11" fill={tokens.colorNeutralForeground1}>{b.name}</text>
              <rect
                x={Math.min(zero, xv)}
                y={barY}
                width={Math.max(1, Math.abs(xv - zero))}
                height={12}
                fill={neg ? '#C50F1F' : '#0F6CBD'}
              />
              <text
                x={neg ? xv - 3 : xv + 3}
                y={barY + 10}
                fontSize="11"
                textAnchor={neg ? 'end' : 'start'}
                fill={tokens.colorNeutralForeground1}
              >
                {text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
