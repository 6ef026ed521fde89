/** @jest-environment jsdom */
import '../test/setup-dom';
import { render, screen } from '@testing-library/react';
import { GrowthChart } from './GrowthChart';

describe('growth chart', () => {
  it('draws growth to the right of the zero axis and decline to the left, labels without a bar', () => {
    render(
      <GrowthChart
        title="规上工业总产值同比"
        bars={[
          { name: '甲', yoy: 12.5, label: null },
          { name: '乙', yoy: -7.9, label: null },
          { name: '丙', yoy: null, label: '新增' },
        ]}
      />,
    );
    const svg = screen.getByTestId('growth-chart');
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('title')?.textContent).toBe('规上工业总产值同比');
    expect(svg.querySelector('desc')?.textContent).toBe('甲 12.5; 乙 -7.9; 丙 新增');
    const bars = screen.getAllByTestId('bar');
    expect(bars.map((b) => b.getAttribute('data-negative'))).toEqual(['false', 'true']);
    const axis = Number(svg.querySelector('line')?.getAttribute('x1'));
    const [pos, neg] = bars.map((b) => b.querySelector('rect') as SVGRectElement);
    expect(Number(pos.getAttribute('x'))).toBeCloseTo(axis);
    expect(Number(neg.getAttribute('x')) + Number(neg.getAttribute('width'))).toBeCloseTo(axis);
    expect(Number(neg.getAttribute('x'))).toBeLessThan(axis);
  });
});
