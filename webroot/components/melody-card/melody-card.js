// <ts-melody-card>: a WS `melody` payload drawn as sheet music with abcjs (vendored, never a
// CDN) and played with WebAudio. Without abcjs the ABC text is shown instead.
import { h, useStyles, show, fill } from '../../lib/dom.js';
import { loadAbcjs, playTune } from '../../lib/abc.js';
import { showError } from '../../lib/ui.js';

useStyles(import.meta.url);

class MelodyCard extends HTMLElement {
  set melody(m) {
    this._melody = m;
    this.render();
  }

  get melody() {
    return this._melody;
  }

  disconnectedCallback() {
    this.stop?.();
  }

  render() {
    const m = this._melody ?? {};
    const abc = typeof m.abc === 'string' ? m.abc : '';
    const key = m.key ?? abcHeader(abc, 'K');
    const meter = m.meter ?? abcHeader(abc, 'M');
    this.classList.add('melody-card', 'card');
    this.setAttribute('data-testid', 'melody-card');
    this.sheet = h('div', { class: 'sheet', 'data-testid': 'melody-sheet', role: 'img', 'aria-label': `Sheet music${key ? ` in ${key}` : ''}` });
    this.playBtn = h('button', { class: 'btn btn-primary btn-small', 'data-testid': 'melody-play', disabled: true, onclick: () => this.togglePlay() }, '▶ Play');
    const download = h('button', { class: 'btn btn-small', disabled: !abc, onclick: () => this.downloadAbc() }, 'Download .abc');
    fill(this, 
      h('header', { class: 'row between' },
        h('div', h('div', { class: 'eyebrow' }, '♩ Melody'), h('h3', { class: 'melody-title' }, show(m.title ?? titleFromAbc(abc) ?? 'Melody'))),
        h('div', { class: 'row' },
          h('span', { class: 'chip' }, `Key ${show(key)}`),
          h('span', { class: 'chip' }, `Meter ${show(meter)}`),
          h('span', { class: 'chip' }, `${show(m.bars)} bars`))),
      this.sheet,
      h('div', { class: 'row' }, this.playBtn, download),
      abc ? h('details', { class: 'abc-source' }, h('summary', 'ABC notation'), h('pre', { class: 'mono' }, abc)) : null,
    );
    this.draw(abc);
  }

  async draw(abc) {
    if (!abc) {
      fill(this.sheet, h('p', { class: 'muted' }, 'No notation received.'));
      return;
    }
    const ABCJS = await loadAbcjs();
    if (!ABCJS) {
      this.fallback(abc, 'Sheet-music renderer not installed; showing ABC notation.');
      return;
    }
    try {
      const tunes = ABCJS.renderAbc(this.sheet, abc, { responsive: 'resize', add_classes: true, paddingleft: 0, paddingright: 0 });
      this.tune = tunes?.[0] ?? null;
      const errors = this.tune?.warnings;
      if (!this.sheet.querySelector('svg')) throw new Error('nothing rendered');
      if (errors?.length) this.sheet.title = 'ABC warnings present';
      this.playBtn.disabled = !this.tune || !(window.AudioContext || window.webkitAudioContext);
    } catch (e) {
      this.fallback(abc, `Could not draw the sheet music (${e.message}); showing ABC notation.`);
    }
  }

  fallback(abc, note) {
    this.sheet.classList.add('fallback');
    fill(this.sheet, h('p', { class: 'muted small' }, note), h('pre', { class: 'mono', 'data-testid': 'melody-abc' }, abc));
  }

  togglePlay() {
    if (this.stop) {
      this.stop();
      return;
    }
    try {
      this.playBtn.textContent = '■ Stop';
      this.stop = playTune(this.tune, {
        onEnd: () => {
          this.stop = null;
          this.playBtn.textContent = '▶ Play';
        },
      });
    } catch (e) {
      this.stop = null;
      this.playBtn.textContent = '▶ Play';
      showError(e);
    }
  }

  downloadAbc() {
    const m = this._melody ?? {};
    const blob = new Blob([m.abc ?? ''], { type: 'text/vnd.abc' });
    const href = URL.createObjectURL(blob);
    const a = h('a', { href, download: `${String(m.title ?? titleFromAbc(m.abc) ?? `melody-${m.id ?? ''}`).replace(/[^\w.-]+/g, '_')}.abc` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  }
}

function abcHeader(abc, field) {
  const m = new RegExp(`^${field}:\\s*(.+)$`, 'm').exec(abc ?? '');
  return m ? m[1].trim() : null;
}

function titleFromAbc(abc) {
  return abcHeader(abc, 'T');
}

customElements.define('ts-melody-card', MelodyCard);
