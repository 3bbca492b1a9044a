// Page-wide helpers: toasts in an aria-live region and a promise-based confirm dialog.
import { h } from './dom.js';

function region() {
  let r = document.getElementById('toasts');
  if (!r) {
    r = h('div', { id: 'toasts', class: 'toasts', role: 'status', 'aria-live': 'polite' });
    document.body.append(r);
  }
  return r;
}

/** Shows a short message; kind is 'info' | 'error' | 'ok'. */
export function toast(message, kind = 'info', ms = 5000) {
  const el = h('div', { class: ['toast', `toast-${kind}`], 'data-testid': `toast-${kind}` }, message);
  const close = h('button', { class: 'icon-btn', 'aria-label': 'Dismiss', onclick: () => el.remove() }, '×');
  el.append(close);
  region().append(el);
  setTimeout(() => el.remove(), ms);
  return el;
}

/** Shows an ApiError (or any error) to the user. */
export function showError(err, prefix = '') {
  if (err?.name === 'AbortError') return;
  const code = err?.code && err.code !== err.message ? ` (${err.code})` : '';
  toast(`${prefix}${err?.message ?? String(err)}${code}`, 'error', 8000);
}

/** Resolves true when the user confirms. */
export function confirmDialog(message, { confirmLabel = 'Confirm', danger = false } = {}) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'dialog', 'data-testid': 'confirm-dialog' });
    const ok = h('button', { class: danger ? 'btn btn-danger' : 'btn btn-primary', value: 'ok', 'data-testid': 'confirm-ok' }, confirmLabel);
    const cancel = h('button', { class: 'btn', value: 'cancel', 'data-testid': 'confirm-cancel' }, 'Cancel');
    const form = h('form', { method: 'dialog' }, h('p', message), h('div', { class: 'row end' }, cancel, ok));
    dialog.append(form);
    document.body.append(dialog);
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'ok');
      dialog.remove();
    });
    if (typeof dialog.showModal === 'function') {
      dialog.showModal();
      cancel.focus();
    } else {
      dialog.remove();
      resolve(window.confirm(message));
    }
  });
}
