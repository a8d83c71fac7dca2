// The per-photo outcomes of an upload (enrolled, already_enrolled, no_face, several_faces,
// low_quality, unreadable, too_large, failed), one line per photo in upload order.

import { h } from './dom.js';

const LABELS = {
  enrolled: 'enrolled',
  already_enrolled: 'already enrolled',
  no_face: 'no face found',
  several_faces: 'several faces',
  low_quality: 'quality too low',
  unreadable: 'not a readable image',
  too_large: 'too large',
  failed: 'failed',
};

/** The outcomes as a list; accepted photos and refused ones are told apart by more than colour. */
export function outcomeList(outcomes) {
  const items = (Array.isArray(outcomes) ? outcomes : []).map((o) => {
    const ok = o.result === 'enrolled' || o.result === 'already_enrolled';
    return h('li', { class: ['outcome', ok ? 'outcome-ok' : 'outcome-refused'], 'data-result': o.result },
      h('span', { class: 'outcome-mark', 'aria-hidden': 'true' }, ok ? '✓' : '✗'),
      h('span', { class: 'outcome-photo' }, o.photo),
      ' — ',
      h('strong', {}, LABELS[o.result] || o.result),
      o.detail ? h('span', { class: 'outcome-detail' }, ` (${o.detail})`) : null);
  });
  return h('ul', { class: 'outcomes', 'aria-label': 'Result per photo' }, items);
}
