// Enrolling a new person: a name and photos, sent as one multipart request; every photo's
// outcome is shown, and the person's page is linked once somebody was created.

import { api, ApiError, errorText } from './api.js';
import { fill, h, notice } from './dom.js';
import { outcomeList } from './outcomes.js';
import { photoPicker } from './picker.js';

/** The enrol form; enrolled() is called after a person was created. */
export function enrolForm(enrolled) {
  const name = h('input', { id: 'enrol-name', name: 'name', required: true, autocomplete: 'off', maxlength: 200 });
  const picker = photoPicker('enrol-photos', 'Photos of the person (one face each)');
  const button = h('button', { type: 'submit' }, 'Enrol');
  const result = h('div', { class: 'result', id: 'enrol-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'panel', id: 'enrol', 'aria-labelledby': 'enrol-title' },
    h('h2', { id: 'enrol-title' }, 'Enrol a person'),
    h('label', { for: 'enrol-name' }, 'Name'),
    name,
    picker.element,
    button,
    result);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const files = picker.files();
    if (files.length === 0) {
      fill(result, notice('Choose at least one photo of the person.', 'error'));
      return;
    }
    const body = new FormData();
    body.append('name', name.value.trim());
    for (const f of files) body.append('photos', f, f.name);
    button.disabled = true;
    fill(result, notice(`Enrolling ${files.length} ${files.length === 1 ? 'photo' : 'photos'}…`));
    try {
      const answer = await api('POST', '/api/v1/persons', { form: body });
      const p = answer.person;
      fill(result,
        notice(`Enrolled ${p.name} with ${p.photos} ${p.photos === 1 ? 'photo' : 'photos'}.`),
        outcomeList(answer.outcomes),
        h('p', {}, h('a', { href: `#/gallery/${encodeURIComponent(p.id)}` }, `Open ${p.name}`)));
      name.value = '';
      picker.clear();
      enrolled();
    } catch (e) {
      // 422: no photo was accepted; the body still says why for each one.
      const outcomes = e instanceof ApiError && e.body && e.body.outcomes;
      fill(result,
        notice(outcomes ? 'Nobody was enrolled: no photo was accepted.' : errorText(e), 'error'),
        outcomes ? outcomeList(outcomes) : null);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
