// Unknown faces: the clusters the archive's unknown tracks form (GET /api/v1/clusters), largest
// first, each with the face of its best track; one cluster's tracks (#/clusters/ID) with their
// faces; and for operators "Name this person" (POST /api/v1/clusters/ID/name), which enrols the
// person from the cluster's best tracks and names their past appearances.

import { api, ApiError, errorText } from './api.js';
import { apiImageUrl, fill, h, notice } from './dom.js';
import { clockTime, dateTime, mediaTime } from './format.js';

const path = (id) => `/api/v1/clusters/${encodeURIComponent(id)}`;
const LIMIT = 200;

export function mount(main, ctx, clusterId, params) {
  if (clusterId) showCluster(main, ctx, clusterId);
  else showList(main, params);
  return null;
}

async function showList(main, params) {
  const minTracks = Number.parseInt(params.get('minTracks') || '1', 10) || 1;
  const heading = h('h1', {}, 'Unknown faces');
  const help = h('p', { class: 'help' },
    'Tracks that named nobody, grouped across cameras and videos: each group is probably one person. '
      + 'Open one to see its tracks and, as an operator, to name them.');
  fill(main, heading, help, filterForm(minTracks), notice('Loading…'));
  let answer;
  try {
    answer = await api('GET', '/api/v1/clusters', { query: { minTracks, limit: LIMIT } });
  } catch (e) {
    fill(main, heading, help, failure(e));
    return;
  }
  const list = answer.clusters || [];
  const summary = h('p', { class: 'count', id: 'clusters-summary' },
    `${answer.clusterCount} ${answer.clusterCount === 1 ? 'cluster' : 'clusters'} of `
      + `${answer.clusteredTracks} unknown ${answer.clusteredTracks === 1 ? 'track' : 'tracks'}`,
    minTracks > 1 ? ` · ${answer.matching} of at least ${minTracks} tracks` : '',
    answer.matching > list.length ? ` · the largest ${list.length} shown` : '');
  if (list.length === 0) {
    fill(main, heading, help, filterForm(minTracks), summary,
      notice('No cluster to show: unknown tracks are clustered as they are archived.'));
    return;
  }
  fill(main, heading, help, filterForm(minTracks), summary,
    h('ol', { class: 'clusters', id: 'clusters' }, list.map(clusterCard)));
}

function filterForm(minTracks) {
  const input = h('input', {
    id: 'clusters-min', type: 'number', min: 1, max: 1000, value: minTracks, inputmode: 'numeric',
  });
  const form = h('form', { class: 'filters', id: 'clusters-filter' },
    h('div', { class: 'field' }, h('label', { for: 'clusters-min' }, 'At least this many tracks'), input),
    h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const n = Math.max(1, Number.parseInt(input.value, 10) || 1);
    location.hash = n > 1 ? `#/clusters?minTracks=${n}` : '#/clusters';
  });
  return form;
}

function clusterCard(c) {
  const streams = c.streams || [];
  return h('li', { class: 'cluster', 'data-cluster-id': c.id },
    h('a', { class: 'cluster-link', href: `#/clusters/${encodeURIComponent(c.id)}` },
      face(c.thumbnailUrl, `Face of unknown person ${c.id}`, 'thumb-large'),
      h('span', { class: 'cluster-tracks' }, `${c.tracks} ${c.tracks === 1 ? 'track' : 'tracks'}`)),
    h('p', { class: 'cluster-streams' },
      streams.slice(0, 3).join(', ') + (streams.length > 3 ? ` and ${streams.length - 3} more` : '')),
    h('p', { class: 'cluster-when' }, 'last seen ',
      h('time', { datetime: c.lastArchived }, dateTime(c.lastArchived))),
    h('p', { class: ['cluster-id', 'mono'] }, c.id));
}

async function showCluster(main, ctx, id) {
  const back = h('p', {}, h('a', { href: '#/clusters' }, '← All unknown faces'));
  fill(main, back, notice('Loading…'));
  let c;
  try {
    c = await api('GET', path(id));
  } catch (e) {
    fill(main, back, failure(e, 'There is no such cluster (named, or expired from the archive?).'));
    return;
  }
  if (main.isConnected) document.title = `Unknown face ${c.id} · FaceTrail`;
  const members = c.members || [];
  fill(main,
    back,
    h('h1', { id: 'cluster-title' }, 'Unknown person ', h('span', { class: 'mono' }, c.id)),
    c.mergedInto
      ? notice(`${c.requestedId} has merged into ${c.mergedInto}: its tracks are shown with this cluster's.`)
      : null,
    h('p', { class: 'facts' },
      `${c.tracks} ${c.tracks === 1 ? 'track' : 'tracks'} in ${(c.streams || []).join(', ')} · `
        + `${c.goodFrames} good frames · archived `,
      h('time', { datetime: c.firstArchived }, dateTime(c.firstArchived)), ' – ',
      h('time', { datetime: c.lastArchived }, dateTime(c.lastArchived))),
    ctx.can('operator') ? nameForm(c) : null,
    h('section', { 'aria-labelledby': 'cluster-tracks-title' },
      h('h2', { id: 'cluster-tracks-title' }, 'Tracks, oldest first'),
      h('ol', { class: 'appearances', id: 'cluster-members' }, members.map(memberCard))));
}

function memberCard(m) {
  if (!m.archived) {
    return h('li', { class: 'appearance', 'data-track-id': m.trackId },
      h('span', { class: ['thumb', 'thumb-none'] }, 'no face image'),
      h('div', { class: 'appearance-text' },
        h('p', {}, 'No longer archived (retention or erasure).'),
        h('p', { class: ['appearance-track', 'mono'] }, m.trackId)));
  }
  const from = mediaTime(m.firstSeen && m.firstSeen.mediaTimeMs);
  const to = mediaTime(m.lastSeen && m.lastSeen.mediaTimeMs);
  const seenFrom = m.firstSeen && m.firstSeen.capturedAt;
  const seenTo = m.lastSeen && m.lastSeen.capturedAt;
  return h('li', { class: 'appearance', 'data-track-id': m.trackId },
    face(m.thumbnailUrl, `Face of track ${m.trackId}`),
    h('div', { class: 'appearance-text' },
      h('p', { class: 'appearance-where' }, h('strong', { class: 'appearance-stream' }, m.streamId),
        from ? ` · ${from}${to && to !== from ? `–${to}` : ''}` : ''),
      seenFrom
        ? h('p', { class: 'appearance-when' },
          h('time', { datetime: seenFrom }, dateTime(seenFrom)),
          seenTo && seenTo !== seenFrom ? [' – ', h('time', { datetime: seenTo }, clockTime(seenTo))] : null)
        : null,
      h('p', { class: 'appearance-when' }, `${m.goodFrames} good frames`),
      h('p', { class: ['appearance-track', 'mono'] }, m.trackId)));
}

function nameForm(c) {
  const input = h('input', { id: 'cluster-name', required: true, autocomplete: 'off', maxlength: 200 });
  const button = h('button', { type: 'submit' }, 'Name and enrol');
  const result = h('div', { 'aria-live': 'polite', id: 'cluster-name-result' });
  const form = h('form', { class: 'panel', id: 'name-cluster', 'aria-labelledby': 'name-cluster-title' },
    h('h2', { id: 'name-cluster-title' }, 'Name this person'),
    h('p', { class: 'help' },
      'Enrols them in the gallery with the faces of this cluster\'s best tracks, then decides every '
        + 'archived track again: their past appearances are named, and cameras recognise them from now on.'),
    h('label', { for: 'cluster-name' }, 'Name'),
    input,
    button,
    result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    fill(result, notice('Naming… (the whole archive is decided again)'));
    try {
      const answer = await api('POST', `${path(c.id)}/name`, { json: { name: input.value.trim() } });
      fill(result, named(answer));
      input.disabled = true;
    } catch (e) {
      fill(result, notice(errorText(e), 'error'));
      button.disabled = false;
    }
  });
  return form;
}

function named(a) {
  const events = a.events || {};
  return h('div', { class: ['notice', 'notice-info'], id: 'cluster-named' },
    h('p', {}, 'Enrolled ',
      h('a', { href: `#/gallery/${encodeURIComponent(a.person.id)}`, id: 'cluster-named-person' }, a.person.name),
      ` from ${(a.enrolledTracks || []).length} tracks. `,
      `${a.clusterTracksIdentified} of the cluster's ${a.cluster.tracks} tracks are now identified as them`,
      a.otherTracksChanged ? `; ${a.otherTracksChanged} other archived tracks changed.` : '.'),
    h('p', {}, events.published
      ? `${events.count} retroactive events sent to ${events.topic}.`
      : `${events.count} retroactive events not sent: ${events.detail}`),
    h('p', {}, h('a', { href: `#/search?person=${encodeURIComponent(a.person.id)}` }, 'Where did they appear?')));
}

function face(url, alt, extra) {
  const src = apiImageUrl(url);
  return src
    ? h('img', { class: ['thumb', extra], src, width: 96, height: 96, alt })
    : h('span', { class: ['thumb', 'thumb-none', extra] }, 'no face image');
}

function failure(e, missing) {
  if (e instanceof ApiError && e.unavailable) {
    return notice('Clusters of unknown faces are not available on this server.', 'unavailable');
  }
  if (e instanceof ApiError && e.status === 404 && missing) return notice(missing, 'error');
  if (e instanceof ApiError && (e.status === 409 || e.status === 503)) {
    return notice(errorText(e), 'unavailable');
  }
  return notice(errorText(e), 'error');
}
