// <ts-sparkline>: a tiny inline-SVG line chart. Set `.values = [numbers]`.
import { svg, useStyles, fill } from '../../lib/dom.js';

useStyles(import.meta.url);

class Sparkline extends HTMLElement {
  set values(v) {
    this._values = Array.isArray(v) ? v.filter((x) => typeof x === 'number' && Number.isFinite(x)) : [];
    this.render();
  }

  connectedCallback() {
    this.classList.add('sparkline');
    if (!this._values) this.values = [];
  }

  render() {
    const w = 120;
    const hgt = 32;
    const vals = this._values ?? [];
    const label = this.getAttribute('label') ?? 'trend';
    if (vals.length < 2) {
      fill(this, svg('svg', { viewBox: `0 0 ${w} ${hgt}`, width: w, height: hgt, role: 'img', 'aria-label': `${label}: not enough data yet` },
        svg('line', { x1: 0, y1: hgt - 1, x2: w, y2: hgt - 1, class: 'spark-base' })));
      return;
    }
    const min = Math.min(...vals);
    const max = Math.max(...vals);
    const span = max - min || 1;
    const step = w / (vals.length - 1);
    const pts = vals.map((v, i) => [i * step, hgt - 3 - ((v - min) / span) * (hgt - 6)]);
    const line = pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
    const last = pts[pts.length - 1];
    fill(this, svg('svg', { viewBox: `0 0 ${w} ${hgt}`, width: w, height: hgt, role: 'img', 'aria-label': `${label}: last ${vals[vals.length - 1]}, min ${min}, max ${max}` },
      svg('polygon', { points: `0,${hgt} ${line} ${w},${hgt}`, class: 'spark-area' }),
      svg('polyline', { points: line, class: 'spark-line' }),
      svg('circle', { cx: last[0], cy: last[1], r: 2.5, class: 'spark-dot' })));
  }
}

customElements.define('ts-sparkline', Sparkline);
