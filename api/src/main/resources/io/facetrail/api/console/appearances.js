// A search's answer as the console shows it: what was searched for, then one card per archived
// track, nearest first, with its face, where and when it was seen, how close it is to the face
// searched for, and whom the track names now (a re-decision after a gallery change may have named
// it since: "retroactive").

import { apiImageUrl, h, notice } from './dom.js';
import { clockTime, dateTime, distanceAgainst, mediaTime, personName } from './format.js';

/** The answer of GET or POST /api/v1/search as a heading line and a list of appearances. */
export function appearanceList(answer) {
  const list = Array.isArray(answer.appearances) ? answer.appearances : [];
  const searched = typeof answer.searched === 'number' ? answer.searched : 0;
  const what = h('p', { class: 'count', id: 'search-summary' },
    list.length === 0
      ? `${queryText(answer.query)}: no appearance among ${tracks(searched)}.`
      : `${queryText(answer.query)}: the nearest ${list.length} of ${tracks(searched)}`,
    typeof answer.threshold === 'number' ? ` · match threshold ${answer.threshold.toFixed(3)}` : '');
  if (searched === 0) {
    return h('div', {}, what,
      notice('The archive holds no track yet: cameras and indexed videos archive their tracks as they end.'));
  }
  return h('div', {}, what,
    h('ol', { class: 'appearances', id: 'appearances' }, list.map((a) => card(a, answer.threshold))));
}

function tracks(n) {
  return `${n} archived ${n === 1 ? 'track' : 'tracks'}`;
}

function queryText(query) {
  if (query && query.person) return `Appearances of ${personName(query.person)}`;
  if (query && query.photo) {
    const quality = typeof query.photo.faceQuality === 'number'
      ? `, face quality ${query.photo.faceQuality.toFixed(2)}` : '';
    return `Appearances of the face in the photo (model ${query.photo.modelId}${quality})`;
  }
  return 'Appearances';
}

function card(a, threshold) {
  const url = apiImageUrl(a.thumbnailUrl);
  return h('li', { class: ['appearance', a.match === true ? 'appearance-match' : null], 'data-track-id': a.trackId },
    url
      ? h('img', { class: 'thumb', src: url, width: 96, height: 96, alt: `Face of track ${a.trackId}` })
      : h('span', { class: ['thumb', 'thumb-none'] }, 'no face image'),
    h('div', { class: 'appearance-text' },
      h('p', { class: 'appearance-where' }, h('strong', { class: 'appearance-stream' }, a.streamId),
        mediaRange(a.firstSeen, a.lastSeen)),
      capturedRange(a.firstSeen, a.lastSeen),
      h('p', { class: 'appearance-distance' }, badge(a.match), distanceAgainst(a.distance, threshold)),
      h('p', { class: 'appearance-decision' }, 'Now: ', decision(a.person),
        a.retroactive
          ? [' ', h('span', { class: ['badge', 'badge-retroactive'], title: 'named by a re-decision after a gallery change' }, 'retroactive')]
          : null),
      h('p', { class: ['appearance-track', 'mono'] }, a.trackId)));
}

/** ' · 0:01.5–0:04.0' in the stream or video; '' when the stream has no media time. */
function mediaRange(first, last) {
  const from = mediaTime(first && first.mediaTimeMs);
  const to = mediaTime(last && last.mediaTimeMs);
  if (!from) return '';
  return h('span', { class: 'appearance-media' }, ` · ${from}${to && to !== from ? `–${to}` : ''}`);
}

function capturedRange(first, last) {
  const from = first && first.capturedAt;
  const to = last && last.capturedAt;
  if (!from) return null;
  return h('p', { class: 'appearance-when' },
    h('time', { datetime: from }, dateTime(from)),
    to && to !== from ? [' – ', h('time', { datetime: to }, clockTime(to))] : null);
}

/**
 * Whether the track is within the threshold of the photo's face, told apart by the word, not only
 * the colour; none for a person's search (null: their tracks are found by several codes and by
 * decision, with no one threshold).
 */
function badge(match) {
  if (match === true) return [h('span', { class: ['badge', 'badge-match'] }, 'match'), ' '];
  if (match === false) return [h('span', { class: ['badge', 'badge-nomatch'] }, 'no match'), ' '];
  return null;
}

function decision(person) {
  if (!person) return h('span', { class: 'appearance-person' }, 'unknown');
  return h('a', { class: 'appearance-person', href: `#/gallery/${encodeURIComponent(person.id)}` },
    personName(person));
}
