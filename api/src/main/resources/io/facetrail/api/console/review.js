// Event review: the recent identity events the server keeps (GET /api/v1/events), filtered by
// camera, person, type and time range, newest first.

import { api, ApiError, errorText } from './api.js';
import { fill, h, notice } from './dom.js';
import { dateTime, distanceAgainst, personName } from './format.js';
import { thumbnail } from './eventview.js';

const TYPES = ['identified', 'changed', 'ended', 'unknown'];

export function mount(main) {
  const camera = h('input', { id: 'filter-camera', list: 'filter-cameras', autocomplete: 'off' });
  const cameras = h('datalist', { id: 'filter-cameras' });
  const person = h('select', { id: 'filter-person' }, h('option', { value: '' }, 'anyone'));
  const type = h('select', { id: 'filter-type' },
    h('option', { value: '' }, 'any'), TYPES.map((t) => h('option', { value: t }, t)));
  const since = h('input', { id: 'filter-since', type: 'datetime-local', step: 1 });
  const until = h('input', { id: 'filter-until', type: 'datetime-local', step: 1 });
  const limit = h('input', { id: 'filter-limit', type: 'number', min: 1, max: 1000, value: 100 });
  const result = h('div', { id: 'review-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'panel filters', id: 'review-filters' },
    field('filter-camera', 'Camera', camera), cameras,
    field('filter-person', 'Person', person),
    field('filter-type', 'Type', type),
    field('filter-since', 'From', since),
    field('filter-until', 'Until', until),
    field('filter-limit', 'At most', limit),
    h('button', { type: 'submit' }, 'Show events'));
  fill(main, h('h1', {}, 'Events'), form, result);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    search();
  });

  async function search() {
    const query = {
      camera: camera.value.trim(),
      person: person.value,
      type: type.value,
      since: instant(since.value),
      until: instant(until.value),
      limit: limit.value,
    };
    fill(result, notice('Loading…'));
    try {
      const answer = await api('GET', '/api/v1/events', { query });
      fill(result, ...table(answer));
    } catch (e) {
      fill(result, e instanceof ApiError && e.unavailable
        ? notice('Identity events are not available on this server (no event feed).', 'unavailable')
        : notice(errorText(e), 'error'));
    }
  }

  fillChoices(person, cameras);
  search();
  return null;
}

function field(id, label, input) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}

/** A datetime-local value (the browser's time zone) as an ISO instant; '' when empty. */
function instant(value) {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

async function fillChoices(personSelect, cameraList) {
  // The choices only help: without them the filters still work (camera typed in, anyone).
  try {
    const persons = await api('GET', '/api/v1/persons', { query: { limit: 1000 } });
    for (const p of persons.persons) personSelect.append(h('option', { value: p.id }, p.name));
  } catch (e) {
    personSelect.title = `persons could not be listed: ${errorText(e)}`;
  }
  try {
    const answer = await api('GET', '/api/v1/cameras');
    for (const c of answer.cameras) cameraList.append(h('option', { value: c.id }));
  } catch (e) {
    cameraList.title = `cameras could not be listed: ${errorText(e)}`;
  }
}

function table(answer) {
  const covered = answer.coveredSince
    ? h('p', { class: 'help' }, 'The server keeps events since ',
      h('time', { datetime: answer.coveredSince }, dateTime(answer.coveredSince)), '.')
    : null;
  if (answer.events.length === 0) {
    // No window yet: the server has read nothing from the identity topic (not connected to the
    // broker yet, or events switched off), which is not the same as nothing matching.
    return [covered, notice(answer.coveredSince
      ? 'No event matches.'
      : 'No event matches: this server has not read any identity event yet (events off, or not connected to the broker).')];
  }
  return [
    covered,
    h('p', { class: 'count' }, `${answer.events.length} ${answer.events.length === 1 ? 'event' : 'events'}, newest first`),
    h('table', { class: 'list', id: 'events' },
      h('thead', {}, h('tr', {},
        ['Face', 'Time', 'Camera', 'Type', 'Person', 'Match', 'Track'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, answer.events.map((e) => h('tr', { 'data-event-id': e.eventId },
        h('td', {}, thumbnail(e, 48)),
        h('td', {}, h('time', { datetime: e.emittedAt }, dateTime(e.emittedAt))),
        h('td', {}, e.streamId),
        h('td', {}, e.type),
        h('td', {}, personName(e.person)),
        h('td', {}, distanceAgainst(e.distance, e.threshold)),
        h('td', { class: 'mono' }, e.trackId))))),
  ];
}
