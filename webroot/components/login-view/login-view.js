// #/login: log in or register, with the contract's validation rules mirrored client-side.
import * as api from '../../api.js';
import * as session from '../../session.js';
import { h, useStyles, uid, fill } from '../../lib/dom.js';
import { toast } from '../../lib/ui.js';
import { PASSWORD_MIN, validatePassword, validateUsername } from '../../lib/validate.js';

useStyles(import.meta.url);

const MESSAGES = {
  invalid_credentials: 'Wrong username or password.',
  username_taken: 'That username is already taken.',
  user_disabled: 'This account is disabled.',
  account_disabled: 'This account has been disabled by an administrator, so you cannot log in. Ask them to enable it again.',
};

class LoginView extends HTMLElement {
  connectedCallback() {
    if (this.built) return;
    this.built = true;
    this.mode = 'login';
    this.className = 'login-view';
    this.render();
  }

  field(name, label, attrs, hint) {
    const id = uid(name);
    const input = h('input', { id, name, 'aria-describedby': `${id}-err ${id}-hint`, ...attrs });
    const err = h('div', { id: `${id}-err`, class: 'field-error', 'data-testid': `login-${name}-error` });
    input.addEventListener('input', () => {
      if (input.getAttribute('aria-invalid') === 'true') this.check(input, err);
    });
    input.addEventListener('blur', () => input.value && this.check(input, err));
    return { input, err, el: h('div', { class: 'field' }, h('label', { for: id }, label), input, h('div', { id: `${id}-hint`, class: 'field-hint' }, hint ?? ''), err) };
  }

  check(input, err) {
    const msg = input.name === 'username' ? validateUsername(input.value) : validatePassword(input.value);
    err.textContent = msg;
    input.setAttribute('aria-invalid', msg ? 'true' : 'false');
    return !msg;
  }

  render() {
    const isLogin = this.mode === 'login';
    this.user = this.field('username', 'Username', {
      type: 'text', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', required: true,
      minlength: 3, maxlength: 32, pattern: '[a-z0-9_.\\-]{3,32}', 'data-testid': 'login-username',
    }, isLogin ? '' : '3–32 characters: a–z, 0–9, _ . -');
    this.pass = this.field('password', 'Password', {
      type: 'password', autocomplete: isLogin ? 'current-password' : 'new-password', required: true, minlength: PASSWORD_MIN,
      'data-testid': 'login-password',
    }, isLogin ? '' : `At least ${PASSWORD_MIN} characters`);
    this.formError = h('div', { class: 'form-error', role: 'alert', 'data-testid': 'login-error' });
    this.submit = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'login-submit' }, isLogin ? 'Log in' : 'Create account');
    const form = h('form', { class: 'stack', novalidate: true, 'data-testid': 'login-form', onsubmit: (e) => this.onSubmit(e) },
      this.user.el, this.pass.el, this.formError, this.submit);
    const toggle = h('button', {
      type: 'button', class: 'link-btn', 'data-testid': 'login-toggle',
      onclick: () => { this.mode = isLogin ? 'register' : 'login'; this.render(); this.user.input.focus(); },
    }, isLogin ? 'New here? Create an account' : 'Have an account? Log in');
    fill(this, h('section', { class: 'card login-card', 'aria-labelledby': 'login-title' },
      h('div', { class: 'login-hero', 'aria-hidden': 'true' }, '♪'),
      h('h1', { id: 'login-title' }, isLogin ? 'Welcome to Tunesmith' : 'Join Tunesmith'),
      h('p', { class: 'muted' }, isLogin ? 'Log in to discover, chat about and create music.' : 'Create a listener account.'),
      form, toggle));
  }

  async onSubmit(e) {
    e.preventDefault();
    this.formError.textContent = '';
    const okUser = this.check(this.user.input, this.user.err);
    const okPass = this.check(this.pass.input, this.pass.err);
    if (!okUser || !okPass) {
      (okUser ? this.pass.input : this.user.input).focus();
      return;
    }
    const body = { username: this.user.input.value, password: this.pass.input.value };
    this.submit.disabled = true;
    try {
      if (this.mode === 'register') {
        await api.post('/api/auth/register', body, { auth: false });
        toast('Account created — welcome!', 'ok');
      }
      const res = await api.post('/api/auth/login', body, { auth: false, keep401: true });
      if (!res?.token) throw new Error('The server did not return a token.');
      session.save(res);
    } catch (err) {
      this.formError.textContent = MESSAGES[err.code] ?? err.message ?? 'Something went wrong.';
      this.formError.dataset.code = err.code ?? '';
      if (err.code === 'username_taken') {
        this.user.input.setAttribute('aria-invalid', 'true');
        this.user.input.focus();
      }
    } finally {
      this.submit.disabled = false;
    }
  }
}

customElements.define('ts-login-view', LoginView);
