// Indexed videos: what `facetrail index` found (GET /api/v1/videos) and one video's timeline
// (#/videos/ID): a row per person with the time ranges they appear in, drawn in SVG, and the face
// of each of their tracks.

import { api, ApiError, errorText } from './api.js';
import { fill, h, notice } from './dom.js';
import { dateTime, mediaTime } from './format.js';
import { timeline } from './timeline.js';

const path = (id) => `/api/v1/videos/${encodeURIComponent(id)}`;
const UNAVAILABLE = 'Indexed videos are not available on this server (started without --index-dir?).';

export function mount(main, ctx, videoId) {
  if (videoId) showVideo(main, videoId);
  else showList(main);
  return null;
}

async function showList(main) {
  fill(main, h('h1', {}, 'Indexed videos'), notice('Loading…'));
  let answer;
  try {
    answer = await api('GET', '/api/v1/videos');
  } catch (e) {
    fill(main, h('h1', {}, 'Indexed videos'), failure(e));
    return;
  }
  if (answer.videos.length === 0) {
    fill(main, h('h1', {}, 'Indexed videos'),
      notice('No video has been indexed yet (facetrail index DIR --out the folder this server reads).'));
    return;
  }
  fill(main,
    h('h1', {}, 'Indexed videos'),
    h('table', { class: 'list', id: 'videos' },
      h('thead', {}, h('tr', {},
        ['Video', 'Indexed', 'Length', 'Tracks', 'Who appears'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, answer.videos.map((v) => h('tr', {},
        h('td', {}, h('a', { href: `#/videos/${encodeURIComponent(v.id)}` }, v.name)),
        h('td', {}, h('time', { datetime: v.indexedAt }, dateTime(v.indexedAt))),
        h('td', { class: 'num' }, mediaTime(v.durationSeconds * 1000)),
        h('td', { class: 'num' }, v.tracks),
        h('td', {}, (v.persons || []).map((p) => `${p.name} (${p.appearances})`).join(', ') || '—'))))));
}

async function showVideo(main, id) {
  const back = h('p', {}, h('a', { href: '#/videos' }, '← All videos'));
  fill(main, back, notice('Loading…'));
  let doc;
  try {
    doc = await api('GET', path(id));
  } catch (e) {
    fill(main, back, failure(e, 'There is no such indexed video.'));
    return;
  }
  if (main.isConnected) document.title = `${doc.video} · FaceTrail`;
  fill(main,
    back,
    h('h1', {}, doc.video),
    h('p', { class: 'facts' },
      `${mediaTime(doc.durationMs)} long · ${(doc.tracks || []).length} tracks · indexed `,
      h('time', { datetime: doc.indexedAt }, dateTime(doc.indexedAt))),
    timeline(doc));
}

function failure(e, missing) {
  if (e instanceof ApiError && e.unavailable) return notice(UNAVAILABLE, 'unavailable');
  if (e instanceof ApiError && e.status === 404 && missing) return notice(missing, 'error');
  return notice(errorText(e), 'error');
}
