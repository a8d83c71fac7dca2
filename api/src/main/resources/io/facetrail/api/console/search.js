// "Where did this face appear?": searches the track archive by a photo (POST /api/v1/search) or by
// an enrolled person (GET /api/v1/search?person=ID), nearest appearances first. A person's search
// has an address of its own (#/search?person=ID&k=20), so a person's page can link to it and the
// browser's reload repeats it; a photo's search cannot (the photo is not in the address).

import { api, ApiError, errorText } from './api.js';
import { appearanceList } from './appearances.js';
import { fill, h, notice } from './dom.js';

const SIZES = [10, 20, 50, 100];
const DEFAULT_SIZE = 20;
const UNAVAILABLE = 'Search is not available on this server (it has no search endpoint).';

export function mount(main, ctx, arg, params) {
  const wanted = params ? params.get('person') : null;
  const wantedK = params ? Number(params.get('k')) : NaN;

  const byPhoto = radio('search-by-photo', 'photo', 'a photo');
  const byPerson = radio('search-by-person', 'person', 'an enrolled person');
  const photo = photoChooser(() => choose('photo'));
  const person = h('select', { id: 'search-person' }, h('option', { value: '' }, 'Choose a person…'));
  const personField = h('div', { class: 'field', id: 'search-person-field' },
    h('label', { for: 'search-person' }, 'Person'), person);
  const k = h('select', { id: 'search-k' },
    SIZES.map((n) => h('option', { value: n, selected: n === (SIZES.includes(wantedK) ? wantedK : DEFAULT_SIZE) }, n)));
  const button = h('button', { type: 'submit', id: 'search-submit' }, 'Search');
  const result = h('div', { id: 'search-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'panel search-form', id: 'search-form', 'aria-labelledby': 'search-title' },
    h('fieldset', { class: 'search-by' },
      h('legend', {}, 'Search by'),
      byPhoto.element, byPerson.element),
    photo.element,
    personField,
    h('div', { class: 'field' }, h('label', { for: 'search-k' }, 'Appearances at most'), k),
    button);
  fill(main,
    h('h1', { id: 'search-title' }, 'Where did this face appear?'),
    h('p', { class: 'help' },
      'Every archived track of the cameras and indexed videos, nearest to the face first, '
      + 'with the decision the track carries now.'),
    form,
    result);

  let generation = 0;
  let running = null;

  function choose(mode) {
    byPhoto.input.checked = mode === 'photo';
    byPerson.input.checked = mode === 'person';
    photo.element.hidden = mode !== 'photo';
    personField.hidden = mode !== 'person';
  }

  byPhoto.input.addEventListener('change', () => choose('photo'));
  byPerson.input.addEventListener('change', () => choose('person'));
  person.addEventListener('change', () => {
    if (person.value) choose('person');
  });

  async function run() {
    const mode = byPerson.input.checked ? 'person' : 'photo';
    let request;
    if (mode === 'person') {
      if (!person.value) {
        fill(result, notice('Choose the person to search for.', 'error'));
        person.focus();
        return;
      }
      // Kept in the address so that reloading repeats the search; replaceState: no new section visit.
      history.replaceState(null, '', `#/search?person=${encodeURIComponent(person.value)}&k=${k.value}`);
      request = () => api('GET', '/api/v1/search', { query: { person: person.value, k: k.value }, signal: running.signal });
    } else {
      const file = photo.file();
      if (!file) {
        fill(result, notice('Choose a photo of the face to search for.', 'error'));
        photo.focus();
        return;
      }
      history.replaceState(null, '', '#/search');
      const body = new FormData();
      body.append('photo', file, file.name);
      request = () => api('POST', '/api/v1/search', { query: { k: k.value }, form: body, signal: running.signal });
    }
    if (running) running.abort();
    running = new AbortController();
    const mine = ++generation;
    button.disabled = true;
    fill(result, notice('Searching…'));
    try {
      const answer = await request();
      if (mine === generation) fill(result, appearanceList(answer));
    } catch (e) {
      if (mine === generation) fill(result, failure(e));
    } finally {
      if (mine === generation) button.disabled = false;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });

  choose(wanted ? 'person' : 'photo');
  fillPersons(person, wanted).then(() => {
    if (wanted && main.isConnected) run();
  });
  return () => {
    generation++;
    if (running) running.abort();
    photo.clear();
  };
}

function radio(id, value, label) {
  const input = h('input', { type: 'radio', id, name: 'search-by', value });
  return { input, element: h('label', { class: 'choice', for: id }, input, ` ${label}`) };
}

/** The search problems a user can act on say what to do; everything else shows the problem's detail. */
function failure(e) {
  if (e instanceof ApiError && e.unavailable) return notice(UNAVAILABLE, 'unavailable');
  if (e instanceof ApiError && e.status === 503) return notice(errorText(e), 'unavailable');
  return notice(errorText(e), 'error');
}

/**
 * Fills the person choice from the gallery; a wanted person the list lacks (erased, or past the
 * first 1000) is still offered under their id, so that the server says what became of them.
 */
async function fillPersons(select, wanted) {
  try {
    const page = await api('GET', '/api/v1/persons', { query: { limit: 1000 } });
    for (const p of page.persons) select.append(h('option', { value: p.id }, p.name));
    if (page.total > page.persons.length) {
      select.title = `the first ${page.persons.length} of ${page.total} persons are listed`;
    }
  } catch (e) {
    select.title = `persons could not be listed: ${errorText(e)}`;
  }
  if (wanted) {
    if (![...select.options].some((o) => o.value === wanted)) {
      select.append(h('option', { value: wanted }, `person ${wanted}`));
    }
    select.value = wanted;
  }
}

/**
 * One photo, from the file input (keyboard) or dropped on the zone, shown as a preview (a blob:
 * URL of the chosen file: nothing leaves the browser before Search).
 */
function photoChooser(onChosen) {
  let chosen = null;
  let previewUrl = null;
  const input = h('input', { id: 'search-photo', type: 'file', accept: 'image/*' });
  const preview = h('img', { class: 'thumb', id: 'search-photo-preview', alt: 'The chosen photo', hidden: true });
  const name = h('p', { class: 'help', 'aria-live': 'polite' }, 'or drop a photo here');
  const zone = h('div', { class: 'dropzone search-photo', id: 'search-photo-field' },
    h('label', { for: 'search-photo' }, 'Photo of the face'),
    h('div', { class: 'search-photo-row' }, preview, h('div', {}, input, name)));

  function take(file) {
    if (!file) return;
    chosen = file;
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = URL.createObjectURL(file);
    preview.src = previewUrl;
    preview.hidden = false;
    name.textContent = `${file.name} (${Math.max(1, Math.round(file.size / 1024))} KB)`;
    onChosen();
  }

  input.addEventListener('change', () => take(input.files[0]));
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    if (event.dataTransfer) take(event.dataTransfer.files[0]);
  });

  return {
    element: zone,
    file: () => chosen,
    focus: () => input.focus(),
    clear: () => {
      if (previewUrl) URL.revokeObjectURL(previewUrl);
      previewUrl = null;
    },
  };
}
