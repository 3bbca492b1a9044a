// <ts-chat-message role="user|assistant">: one turn. Assistant turns grow as frames arrive:
// token text is appended as text nodes, tool frames become progress chips, and playlist /
// lyrics / melody frames become cards.
import * as session from '../../session.js';
import { payloadArtifacts } from '../../lib/payload.js';
import { h, useStyles, formatDate, fill } from '../../lib/dom.js';
import '../playlist-card/playlist-card.js';
import '../lyrics-card/lyrics-card.js';
import '../melody-card/melody-card.js';

useStyles(import.meta.url);

const CARD = { playlist: 'ts-playlist-card', lyrics: 'ts-lyrics-card', melody: 'ts-melody-card' };

class ChatMessage extends HTMLElement {
  connectedCallback() {
    if (this.built) return;
    this.built = true;
    const role = this.getAttribute('role-name') ?? 'assistant';
    this.classList.add('chat-message', `from-${role}`);
    this.setAttribute('data-testid', `chat-message-${role}`);
    this.tools = h('div', { class: 'tool-chips', 'aria-label': 'Tool progress' });
    this.prose = h('div', { class: 'prose', 'data-testid': 'message-text' });
    this.cards = h('div', { class: 'cards' });
    this.footer = h('div', { class: 'msg-footer small muted' });
    this.bubble = h('div', { class: 'bubble' }, this.tools, this.prose, this.cards, this.footer);
    this.append(h('div', { class: 'avatar', 'aria-hidden': 'true' }, role === 'user' ? (session.user()?.username?.[0] ?? 'U').toUpperCase() : '♪'),
      h('div', { class: 'body' }, h('div', { class: 'who small muted' }, role === 'user' ? 'You' : 'Tunesmith'), this.bubble));
    this.toolChips = new Map();
  }

  setText(text) {
    this.prose.textContent = text ?? '';
  }

  appendToken(text) {
    if (typeof text !== 'string' || !text) return;
    this.classList.remove('pending');
    // Appending text nodes keeps already-rendered text (and any selection) intact.
    this.prose.append(document.createTextNode(text));
  }

  setPending(on) {
    this.classList.toggle('pending', on);
    if (on && !this.dots) {
      this.dots = h('span', { class: 'typing', 'aria-label': 'Tunesmith is answering' }, h('span'), h('span'), h('span'));
      this.footer.before(this.dots);
    }
    if (!on && this.dots) {
      this.dots.remove();
      this.dots = null;
    }
  }

  tool({ name, status, summary }) {
    const key = name ?? 'tool';
    let chip = this.toolChips.get(key);
    if (!chip || (status === 'start' && chip.dataset.status === 'end')) {
      chip = h('span', { class: 'chip tool-chip', 'data-testid': 'tool-chip', 'data-tool': key });
      this.toolChips.set(key, chip);
      this.tools.append(chip);
    }
    chip.dataset.status = status ?? 'start';
    if (status === 'end') {
      fill(chip, h('span', { 'aria-hidden': 'true' }, '✓ '), key, summary ? h('span', { class: 'tool-summary' }, ` — ${summary}`) : null);
      chip.title = summary ?? `${key} finished`;
    } else {
      fill(chip, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ` ${key}…`);
      chip.title = `${key} running`;
    }
  }

  addCard(kind, value) {
    const tag = CARD[kind];
    if (!tag || !value) return;
    this.classList.remove('pending');
    const el = document.createElement(tag);
    el[kind] = value;
    this.cards.append(el);
  }

  finish({ stopped = false } = {}) {
    this.setPending(false);
    for (const chip of this.toolChips.values()) {
      if (chip.dataset.status !== 'end') {
        chip.dataset.status = 'end';
        chip.querySelector('.spinner')?.remove();
      }
    }
    if (stopped) this.footer.textContent = 'Stopped.';
  }

  fail({ code, message }) {
    this.finish();
    fill(this.footer, h('span', { class: 'inline-error', role: 'alert', 'data-testid': 'chat-error', 'data-code': code ?? '' }, `⚠ ${message ?? 'Something went wrong.'}${code ? ` (${code})` : ''}`));
  }

  setTime(at) {
    if (at) this.footer.textContent = formatDate(at);
  }
}

customElements.define('ts-chat-message', ChatMessage);
