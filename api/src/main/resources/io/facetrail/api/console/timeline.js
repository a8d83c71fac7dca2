// A video's timeline (the JSON `facetrail index` writes, with faceUrl per track): a row per person,
// and one for unknown faces, each with its time ranges as bars on a shared time axis and the faces
// of its tracks. Bars are SVG shapes placed by their attributes (the CSP allows no inline styles).

import { apiImageUrl, h, svg } from './dom.js';
import { mediaTime } from './format.js';

const WIDTH = 1000; // SVG user units across the whole video
const ROW = 18;
const TICKS = 10;

/** The timeline of doc as a figure. */
export function timeline(doc) {
  const duration = Math.max(1, doc.durationMs || 0);
  const tracks = doc.tracks || [];
  const rows = (doc.persons || []).map((p) => ({
    name: p.name || 'erased person',
    ranges: p.ranges || [],
    tracks: tracks.filter((t) => t.personId === p.personId),
  }));
  const unknown = tracks.filter((t) => !t.personId);
  if (unknown.length) {
    rows.push({
      name: 'unknown faces',
      ranges: unknown.map((t) => ({ fromMs: t.fromMs, toMs: t.toMs })),
      tracks: unknown,
      unknown: true,
    });
  }
  if (rows.length === 0) return h('p', { class: 'notice notice-info' }, 'No face was found in this video.');
  return h('figure', { class: 'timeline', id: 'timeline' },
    h('figcaption', {}, 'Who appears when'),
    h('div', { class: 'timeline-row axis' }, h('span', { class: 'timeline-name' }), axis(duration)),
    rows.map((r) => personRow(r, duration)));
}

function axis(duration) {
  // Labels in HTML: text inside the stretched SVG would be stretched with it.
  const labels = [];
  for (let i = 0; i <= TICKS; i++) labels.push(h('span', {}, mediaTime((i / TICKS) * duration)));
  return h('div', { class: 'axis-labels', 'aria-hidden': 'true' }, labels);
}

function personRow(row, duration) {
  const label = row.ranges.map((r) => `${mediaTime(r.fromMs)}–${mediaTime(r.toMs)}`).join(', ');
  const bars = row.ranges.map((r) => {
    const x = (Math.max(0, r.fromMs) / duration) * WIDTH;
    const w = Math.max(2, ((r.toMs - r.fromMs) / duration) * WIDTH);
    return svg('rect', { x, y: 3, width: w, height: ROW - 6, rx: 2, class: row.unknown ? 'bar bar-unknown' : 'bar' },
      svg('title', {}, `${row.name}: ${mediaTime(r.fromMs)}–${mediaTime(r.toMs)}`));
  });
  const faces = row.tracks
    .filter((t) => apiImageUrl(t.faceUrl))
    .map((t) => h('figure', { class: 'face' },
      h('img', { src: apiImageUrl(t.faceUrl), width: 64, height: 64, alt: `${row.name} at ${mediaTime(t.fromMs)}` }),
      h('figcaption', {}, mediaTime(t.fromMs))));
  return h('div', { class: 'timeline-person' },
    h('div', { class: 'timeline-row' },
      h('span', { class: 'timeline-name' }, row.name),
      svg('svg', { class: 'timeline-bars', viewBox: `0 0 ${WIDTH} ${ROW}`, preserveAspectRatio: 'none', role: 'img', 'aria-label': `${row.name}: ${label}` }, bars)),
    faces.length ? h('div', { class: 'faces' }, faces) : null);
}
