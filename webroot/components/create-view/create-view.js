// #/create: lyric and melody forms that call the structured creation routes
// (POST /api/create/lyrics | melody | harmony: the server checks the creator role and the fields),
// a chat panel to refine the results by replying, and "My creations". Listeners get a pointer instead.
import * as session from '../../session.js';
import * as api from '../../api.js';
import { h, useStyles, uid, fill } from '../../lib/dom.js';
import '../chat-panel/chat-panel.js';
import '../creations-list/creations-list.js';

useStyles(import.meta.url);

const SCHEMES = ['AABB', 'ABAB', 'ABCB', 'ABBA', 'AAAA'];
const KEYS = ['C', 'G', 'D', 'A', 'E', 'F', 'Bb', 'Eb', 'Am', 'Em', 'Dm', 'Bm', 'Gm', 'Cm'];
const METERS = ['4/4', '3/4', '6/8', '2/4', '5/4'];
const MOODS = ['happy', 'melancholic', 'calm', 'energetic', 'dreamy', 'tense'];

function field(label, control, hint) {
  const id = control.id || uid('f');
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('div', { class: 'field-hint' }, hint) : null);
}

const select = (name, options, value, testid) => h('select', { name, 'data-testid': testid }, options.map((o) => h('option', { value: o, selected: o === value }, o)));
const number = (name, value, min, max, testid) => h('input', { type: 'number', name, value, min, max, step: 1, required: true, 'data-testid': testid });

/** The JSON body of POST /api/create/lyrics from the form's fields (numbers as numbers). */
export function lyricsBody({ theme, scheme, lines, syllables }) {
  return { theme: String(theme ?? '').trim(), scheme, lines: Number(lines), syllables: Number(syllables) };
}

/** The JSON body of POST /api/create/melody. */
export function melodyBody({ key, meter, bars, mood }) {
  return { key, meter, bars: Number(bars), mood };
}

class CreateView extends HTMLElement {
  connectedCallback() {
    if (this.built) return;
    this.built = true;
    this.classList.add('create-view');
    const isCreator = session.hasRole('creator') || session.hasRole('admin');
    if (!isCreator) {
      fill(this, h('section', { class: 'card stack', 'data-testid': 'create-locked' },
        h('h1', 'Create'),
        h('p', 'Writing lyrics and melodies is for accounts with the creator role. Ask an administrator to grant it.'),
        h('p', 'Meanwhile you can ask in the chat, for example:'),
        h('ul', ['“Write lyrics about city lights, rhyme scheme AABB, 8 lines”', '“Compose a 16-bar melody in G, 3/4, calm”'].map((t) => h('li', t))),
        h('p', h('a', { class: 'btn btn-primary', href: '#/chat' }, 'Open the chat'))));
      return;
    }
    this.panel = document.createElement('ts-chat-panel');
    this.panel.setAttribute('empty-text', 'Results appear here. You can refine them by replying.');
    this.panel.setAttribute('placeholder', 'Refine: “transpose to A minor”, “make it shorter”, “a variation of bars 5-8”, “rhymes for night”…');
    this.creations = document.createElement('ts-creations-list');
    this.addEventListener('turn-done', () => this.creations.refresh());

    const lyricsForm = h('form', { class: 'card stack create-form', 'data-testid': 'lyrics-form', onsubmit: (e) => this.submit(e, 'lyrics') },
      h('h2', '✎ Lyrics'),
      field('Theme', h('input', { name: 'theme', required: true, maxlength: 200, placeholder: 'e.g. leaving a small town', 'data-testid': 'lyrics-theme' })),
      h('div', { class: 'grid-3' },
        field('Rhyme scheme', select('scheme', SCHEMES, 'AABB', 'lyrics-scheme')),
        field('Lines', number('lines', 8, 2, 64, 'lyrics-lines')),
        field('Syllables / line', number('syllables', 8, 3, 20, 'lyrics-syllables'))),
      h('button', { class: 'btn btn-primary', type: 'submit', 'data-testid': 'lyrics-submit' }, 'Write lyrics'));
    const melodyForm = h('form', { class: 'card stack create-form', 'data-testid': 'melody-form', onsubmit: (e) => this.submit(e, 'melody') },
      h('h2', '♩ Melody'),
      h('div', { class: 'grid-2' },
        field('Key', select('key', KEYS, 'C', 'melody-key')),
        field('Meter', select('meter', METERS, '4/4', 'melody-meter')),
        field('Bars', number('bars', 8, 1, 64, 'melody-bars')),
        field('Mood', select('mood', MOODS, 'calm', 'melody-mood'))),
      h('button', { class: 'btn btn-primary', type: 'submit', 'data-testid': 'melody-submit' }, 'Compose melody'));

    this.ownText = h('textarea', { name: 'text', rows: 5, maxlength: 4000, placeholder: 'Paste your lines here, one per line', 'data-testid': 'own-text' });
    const rhymeWord = h('input', { name: 'word', maxlength: 40, placeholder: 'e.g. night', 'data-testid': 'rhyme-word' });
    const lineNo = h('input', { type: 'number', name: 'line', min: 1, max: 64, value: 1, 'data-testid': 'rewrite-line' });
    const rhymeWith = h('input', { name: 'rhymeWith', maxlength: 40, placeholder: 'night', 'data-testid': 'rewrite-rhyme' });
    const tool = (label, testid, run) => h('button', { type: 'button', class: 'btn', 'data-testid': testid, onclick: (e) => this.tool(e.currentTarget, run) }, label);
    const ownForm = h('form', { class: 'card stack create-form', 'data-testid': 'own-form', onsubmit: (e) => e.preventDefault() },
      h('h2', '✍ Your own words'),
      field('Lyrics', this.ownText, 'Check syllables and rhymes, continue the verse or rewrite a line.'),
      h('div', { class: 'row' },
        tool('Check my lyrics', 'own-check', () => this.checkOwn()),
        tool('Continue my verse', 'own-continue', () => this.continueOwn())),
      h('div', { class: 'grid-2' },
        field('Rewrite line', lineNo),
        field('to rhyme with', rhymeWith)),
      tool('Rewrite the line', 'own-rewrite', () => this.rewriteOwn(Number(lineNo.value), rhymeWith.value.trim())),
      h('div', { class: 'grid-2' },
        field('Rhymes for', rhymeWord),
        h('div', { class: 'field' }, h('label', '\u00a0'), tool('Find rhymes', 'own-rhymes', () => this.rhymes(rhymeWord.value.trim())))));

    fill(this, 
      h('h1', 'Create'),
      h('div', { class: 'create-layout' },
        h('div', { class: 'stack' }, lyricsForm, melodyForm, ownForm),
        h('section', { class: 'create-results', 'aria-label': 'Results' }, this.panel)),
      h('section', { class: 'card' }, this.creations));
  }

  /** Runs a songwriter tool: the question as a user bubble, the server's answer below it. */
  async tool(button, run) {
    button.disabled = true;
    try {
      await run();
    } finally {
      button.disabled = false;
      this.panel.scrollDown(true);
    }
  }

  async ask(question, path, body, render) {
    this.panel.addMessage('user').setText(question);
    const msg = this.panel.addMessage('assistant');
    msg.setPending(true);
    try {
      const conversationId = this.panel.conversationId;
      const result = await api.post(path, conversationId && !path.endsWith('check') && !path.endsWith('rhymes') ? { ...body, conversationId } : body);
      render(msg, result);
      msg.finish();
    } catch (err) {
      msg.fail({ code: err.code, message: err.message });
    }
  }

  checkOwn() {
    const text = this.ownText.value.trim();
    if (!text) return this.ownText.reportValidity();
    return this.ask('Check my lyrics', '/api/create/check', { text }, (msg, r) => {
      const lines = (r.lines ?? []).map((l) => `${l.number}. ${l.text} — ${l.syllables} syllables, rhyme ${l.rhymeClass}`);
      const tips = (r.suggestions ?? []).map((t) => `• ${t}`);
      msg.setText([`Rhyme scheme found: ${r.schemeFound ?? 'none'}; typically ${r.typicalSyllables} syllables a line.`, ...lines,
        tips.length ? 'Suggestions:' : 'Every rhyme is perfect and the lines are even.', ...tips].join('\n'));
    });
  }

  continueOwn() {
    const text = this.ownText.value.trim();
    return this.ask('Continue my verse', '/api/create/continue', text ? { text, lines: 4 } : { lines: 4 }, (msg, r) => {
      msg.setText(`Four more lines in your pattern: ${(r.added ?? []).join(' / ')}`);
      msg.addCard('lyrics', r);
      this.creations.refresh();
    });
  }

  rewriteOwn(line, rhymeWith) {
    const text = this.ownText.value.trim();
    if (!rhymeWith) return false;
    return this.ask(`Rewrite line ${line} to rhyme with “${rhymeWith}”`, '/api/create/rewrite', text ? { text, line, rhymeWith } : { line, rhymeWith }, (msg, r) => {
      msg.setText(`Line ${line} now rhymes with “${rhymeWith}”.`);
      msg.addCard('lyrics', r);
      this.creations.refresh();
    });
  }

  rhymes(word) {
    if (!word) return false;
    return this.ask(`Rhymes for “${word}”`, '/api/create/rhymes', { word }, (msg, r) => {
      const list = (xs) => (xs ?? []).map((w) => `${w.word} (${w.syllables})`).join(', ') || 'none in my word list';
      msg.setText(`Perfect rhymes: ${list(r.perfect)}\nNear rhymes: ${list(r.near)}`);
    });
  }

  async submit(e, kind) {
    e.preventDefault();
    const form = e.currentTarget;
    if (!form.reportValidity()) return;
    const data = Object.fromEntries(new FormData(form).entries());
    const body = kind === 'lyrics' ? lyricsBody(data) : melodyBody(data);
    // results join the panel's conversation once it has one, so replies there refine them
    const conversationId = this.panel.conversationId;
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    this.panel.addMessage('user').setText(kind === 'lyrics'
      ? `Lyrics about “${body.theme}”: ${body.scheme}, ${body.lines} lines, ${body.syllables} syllables per line`
      : `Melody: ${body.bars} bars in ${body.key}, ${body.meter}, ${body.mood}`);
    const msg = this.panel.addMessage('assistant');
    msg.setPending(true);
    try {
      const result = await api.post(`/api/create/${kind}`, conversationId ? { ...body, conversationId } : body);
      msg.setText(kind === 'lyrics' ? `Here are your lyrics, “${result.title}”. Reply to refine them.`
        : `Here is your melody: ${result.bars} bars in ${result.key}, ${result.meter}. Reply to transpose, change it or add chords.`);
      msg.addCard(kind, result);
      msg.finish();
      this.creations.refresh();
    } catch (err) {
      msg.fail({ code: err.code, message: err.message });
    } finally {
      button.disabled = false;
      this.panel.scrollDown(true);
    }
  }
}

customElements.define('ts-create-view', CreateView);
