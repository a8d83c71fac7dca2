// The gallery section: the enrolled persons (searchable, a page at a time), enrolling a new person
// with photos (operators), and one person's page (#/gallery/ID).

import { api, errorText } from './api.js';
import { fill, h, notice } from './dom.js';
import { dateTime } from './format.js';
import { enrolForm } from './enrol.js';
import { takeFlash } from './flash.js';
import { showPerson } from './person.js';

const PAGE = 50;

export function mount(main, ctx, personId) {
  if (personId) {
    showPerson(main, ctx, personId);
    return null;
  }
  const search = h('input', { id: 'gallery-search', type: 'search', autocomplete: 'off' });
  const status = h('p', { class: 'count', 'aria-live': 'polite' });
  const rows = h('tbody');
  const more = h('button', { type: 'button', hidden: true }, 'Show more');
  const problem = h('div');
  let offset = 0;
  let timer = null;
  let generation = 0;

  async function load(append) {
    const mine = ++generation;
    fill(problem);
    try {
      const page = await api('GET', '/api/v1/persons',
        { query: { q: search.value.trim(), limit: PAGE, offset: append ? offset : 0 } });
      // A slower answer to an earlier search must not overwrite a newer one.
      if (mine !== generation) return;
      if (!append) fill(rows);
      for (const p of page.persons) rows.append(row(p));
      offset = page.offset + page.persons.length;
      more.hidden = offset >= page.total;
      status.textContent = page.total === 0
        ? (search.value.trim() ? 'Nobody matches.' : 'Nobody is enrolled yet.')
        : `${page.total} ${page.total === 1 ? 'person' : 'persons'}${offset < page.total ? `, ${offset} shown` : ''}`;
    } catch (e) {
      fill(problem, notice(errorText(e), 'error'));
    }
  }

  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => load(false), 250);
  });
  more.addEventListener('click', () => load(true));

  const told = takeFlash();
  fill(main,
    h('h1', {}, 'Gallery'),
    told ? notice(told) : null,
    h('div', { class: ctx.can('operator') ? 'columns' : null },
      h('section', { class: 'panel', 'aria-labelledby': 'persons-title' },
      h('h2', { id: 'persons-title' }, 'Enrolled persons'),
      h('div', { class: 'search' }, h('label', { for: 'gallery-search' }, 'Search by name'), search),
      status,
      problem,
      h('table', { class: 'list', id: 'persons' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, 'Name'),
          h('th', { scope: 'col' }, 'Photos'),
          h('th', { scope: 'col' }, 'Last changed'))),
        rows),
      more),
      ctx.can('operator') ? enrolForm(() => load(false)) : null));
  load(false);
  return () => clearTimeout(timer);
}

function row(p) {
  return h('tr', { 'data-person-id': p.id },
    h('td', {}, h('a', { href: `#/gallery/${encodeURIComponent(p.id)}`, class: 'person-link' }, p.name)),
    h('td', { class: 'num' }, p.photos),
    h('td', {}, h('time', { datetime: p.updatedAt }, dateTime(p.updatedAt))));
}
