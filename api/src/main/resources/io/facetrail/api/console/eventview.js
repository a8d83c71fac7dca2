// One identity event as the wall and the review show it: the track's face, who (or 'unknown'),
// when, and how close the match was.

import { apiImageUrl, h } from './dom.js';
import { distanceAgainst, personName, timeOfDay, dateTime } from './format.js';

/** The face of an event's track, or a placeholder saying there is none. */
export function thumbnail(event, size = 72) {
  const url = apiImageUrl(event.thumbnailUrl);
  return url
    ? h('img', { class: 'thumb', src: url, width: size, height: size, alt: `Face of ${personName(event.person)}` })
    : h('span', { class: ['thumb', 'thumb-none'] }, 'no face image');
}

/** An event's card on the live wall. */
export function eventCard(event) {
  const when = event.emittedAt;
  return h('article', { class: ['event', `event-${event.type}`], 'data-event-id': event.eventId },
    thumbnail(event),
    h('div', { class: 'event-text' },
      h('p', { class: 'event-name' }, personName(event.person)),
      h('p', { class: 'event-meta' },
        h('time', { datetime: when, title: dateTime(when) }, timeOfDay(when)),
        ` · ${event.type}`),
      h('p', { class: 'event-meta' }, distanceAgainst(event.distance, event.threshold))));
}
