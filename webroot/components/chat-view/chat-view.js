// #/chat and #/chat/{conversationId}: history sidebar + chat panel.
import { h, useStyles, fill } from '../../lib/dom.js';
import '../chat-panel/chat-panel.js';
import '../conversation-list/conversation-list.js';

useStyles(import.meta.url);

const SUGGESTIONS = [
  'Make me a chill playlist for a rainy evening',
  'Write lyrics about the sea with an ABAB rhyme scheme',
  'Compose an 8-bar melody in D minor, 6/8, melancholic',
];

class ChatView extends HTMLElement {
  connectedCallback() {
    if (this.built) return;
    this.built = true;
    this.classList.add('chat-view');
    this.sidebar = document.createElement('ts-conversation-list');
    this.panel = document.createElement('ts-chat-panel');
    this.panel.suggestions = SUGGESTIONS;
    fill(this, 
      h('aside', { class: 'chat-sidebar card', 'aria-label': 'Conversations' }, this.sidebar),
      h('section', { class: 'chat-main', 'aria-labelledby': 'chat-title' }, h('h1', { id: 'chat-title', class: 'visually-hidden' }, 'Chat'), this.panel));
    this.addEventListener('conversation-select', (e) => this.open(e.detail.id));
    this.addEventListener('conversation-new', () => {
      history.replaceState(null, '', '#/chat');
      this.sidebar.selected = null;
      this.panel.newConversation();
    });
    this.addEventListener('turn-done', (e) => this.onTurnDone(e.detail));
    this.route(this.routeParams ?? {});
  }

  route({ params = [] } = {}) {
    const id = params[0] ? decodeURIComponent(params[0]) : null;
    if (id && id !== String(this.panel.conversationId ?? '')) this.open(id, false);
  }

  open(id, updateHash = true) {
    if (updateHash) history.replaceState(null, '', `#/chat/${encodeURIComponent(id)}`);
    this.sidebar.selected = id;
    this.panel.loadConversation(id);
  }

  onTurnDone({ conversationId }) {
    this.sidebar.refresh();
    if (conversationId !== null && conversationId !== undefined) {
      this.sidebar.selected = conversationId;
      history.replaceState(null, '', `#/chat/${encodeURIComponent(conversationId)}`);
    }
  }
}

customElements.define('ts-chat-view', ChatView);
