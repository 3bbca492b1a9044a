// <ts-lyrics-card>: a WS `lyrics` payload — lines with their rhyme-scheme letter and a checks summary.
import { h, useStyles, show, fill } from '../../lib/dom.js';
import { rhymeLetters } from '../../lib/lyrics.js';

useStyles(import.meta.url);

function checkValue(v) {
  if (v === true) return { text: '✓', cls: 'ok' };
  if (v === false) return { text: '✗', cls: 'bad' };
  if (Array.isArray(v)) {
    if (v.some((x) => x && typeof x === 'object')) return { text: `${v.length} items`, cls: '' };
    return { text: v.length > 12 ? `${v.slice(0, 12).join(', ')}…` : v.join(', ') || '—', cls: '' };
  }
  if (v && typeof v === 'object') {
    if (typeof v.ok === 'boolean' || typeof v.pass === 'boolean' || typeof v.passed === 'boolean') {
      const ok = v.ok ?? v.pass ?? v.passed;
      const detail = v.message ?? v.detail ?? (v.score !== undefined ? show(v.score) : '');
      return { text: `${ok ? '✓' : '✗'}${detail ? ` ${detail}` : ''}`, cls: ok ? 'ok' : 'bad' };
    }
    return { text: Object.entries(v).map(([a, b]) => `${a} ${show(b)}`).join(', '), cls: '' };
  }
  return { text: show(v), cls: '' };
}

function humanize(key) {
  return String(key).replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

class LyricsCard extends HTMLElement {
  set lyrics(l) {
    this._lyrics = l;
    this.render();
  }

  get lyrics() {
    return this._lyrics;
  }

  render() {
    const l = this._lyrics ?? {};
    this.classList.add('lyrics-card', 'card');
    this.setAttribute('data-testid', 'lyrics-card');
    const rows = rhymeLetters(l.text, l.scheme);
    const lineChecks = Array.isArray(l.checks?.lines) ? l.checks.lines : [];
    const checks = l.checks && typeof l.checks === 'object'
      ? Object.entries(l.checks).filter(([k]) => k !== 'lines').map(([k, v]) => (
        /adherence$/i.test(k) && typeof v === 'number' && v >= 0 && v <= 1 ? [k, `${Math.round(v * 100)} %`] : [k, v]))
      : [];
    let lineNo = 0;
    const lineNote = () => {
      const c = lineChecks[lineNo++];
      if (!c || typeof c !== 'object') return null;
      const parts = [];
      if (typeof c.syllables === 'number') parts.push(`${c.syllables} syl`);
      if (c.onScheme === false) parts.push('off scheme');
      return parts.length ? h('span', { class: ['lyric-note', c.onScheme === false ? 'bad' : ''], 'data-testid': 'lyric-note' }, parts.join(' · ')) : null;
    };
    fill(this, 
      h('header', { class: 'row between' },
        h('div', h('div', { class: 'eyebrow' }, '✎ Lyrics'), h('h3', { class: 'lyrics-title' }, show(l.title ?? 'Untitled'))),
        l.scheme ? h('span', { class: 'badge', title: 'Rhyme scheme', 'data-testid': 'lyrics-scheme' }, Array.isArray(l.scheme) ? l.scheme.join('') : String(l.scheme)) : null),
      h('ol', { class: 'lyric-lines', 'data-testid': 'lyrics-lines' }, rows.map(({ line, letter }) => (line.trim()
        ? h('li', { class: 'lyric-line' },
          h('span', { class: 'rhyme', 'data-testid': 'rhyme-letter', style: letter ? { '--hue': ((letter.charCodeAt(0) - 65) * 67) % 360 } : null, 'aria-label': letter ? `rhyme ${letter}` : 'no rhyme letter' }, letter ?? '·'),
          h('span', { class: 'lyric-text' }, line),
          lineNote())
        : h('li', { class: 'stanza-break', 'aria-hidden': 'true' })))),
      checks.length
        ? h('details', { class: 'checks', open: true, 'data-testid': 'lyrics-checks' },
          h('summary', 'Checks'),
          h('dl', { class: 'checks-list' }, checks.map(([k, v]) => {
            const cv = checkValue(v);
            return h('div', { class: ['check', cv.cls] }, h('dt', humanize(k)), h('dd', cv.text));
          })))
        : null,
    );
  }
}

customElements.define('ts-lyrics-card', LyricsCard);
