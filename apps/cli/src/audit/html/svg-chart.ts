import { escapeHtml } from './escape-html.js';

/** A series of a bar chart: a name, a colour and one value per category. */
export interface ChartSeries {
  name: string;
  colour: string;
  values: number[];
}

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 12, bottom: 56, left: 56 };

/**
 * A grouped bar chart as inline SVG (no script, no external resource): one group of bars per category
 * (a year), one bar per series, a value axis with four grid lines, a legend under the plot. Every text
 * is escaped; the chart has a title for screen readers.
 */
export function barChart(title: string, categories: string[], series: ChartSeries[]): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const step = niceStep(max / 4);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const groupWidth = plotWidth / Math.max(1, categories.length);
  const barWidth = Math.max(2, Math.min(28, (groupWidth * 0.8) / Math.max(1, series.length)));
  const parts: string[] = [];
  for (let tick = 0; tick <= top; tick += step) {
    parts.push(
      `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(tick).toFixed(1)}" y2="${y(tick).toFixed(1)}" class="grid"/>`,
      `<text x="${MARGIN.left - 6}" y="${(y(tick) + 4).toFixed(1)}" text-anchor="end">${tick}</text>`,
    );
  }
  categories.forEach((category, i) => {
    const groupStart = MARGIN.left + i * groupWidth + (groupWidth - barWidth * series.length) / 2;
    series.forEach((s, j) => {
      const value = s.values[i] ?? 0;
      const x = groupStart + j * barWidth;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y(value).toFixed(1)}" width="${(barWidth - 1).toFixed(1)}" height="${(MARGIN.top + plotHeight - y(value)).toFixed(1)}" fill="${s.colour}"><title>${escapeHtml(`${category} ${s.name}: ${value}`)}</title></rect>`,
      );
    });
    parts.push(`<text x="${(MARGIN.left + (i + 0.5) * groupWidth).toFixed(1)}" y="${MARGIN.top + plotHeight + 16}" text-anchor="middle">${escapeHtml(category)}</text>`);
  });
  let legendX = MARGIN.left;
  for (const s of series) {
    parts.push(
      `<rect x="${legendX}" y="${HEIGHT - 22}" width="10" height="10" fill="${s.colour}"/>`,
      `<text x="${legendX + 14}" y="${HEIGHT - 13}">${escapeHtml(s.name)}</text>`,
    );
    legendX += 24 + s.name.length * 13;
  }
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>${parts.join('')}</svg>`;
}

/** 1, 2 or 5 times a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  for (const factor of [1, 2, 5, 10]) if (factor * power >= raw) return factor * power;
  return 10 * power;
}
