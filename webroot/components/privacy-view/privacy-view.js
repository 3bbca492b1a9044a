// #/privacy: what Tunesmith stores about you and why, a download of all of it (GET /api/me/export),
// and deleting your account with everything in it (DELETE /api/me, confirmed with your password).
import * as api from '../../api.js';
import * as session from '../../session.js';
import { h, useStyles, fill, uid } from '../../lib/dom.js';
import { toast, showError, confirmDialog } from '../../lib/ui.js';
import { pageHead } from '../page-kit/page-kit.js';

useStyles(import.meta.url);

const COLLECTED = [
  ['Your account', 'your username, your roles, when you signed up, and your password as a salted PBKDF2 hash (never the password itself)', 'to let you log in and decide what you may do'],
  ['What you do with tracks', 'every play (with how many seconds you listened), skip, like, unlike, favourite, share and comment, with the time', 'to build your taste profile and recommendations; likes and favourites also fill your Liked songs'],
  ['Your taste profile', 'top tags, top artists and your mood centre, computed from the events above (not stored separately; recomputed when needed)', 'to explain and rank recommendations'],
  ['Chats with the assistant', 'your messages, the answers, and the playlists, lyrics and melodies they produced', 'to show your conversation history and let you continue a chat'],
  ['Playlists and creations', 'playlists made for you (tracks and the reasons) and lyrics or melodies you generated', 'so you can open, export and share them later'],
  ['Imported listening history', 'for accounts imported from Last.fm only: artist play counts, tags and friends', 'as training data for the recommender'],
  ['Audit log', 'administrator actions that concern your account (for example a role change)', 'so administrators are accountable for what they do'],
];

const NOT_COLLECTED = 'Tunesmith stores no e-mail address, no IP address or location and no tracking cookies, and sells or shares nothing. '
  + 'With a language model configured, chat messages go to that model on the server your administrator chose. '
  + 'Track previews stream from where the catalogue says the track is hosted (for the demo catalogue, archive.org): '
  + 'that site sees your browser\'s request when you press play.';

class PrivacyView extends HTMLElement {
  connectedCallback() {
    if (this.built) return;
    this.built = true;
    this.classList.add('privacy-view');
    const pwId = uid('delete-password');
    this.password = h('input', { id: pwId, type: 'password', autocomplete: 'current-password', required: true, 'data-testid': 'delete-password', 'aria-describedby': `${pwId}-err` });
    this.deleteError = h('div', { id: `${pwId}-err`, class: 'field-error', role: 'alert', 'data-testid': 'delete-error' });
    this.deleteBtn = h('button', { class: 'btn btn-danger', type: 'submit', 'data-testid': 'delete-account' }, 'Delete my account and all my data');
    this.exportBtn = h('button', { class: 'btn btn-primary', type: 'button', 'data-testid': 'export-data', onclick: () => this.export() }, 'Download all my data (JSON)');
    this.exportStatus = h('p', { class: 'muted small', role: 'status', 'aria-live': 'polite', 'data-testid': 'export-status' });
    fill(this,
      pageHead('Your data', 'What Tunesmith keeps about you, why, and how to take it with you or delete it.'),
      h('section', { class: 'card stack', 'aria-labelledby': 'collected-h' },
        h('h2', { id: 'collected-h' }, 'What is collected and why'),
        h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'What is collected (scrolls sideways)' }, h('table', { class: 'table', 'data-testid': 'privacy-table' },
          h('thead', h('tr', h('th', { scope: 'col' }, 'What'), h('th', { scope: 'col' }, 'Details'), h('th', { scope: 'col' }, 'Why'))),
          h('tbody', COLLECTED.map(([what, details, why]) => h('tr', h('th', { scope: 'row' }, what), h('td', details), h('td', why)))))),
        h('p', NOT_COLLECTED),
        h('p', { class: 'muted small' }, 'The music catalogue itself (tracks, artists, albums) is public data shared by everyone and is not about you.')),
      h('section', { class: 'card stack page-section', 'aria-labelledby': 'export-h' },
        h('h2', { id: 'export-h' }, 'Download your data'),
        h('p', 'One JSON file with your account, every event, playlist, conversation and message, creation, and the profile derived from them.'),
        h('div', { class: 'row' }, this.exportBtn), this.exportStatus),
      h('section', { class: 'card stack page-section danger-zone', 'aria-labelledby': 'delete-h' },
        h('h2', { id: 'delete-h' }, 'Delete your account'),
        h('p', 'This deletes your account and everything above at once, for good. It cannot be undone. The audit log keeps an entry that an account was deleted, without your name; if you were an administrator, the record of your administrative actions stays, for accountability.'),
        h('form', { class: 'stack', 'data-testid': 'delete-form', onsubmit: (e) => { e.preventDefault(); this.remove(); } },
          h('div', { class: 'field' }, h('label', { for: pwId }, 'Confirm with your password'), this.password, this.deleteError),
          h('div', { class: 'row' }, this.deleteBtn))));
  }

  async export() {
    this.exportBtn.disabled = true;
    this.exportStatus.textContent = 'Preparing your file…';
    try {
      const name = await api.download('/api/me/export', undefined, 'tunesmith-export.json');
      this.exportStatus.textContent = `Downloaded ${name}.`;
    } catch (e) {
      this.exportStatus.textContent = '';
      showError(e, 'Could not export your data: ');
    } finally {
      this.exportBtn.disabled = false;
    }
  }

  async remove() {
    this.deleteError.textContent = '';
    const password = this.password.value;
    if (!password) {
      this.deleteError.textContent = 'Enter your password to confirm.';
      this.password.setAttribute('aria-invalid', 'true');
      this.password.focus();
      return;
    }
    const ok = await confirmDialog('Delete your account and all your data now? This cannot be undone.', { confirmLabel: 'Delete everything', danger: true });
    if (!ok) return;
    this.deleteBtn.disabled = true;
    try {
      const res = await api.request('/api/me', { method: 'DELETE', body: { password } });
      const d = res?.deleted ?? {};
      this.password.value = '';
      session.clear('deleted');
      toast(`Deleted: ${d.events ?? 0} events, ${d.conversations ?? 0} conversations, ${d.playlists ?? 0} playlists, ${d.artifacts ?? 0} creations.`, 'ok', 12000);
    } catch (e) {
      this.deleteBtn.disabled = false;
      if (e.code === 'wrong_password') {
        this.deleteError.textContent = 'That is not your current password. Nothing was deleted.';
        this.password.setAttribute('aria-invalid', 'true');
        this.password.focus();
      } else if (e.code === 'last_admin') {
        this.deleteError.textContent = 'You are the only administrator. Make someone else an admin first.';
      } else {
        this.deleteError.textContent = `Could not delete the account: ${e.message}`;
      }
    }
  }
}

customElements.define('ts-privacy-view', PrivacyView);
