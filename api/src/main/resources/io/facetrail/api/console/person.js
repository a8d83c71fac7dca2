// One person's page: their photos (the gallery keeps face codes, not the pictures: each photo is
// listed by its file name), and for operators renaming, adding photos and erasing.

import { api, errorText } from './api.js';
import { confirmAction } from './confirm.js';
import { fill, h, notice } from './dom.js';
import { flash } from './flash.js';
import { dateTime } from './format.js';
import { outcomeList } from './outcomes.js';
import { photoPicker } from './picker.js';

const path = (id) => `/api/v1/persons/${encodeURIComponent(id)}`;

/** Shows the person with id in main. */
export async function showPerson(main, ctx, id) {
  const back = h('p', {}, h('a', { href: '#/gallery' }, '← All persons'));
  fill(main, back, notice('Loading…'));
  let person;
  try {
    person = await api('GET', path(id));
  } catch (e) {
    fill(main, back, notice(e.status === 404 ? 'There is no such person (erased?).' : errorText(e), 'error'));
    return;
  }
  const heading = h('h1', { id: 'person-name' }, person.name);
  const facts = h('p', { class: 'facts' });
  const photos = h('tbody');

  function show(p) {
    heading.textContent = p.name;
    if (main.isConnected) document.title = `${p.name} · FaceTrail`;
    fill(facts,
      `${p.photos} ${p.photos === 1 ? 'photo' : 'photos'} · enrolled `,
      h('time', { datetime: p.createdAt }, dateTime(p.createdAt)),
      ' · changed ',
      h('time', { datetime: p.updatedAt }, dateTime(p.updatedAt)));
    if (p.photoList) {
      fill(photos, ...p.photoList.map((ph) => h('tr', {},
        h('td', {}, ph.source),
        h('td', {}, ph.modelId),
        h('td', {}, h('time', { datetime: ph.addedAt }, dateTime(ph.addedAt))))));
      if (p.photoList.length === 0) {
        photos.append(h('tr', {}, h('td', { colspan: 3, class: 'help' }, 'No photo is enrolled: this person cannot be recognised yet.')));
      }
    }
  }

  async function reload() {
    show(await api('GET', path(id)));
  }

  const metadata = Object.entries(person.metadata || {});
  fill(main,
    back,
    heading,
    facts,
    h('p', {}, h('a', { href: `#/search?person=${encodeURIComponent(id)}`, id: 'person-appearances' },
      'Where did they appear?')),
    metadata.length
      ? h('dl', { class: 'metadata' }, metadata.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]))
      : null,
    h('section', { class: 'panel', 'aria-labelledby': 'photos-title' },
      h('h2', { id: 'photos-title' }, 'Enrolled photos'),
      h('table', { class: 'list', id: 'photo-list' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, 'Photo'),
          h('th', { scope: 'col' }, 'Model'),
          h('th', { scope: 'col' }, 'Added'))),
        photos)),
    ctx.can('operator') ? renameForm(id, person, show) : null,
    ctx.can('operator') ? addPhotosForm(id, reload) : null,
    // The erase dialog names the person as they are called now (after a rename).
    ctx.can('operator') ? eraseSection(id, () => person.name) : null);
  show(person);
}

function renameForm(id, person, show) {
  const input = h('input', { id: 'rename-name', required: true, autocomplete: 'off', value: person.name, maxlength: 200 });
  const result = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'panel inline', id: 'rename', 'aria-labelledby': 'rename-title' },
    h('h2', { id: 'rename-title' }, 'Rename'),
    h('label', { for: 'rename-name' }, 'New name'),
    input,
    h('button', { type: 'submit' }, 'Rename'),
    result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const p = await api('PATCH', path(id), { json: { name: input.value.trim() } });
      person.name = p.name;
      show(p);
      fill(result, notice(`Renamed to ${p.name}.`));
    } catch (e) {
      fill(result, notice(errorText(e), 'error'));
    }
  });
  return form;
}

function addPhotosForm(id, reload) {
  const picker = photoPicker('add-photos', 'More photos of this person');
  const button = h('button', { type: 'submit' }, 'Add photos');
  const result = h('div', { 'aria-live': 'polite', id: 'add-result' });
  const form = h('form', { class: 'panel', id: 'add', 'aria-labelledby': 'add-title' },
    h('h2', { id: 'add-title' }, 'Add photos'),
    picker.element,
    button,
    result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const files = picker.files();
    if (files.length === 0) {
      fill(result, notice('Choose at least one photo.', 'error'));
      return;
    }
    const body = new FormData();
    for (const f of files) body.append('photos', f, f.name);
    button.disabled = true;
    fill(result, notice('Adding…'));
    try {
      const answer = await api('POST', `${path(id)}/photos`, { form: body });
      fill(result, outcomeList(answer.outcomes));
      picker.clear();
      await reload();
    } catch (e) {
      fill(result, notice(errorText(e), 'error'));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

function eraseSection(id, currentName) {
  const result = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'danger', id: 'erase' }, 'Erase…');
  button.addEventListener('click', async () => {
    const name = currentName();
    const sure = await confirmAction({
      title: `Erase ${name}?`,
      message: `${name} and every face code enrolled for them are removed from the gallery; `
        + 'their tracks will no longer be named. This cannot be undone.',
      action: `Erase ${name}`,
    });
    if (!sure) return;
    try {
      await api('DELETE', path(id));
      flash(`${name} was erased.`);
      location.hash = '#/gallery';
    } catch (e) {
      fill(result, notice(errorText(e), 'error'));
    }
  });
  return h('section', { class: 'panel danger-zone', 'aria-labelledby': 'erase-title' },
    h('h2', { id: 'erase-title' }, 'Erase'),
    h('p', {}, 'Erasing removes the person from the gallery for good (the audit log keeps that it happened, not who).'),
    button,
    result);
}
