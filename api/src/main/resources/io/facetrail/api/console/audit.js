// The audit log for admins (GET /api/v1/audit): who changed or searched the gallery, when, and
// with what outcome. Entries name persons by id only.

import { api, errorText } from './api.js';
import { fill, h, notice } from './dom.js';
import { dateTime } from './format.js';

const ACTIONS = ['person.create', 'person.rename', 'person.erase', 'person.photos.add',
  'photo.identify', 'photo.verify'];

export function mount(main) {
  const action = h('select', { id: 'audit-action' },
    h('option', { value: '' }, 'any'), ACTIONS.map((a) => h('option', { value: a }, a)));
  const target = h('input', { id: 'audit-target', autocomplete: 'off' });
  const limit = h('input', { id: 'audit-limit', type: 'number', min: 1, max: 1000, value: 100 });
  const result = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'panel filters', id: 'audit-filters' },
    field('audit-action', 'Action', action),
    field('audit-target', 'Target (person id)', target),
    field('audit-limit', 'At most', limit),
    h('button', { type: 'submit' }, 'Show entries'));
  fill(main, h('h1', {}, 'Audit log'), form, result);

  async function load() {
    try {
      const answer = await api('GET', '/api/v1/audit',
        { query: { action: action.value, target: target.value.trim(), limit: limit.value } });
      fill(result, answer.entries.length === 0 ? notice('No entry matches.') : entries(answer.entries));
    } catch (e) {
      fill(result, notice(errorText(e), 'error'));
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  load();
  return null;
}

function field(id, label, input) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}

function entries(list) {
  return h('table', { class: 'list', id: 'audit' },
    h('thead', {}, h('tr', {},
      ['When', 'Key', 'Action', 'Target', 'Outcome', 'Detail'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, list.map((e) => h('tr', { 'data-action': e.action },
      h('td', {}, h('time', { datetime: e.at }, dateTime(e.at))),
      h('td', {}, `${e.keyName} (${e.keyId})`),
      h('td', {}, e.action),
      h('td', { class: 'mono' }, e.target || '—'),
      h('td', {}, e.outcome),
      h('td', {}, e.detail || '')))));
}
