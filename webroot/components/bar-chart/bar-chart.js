// <ts-bar-chart>: grouped bars as inline SVG, no chart library.
// Set `.data = { groups: ['ndcg10', ...], series: [{ name, values: [n|null, ...] }] }`.
import { h, svg, useStyles, fill } from '../../lib/dom.js';

useStyles(import.meta.url);

class BarChart extends HTMLElement {
  set data(d) {
    this._data = d;
    this.render();
  }

  render() {
    const { groups = [], series = [] } = this._data ?? {};
    this.classList.add('bar-chart');
    if (!groups.length || !series.length) {
      fill(this, h('p', { class: 'muted' }, 'No data.'));
      return;
    }
    const all = series.flatMap((s) => s.values).filter((v) => typeof v === 'number' && Number.isFinite(v));
    const max = Math.max(1e-9, ...all);
    const W = 640;
    const H = 240;
    const pad = { l: 40, r: 10, t: 10, b: 36 };
    const gw = (W - pad.l - pad.r) / groups.length;
    const bw = Math.max(4, (gw - 14) / series.length);
    const y = (v) => pad.t + (H - pad.t - pad.b) * (1 - v / max);
    const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
    const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': this.getAttribute('label') ?? 'Bar chart', 'data-testid': 'bar-chart-svg' },
      ticks.map((t) => [
        svg('line', { x1: pad.l, x2: W - pad.r, y1: y(t), y2: y(t), class: 'grid' }),
        svg('text', { x: pad.l - 6, y: y(t) + 4, 'text-anchor': 'end', class: 'tick' }, t.toFixed(2)),
      ]),
      groups.map((g, gi) => [
        series.map((s, si) => {
          const v = s.values[gi];
          const x = pad.l + gi * gw + 7 + si * bw;
          if (typeof v !== 'number' || !Number.isFinite(v)) {
            return svg('text', { x: x + bw / 2, y: H - pad.b - 4, 'text-anchor': 'middle', class: 'tick' }, '—');
          }
          return svg('rect', { x, y: y(v), width: bw - 2, height: Math.max(0, H - pad.b - y(v)), rx: 2, class: `bar s${si % 6}` },
            svg('title', `${s.name} · ${g}: ${v.toFixed(3)}`));
        }),
        svg('text', { x: pad.l + gi * gw + gw / 2, y: H - pad.b + 18, 'text-anchor': 'middle', class: 'label' }, g),
      ]));
    const legend = h('ul', { class: 'legend' }, series.map((s, si) => h('li', h('span', { class: `swatch s${si % 6}`, 'aria-hidden': 'true' }), s.name)));
    const table = h('table', { class: 'table visually-hidden' },
      h('thead', h('tr', h('th', 'Series'), groups.map((g) => h('th', g)))),
      h('tbody', series.map((s) => h('tr', h('th', s.name), s.values.map((v) => h('td', typeof v === 'number' ? v.toFixed(3) : '—'))))));
    fill(this, chart, legend, table);
  }
}

customElements.define('ts-bar-chart', BarChart);
