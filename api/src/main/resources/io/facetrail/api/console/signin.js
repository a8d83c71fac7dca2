// The sign-in form: an API key (ftk_...) is exchanged for a session cookie and a CSRF token. The
// key itself is sent once and kept nowhere.

import { api, errorText } from './api.js';
import { fill, h, notice } from './dom.js';

/** Shows the form in main; calls done(session) once signed in. */
export function showSignIn(main, done, message) {
  const key = h('input', {
    id: 'signin-key', name: 'key', type: 'password', required: true, autocomplete: 'off',
    spellcheck: 'false', placeholder: 'ftk_…', 'aria-describedby': 'signin-help',
  });
  const error = h('p', { class: 'form-error', role: 'alert' });
  const button = h('button', { type: 'submit' }, 'Sign in');
  const form = h('form', { class: 'signin', id: 'signin' },
    h('h1', {}, 'Sign in'),
    message ? notice(message) : null,
    h('label', { for: 'signin-key' }, 'API key'),
    key,
    h('p', { class: 'help', id: 'signin-help' },
      'Create one with ', h('code', {}, 'facetrail api-keys create --role admin NAME'), '.'),
    button,
    error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    button.disabled = true;
    try {
      const session = await api('POST', '/api/v1/session', { json: { key: key.value.trim() } });
      key.value = '';
      done(session);
    } catch (e) {
      error.textContent = errorText(e);
      key.focus();
    } finally {
      button.disabled = false;
    }
  });
  fill(main, form);
  key.focus();
}
