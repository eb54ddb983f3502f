// Charts drawn as SVG elements (attributes and classes only: the page's policy allows no inline style).
import { h } from './dom.js';

const svgNs = 'http://www.w3.org/2000/svg';
const width = 640;
const height = 220;
const margin = { top: 14, right: 16, bottom: 28, left: 52 };

function s(tag, attributes, ...children) {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

const timeLabel = ms => new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

function niceMax(value) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map(step => step * power).find(candidate => candidate >= value);
}

/**
 * A chart over time: bars for counts (kind 'bars') or lines for measurements, with an optional objective (a dashed
 * line, e.g. the SLO's p99). points: [{ at, values: [number|null…] }]; series: the names of the values.
 */
export function timeChart({ title, points, series, kind = 'lines', objective, unit = '' }) {
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const values = points.flatMap(p => p.values).filter(v => v !== null && v !== undefined);
  const max = niceMax(Math.max(...values, objective?.value ?? 0, 0) * 1.1);
  const y = value => margin.top + plotHeight - (value / max) * plotHeight;
  const slot = plotWidth / Math.max(points.length, 1);
  const x = index => margin.left + slot * index + slot / 2;

  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': title });
  for (let i = 0; i <= 4; i++) {
    const value = (max / 4) * i;
    svg.append(s('line', { class: 'grid', x1: margin.left, x2: width - margin.right, y1: y(value), y2: y(value) }));
    svg.append(s('text', { class: 'axis', x: margin.left - 6, y: y(value) + 4, 'text-anchor': 'end' },
      `${Number.isInteger(value) ? value : value.toFixed(1)}${unit}`));
  }
  const labelEvery = Math.ceil(points.length / 6);
  points.forEach((point, index) => {
    if (index % labelEvery === 0) {
      svg.append(s('text', { class: 'axis', x: x(index), y: height - 8, 'text-anchor': 'middle' }, timeLabel(point.at)));
    }
  });

  series.forEach((_, seriesIndex) => {
    if (kind === 'bars') {
      const barWidth = Math.max(2, (slot * 0.8) / series.length);
      points.forEach((point, index) => {
        const value = point.values[seriesIndex] ?? 0;
        const left = x(index) - (slot * 0.8) / 2 + barWidth * seriesIndex;
        svg.append(s('rect', { class: `bar-${seriesIndex}`, x: left, y: y(value), width: barWidth, height: Math.max(0, y(0) - y(value)) },
          s('title', {}, `${timeLabel(point.at)}: ${value}${unit} ${series[seriesIndex]}`)));
      });
      return;
    }
    const measured = points.map((point, index) => ({ index, value: point.values[seriesIndex] })).filter(p => p.value !== null && p.value !== undefined);
    if (measured.length > 1) {
      svg.append(s('polyline', { class: `series-${seriesIndex}`, points: measured.map(p => `${x(p.index)},${y(p.value)}`).join(' ') }));
    }
    for (const p of measured) {
      svg.append(s('circle', { class: `point series-${seriesIndex}`, cx: x(p.index), cy: y(p.value), r: 3 },
        s('title', {}, `${timeLabel(points[p.index].at)}: ${p.value}${unit}`)));
    }
  });

  if (objective) {
    svg.append(s('line', { class: 'objective', x1: margin.left, x2: width - margin.right, y1: y(objective.value), y2: y(objective.value) }));
    svg.append(s('text', { class: 'objective-label', x: width - margin.right - 4, y: y(objective.value) - 5, 'text-anchor': 'end' }, objective.label));
  }

  return h('figure', { class: 'panel' },
    h('h3', {}, title),
    svg,
    h('div', { class: 'legend' },
      series.map((name, index) => h('span', { class: `l${index}` }, name)),
      objective ? h('span', { class: 'lo' }, objective.label) : null));
}
