// <ts-chat-panel>: connection status, message log and composer on top of the shared
// ChatConnection. Bubbles `turn-done` {conversationId, messageId} when a turn is stored.
import * as api from '../../api.js';
import { h, useStyles, clear, emit, fill } from '../../lib/dom.js';
import { chat } from '../chat-client/chat-connection.js';
import { payloadArtifacts } from '../../lib/payload.js';
import '../chat-message/chat-message.js';

useStyles(import.meta.url);

const MAX_TEXT = 4000;
const STATE_TEXT = {
  idle: 'Disconnected',
  connecting: 'Connecting…',
  authenticating: 'Signing in…',
  ready: 'Connected',
  reconnecting: 'Reconnecting…',
  closed: 'Closed',
};

class ChatPanel extends HTMLElement {
  connectedCallback() {
    if (!this.built) this.build();
    this.off = chat.on({
      state: () => this.renderStatus(),
      busy: () => this.renderBusy(),
      ready: () => this.renderStatus(),
      token: (e) => this.current?.appendToken(e.detail.text),
      tool: (e) => this.current?.tool(e.detail),
      playlist: (e) => { this.current?.addCard('playlist', e.detail.playlist); this.markNewestPlaylist(); },
      lyrics: (e) => this.current?.addCard('lyrics', e.detail.lyrics),
      melody: (e) => this.current?.addCard('melody', e.detail.melody),
      done: (e) => this.onDone(e.detail),
      conversation: (e) => { if (this.wantsNew) { this.conversationId = e.detail.conversationId ?? null; this.wantsNew = false; } },
      error: (e) => this.onError(e.detail),
      frame: (e) => {
        if (e.detail.conversationId && e.detail.type !== 'ready' && this.current) this.conversationId = e.detail.conversationId;
        this.scrollDown();
      },
    });
    chat.connect();
    this.renderStatus();
    this.renderBusy();
  }

  disconnectedCallback() {
    this.off?.();
    clearInterval(this.countdown);
    this.current = null;
  }

  build() {
    this.built = true;
    this.classList.add('chat-panel');
    this.conversationId = null;
    this.statusBadge = h('span', { class: 'badge', 'data-testid': 'chat-status' });
    this.modeBadge = h('span', { class: 'badge', 'data-testid': 'chat-mode', title: 'Agent mode' });
    this.retryBtn = h('button', { class: 'btn btn-small', hidden: true, onclick: () => chat.retryNow() }, 'Reconnect now');
    this.log = h('div', { class: 'chat-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions text', 'data-testid': 'chat-log', tabindex: '0' });
    this.stick = true;
    // a playlist card's refine buttons say their words as if typed (ignored while a turn runs)
    this.log.addEventListener('chat-say', (e) => { e.stopPropagation(); this.send(e.detail?.text); });
    this.log.addEventListener('scroll', () => {
      if (this.autoScrolling) {
        this.autoScrolling = false;
        return;
      }
      this.stick = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 80;
    });
    // Cards grow after they arrive (sheet music renders asynchronously): follow them.
    this.resizer = new ResizeObserver(() => this.scrollDown());
    this.input = h('textarea', {
      rows: 2, maxlength: MAX_TEXT, placeholder: this.getAttribute('placeholder') ?? 'Ask for a playlist, lyrics or a melody…',
      'aria-label': 'Message', 'data-testid': 'chat-input', class: 'grow',
    });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        this.form.requestSubmit();
      }
    });
    this.sendBtn = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'chat-send' }, 'Send');
    this.stopBtn = h('button', { type: 'button', class: 'btn btn-danger', 'data-testid': 'chat-stop', hidden: true, onclick: () => this.stop() }, '■ Stop');
    this.form = h('form', { class: 'composer', 'data-testid': 'chat-form', onsubmit: (e) => { e.preventDefault(); this.send(this.input.value); } },
      this.input, h('div', { class: 'composer-actions' }, this.stopBtn, this.sendBtn));
    this.emptyState = h('div', { class: 'empty chat-empty' });
    fill(this, 
      h('div', { class: 'chat-statusbar row' }, this.statusBadge, this.modeBadge, this.retryBtn),
      this.log, this.form);
    this.showEmpty();
  }

  set suggestions(list) {
    this._suggestions = list;
    this.showEmpty();
  }

  showEmpty() {
    if (!this.log || this.log.querySelector('ts-chat-message')) return;
    const list = this._suggestions ?? [];
    fill(this.emptyState, 
      h('p', this.getAttribute('empty-text') ?? 'Start a conversation with Tunesmith.'),
      list.length ? h('div', { class: 'row suggestions' }, list.map((s) => h('button', { type: 'button', class: 'chip', 'data-testid': 'chat-suggestion', onclick: () => this.send(s) }, s))) : null);
    clear(this.log).append(this.emptyState);
  }

  renderStatus() {
    const s = chat.state;
    this.statusBadge.textContent = STATE_TEXT[s] ?? s;
    this.statusBadge.className = `badge ${s === 'ready' ? 'badge-ok' : s === 'reconnecting' || s === 'closed' ? 'badge-danger' : 'badge-warn'}`;
    this.statusBadge.dataset.state = s;
    this.modeBadge.textContent = chat.mode ? `mode: ${chat.mode}` : 'mode: —';
    this.modeBadge.dataset.mode = chat.mode ?? '';
    this.modeBadge.title = chat.mode === 'offline' ? 'Offline mode: answers come from built-in tools, without a language model' : 'Agent mode';
    this.retryBtn.hidden = s !== 'reconnecting';
    clearInterval(this.countdown);
    if (s === 'reconnecting' && chat.retryAt) {
      const tick = () => {
        const sec = Math.max(0, Math.ceil((chat.retryAt - Date.now()) / 1000));
        this.statusBadge.textContent = `Reconnecting in ${sec}s…`;
      };
      tick();
      this.countdown = setInterval(tick, 500);
    }
  }

  renderBusy() {
    // Stop stays offered for a turn started before this panel was (re)mounted.
    this.stopBtn.hidden = !chat.busy;
    this.sendBtn.disabled = chat.busy;
    this.sendBtn.setAttribute('aria-disabled', String(chat.busy));
  }

  /** Starts a fresh conversation (the server creates it on the first message). */
  newConversation() {
    this.conversationId = null;
    this.wantsNew = true;
    chat.newConversation();
    this.current = null;
    clear(this.log);
    this.showEmpty();
    this.input.focus();
  }

  /** Shows a stored conversation (GET /api/conversations/{id}/messages) and continues it. */
  async loadConversation(id) {
    this.conversationId = id;
    this.wantsNew = false;
    this.current = null;
    clear(this.log).append(h('p', { class: 'muted' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ' Loading conversation…'));
    try {
      const res = await api.get(`/api/conversations/${encodeURIComponent(id)}/messages`);
      if (this.conversationId !== id) return;
      clear(this.log);
      const items = Array.isArray(res?.items) ? res.items : [];
      for (const m of items) {
        const msg = this.addMessage(m.role === 'user' ? 'user' : 'assistant');
        msg.setText(typeof m.content === 'string' ? m.content : '');
        for (const { kind, value } of payloadArtifacts(m.payload)) msg.addCard(kind, value);
        msg.setTime(m.createdAt);
      }
      if (!items.length) this.showEmpty();
      this.markNewestPlaylist();
      this.scrollDown(true);
    } catch (e) {
      clear(this.log).append(h('p', { class: 'form-error', role: 'alert' }, `Could not load this conversation: ${e.message}`));
    }
  }

  addMessage(role) {
    this.emptyState.remove();
    const el = document.createElement('ts-chat-message');
    el.setAttribute('role-name', role);
    this.log.append(el);
    this.resizer.observe(el);
    return el;
  }

  /** Refinements edit the conversation's newest playlist, so only its card offers the buttons. */
  markNewestPlaylist() {
    const cards = [...this.log.querySelectorAll('ts-playlist-card')];
    cards.forEach((c, i) => { c.refinable = i === cards.length - 1; });
  }

  send(raw) {
    const text = String(raw ?? '').trim();
    if (!text || chat.busy) return false;
    if (text.length > MAX_TEXT) {
      this.onError({ code: 'too_long', message: `Messages are limited to ${MAX_TEXT} characters.` });
      return false;
    }
    this.addMessage('user').setText(text);
    this.current = this.addMessage('assistant');
    this.lastAnswer = this.current;
    this.current.setPending(true);
    this.input.value = '';
    chat.sendMessage(text, this.conversationId);
    this.renderBusy();
    this.scrollDown(true);
    return true;
  }

  stop() {
    chat.cancel();
    this.stopped = true;
  }

  async onDone(frame) {
    const msg = this.current;
    if (!msg) return;
    msg.finish({ stopped: this.stopped && !msg.prose.textContent });
    this.stopped = false;
    this.current = null;
    this.renderBusy();
    if (frame.conversationId) this.conversationId = frame.conversationId;
    if (!this.conversationId) this.conversationId = await this.newestConversationId();
    emit(this, 'turn-done', { conversationId: this.conversationId, messageId: frame.messageId });
  }

  /** `done` does not name a new conversation: continue in the most recently updated one. */
  async newestConversationId() {
    try {
      const res = await api.get('/api/conversations');
      const items = (Array.isArray(res?.items) ? res.items : []).slice()
        .sort((a, b) => String(b.updatedAt ?? '').localeCompare(String(a.updatedAt ?? '')));
      return items[0]?.id ?? null;
    } catch {
      return null;
    }
  }

  onError(frame) {
    if (this.current) {
      this.current.fail(frame);
      this.current = null;
      this.stopped = false;
    } else {
      this.emptyState.remove();
      this.log.append(h('p', { class: 'inline-error', role: 'alert', 'data-testid': 'chat-error', 'data-code': frame.code ?? '' }, `⚠ ${frame.message ?? 'Error'}${frame.code ? ` (${frame.code})` : ''}`));
    }
    this.renderBusy();
    this.scrollDown();
  }

  /**
   * Follows new output unless the reader scrolled up, but never past the start of the answer being
   * written: a long answer (a 20-track playlist) is read from its beginning, not its end.
   */
  scrollDown(force = false) {
    if (force) this.stick = true;
    if (!this.stick) return;
    cancelAnimationFrame(this.scrollFrame);
    this.scrollFrame = requestAnimationFrame(() => {
      this.autoScrolling = true;
      const answer = this.current ?? this.lastAnswer;
      const bottom = this.log.scrollHeight - this.log.clientHeight;
      if (answer && answer.isConnected) {
        const start = answer.offsetTop - this.log.offsetTop - 12;
        this.log.scrollTop = Math.max(0, Math.min(bottom, start));
      } else {
        this.log.scrollTop = bottom;
      }
    });
  }
}

customElements.define('ts-chat-panel', ChatPanel);
