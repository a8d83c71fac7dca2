// The live wall: a column per camera with its status (GET /api/v1/cameras, every 5 s) and its
// newest identity events. Events come over Server-Sent Events (GET /api/v1/events/live); the
// browser's EventSource reconnects by itself and sends Last-Event-ID so nothing is lost. The
// stream is opened before the recent events are read (GET /api/v1/events) and both are merged by
// eventId, so an event emitted in between is neither missed nor shown twice. The recent events are
// read again every 15 s, and cards the server no longer has (an erased person's) leave the wall.

import { api, ApiError, errorText, withQuery } from './api.js';
import { fill, h, notice } from './dom.js';
import { eventCard } from './eventview.js';

const PER_CAMERA = 20;
const RECENT = 200;
const CAMERA_REFRESH_MS = 5000;
const RECENT_REFRESH_MS = 15000;
const REOPEN_MS = 5000;

export function mount(main) {
  const liveState = h('p', { class: 'live-state', id: 'live-state', 'aria-live': 'polite' });
  const notices = h('div', { id: 'live-notices' });
  const wall = h('div', { class: 'wall', id: 'wall' });
  const empty = h('p', { class: 'help', id: 'wall-empty' }, 'No camera and no event yet.');
  fill(main, h('h1', {}, 'Live wall'), liveState, notices, empty, wall);

  const columns = new Map(); // camera id -> { status, list, events }
  const seen = new Set();
  let source = null;
  let lastEventId = null;
  let eventsUnavailable = false;
  let reopenTimer = null;
  let cameraTimer = null;
  let recentTimer = null;
  let left = false;
  const problems = { events: null, cameras: null };

  function showProblems() {
    fill(notices, ...Object.values(problems).filter(Boolean));
  }

  function column(id) {
    let c = columns.get(id);
    if (!c) {
      const status = h('p', { class: 'camera-status' });
      const list = h('div', { class: 'camera-events' });
      const section = h('section', { class: 'camera', 'data-camera': id, 'aria-label': `Camera ${id}` },
        h('h2', {}, id), status, list);
      c = { section, status, list, events: [] };
      columns.set(id, c);
      wall.append(section);
      empty.hidden = true;
    }
    return c;
  }

  function render(c, fresh) {
    fill(c.list, ...c.events.map((e) => {
      const card = eventCard(e);
      if (e === fresh) card.classList.add('fresh');
      return card;
    }));
  }

  function add(event, fresh) {
    if (!event || typeof event.eventId !== 'string' || seen.has(event.eventId)) return;
    seen.add(event.eventId);
    const c = column(event.streamId || 'unnamed stream');
    c.events.push(event);
    c.events.sort((a, b) => when(b) - when(a));
    c.events.length = Math.min(c.events.length, PER_CAMERA);
    render(c, fresh ? event : null);
  }

  /**
   * Takes the cards off the wall whose events the server no longer has (the person was erased, or
   * the event left the server's window): the wall must not keep showing an erased person.
   */
  /** The ids of the events on the wall now. */
  function shown() {
    const ids = new Set();
    for (const c of columns.values()) for (const e of c.events) ids.add(e.eventId);
    return ids;
  }

  /**
   * Takes the cards off the wall whose events the server no longer has (the person was erased, or
   * the event left the server's window): the wall must not keep showing an erased person. Only
   * cards shown before the server was asked are judged: a newer one came over the stream since.
   */
  function forget(recent, before) {
    const kept = new Set(recent.map((e) => e.eventId));
    // With a full page, an older event may be missing only because it did not fit.
    const oldest = recent.length < RECENT ? -Infinity : Math.min(...recent.map(when));
    const gone = (e) => before.has(e.eventId) && !kept.has(e.eventId) && when(e) >= oldest;
    for (const c of columns.values()) {
      if (c.events.some(gone)) {
        c.events = c.events.filter((e) => !gone(e));
        render(c, null);
      }
    }
    seen.clear();
    for (const id of shown()) seen.add(id);
  }

  function open() {
    if (left) return;
    // A reopened stream (after the browser gave up) resumes through the query parameter.
    source = new EventSource(withQuery('/api/v1/events/live', { lastEventId }));
    source.addEventListener('open', () => { liveState.textContent = 'Live: connected.'; });
    source.addEventListener('identity', (m) => {
      if (m.lastEventId) lastEventId = m.lastEventId;
      try {
        add(JSON.parse(m.data), true);
      } catch (e) {
        problems.events = notice(`An event could not be read: ${e.message}`, 'error');
        showProblems();
      }
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CONNECTING) {
        liveState.textContent = 'Live: connection lost, reconnecting…';
      } else if (!eventsUnavailable) {
        // Closed for good: the server answered with an error status, which EventSource hides.
        source.close();
        whyClosed();
      }
    });
  }

  /**
   * Asks the live endpoint without asking for a stream (it then answers at once) to learn why the
   * stream was refused: no such endpoint or events switched off (stop trying), or anything else
   * (try again in a few seconds, resuming after the last event).
   */
  async function whyClosed() {
    let refusal = null;
    try {
      await api('GET', '/api/v1/events/live');
    } catch (e) {
      refusal = e;
    }
    if (left) return;
    const body = refusal instanceof ApiError ? refusal.body : null;
    if (refusal instanceof ApiError && refusal.unavailable) {
      unavailable('Identity events are not available on this server (no event feed).');
    } else if (body && typeof body.type === 'string' && body.type.endsWith('/events-disabled')) {
      unavailable(`Live events are not available on this server: ${body.detail}.`);
    } else if (!(refusal instanceof ApiError && refusal.status === 401)) {
      liveState.textContent = 'Live: disconnected; trying again in a few seconds.';
      reopenTimer = setTimeout(open, REOPEN_MS);
    }
  }

  function unavailable(message) {
    eventsUnavailable = true;
    if (source) source.close();
    clearTimeout(reopenTimer);
    liveState.textContent = '';
    problems.events = notice(message, 'unavailable');
    showProblems();
  }

  async function loadRecent() {
    try {
      const before = shown();
      const answer = await api('GET', '/api/v1/events', { query: { limit: RECENT } });
      forget(answer.events, before);
      for (const e of answer.events.slice().reverse()) add(e, false);
    } catch (e) {
      if (e instanceof ApiError && e.unavailable) {
        unavailable('Identity events are not available on this server (no event feed).');
      } else {
        problems.events = notice(`Recent events could not be read: ${errorText(e)}`, 'error');
        showProblems();
      }
    }
  }

  async function refreshCameras() {
    try {
      const answer = await api('GET', '/api/v1/cameras');
      problems.cameras = null;
      for (const cam of answer.cameras) fill(column(cam.id).status, ...cameraStatus(cam));
    } catch (e) {
      if (e instanceof ApiError && e.unavailable) {
        problems.cameras = notice('Camera status is not available on this server.', 'unavailable');
        clearInterval(cameraTimer);
      } else {
        problems.cameras = notice(`Camera status could not be read: ${errorText(e)}`, 'error');
      }
    }
    showProblems();
  }

  open();
  loadRecent();
  refreshCameras();
  cameraTimer = setInterval(refreshCameras, CAMERA_REFRESH_MS);
  recentTimer = setInterval(() => { if (!eventsUnavailable) loadRecent(); }, RECENT_REFRESH_MS);
  return () => {
    left = true;
    clearInterval(cameraTimer);
    clearInterval(recentTimer);
    clearTimeout(reopenTimer);
    if (source) source.close();
  };
}

/** When an event was emitted, in ms (ISO strings of different precision do not sort as text). */
function when(event) {
  const t = Date.parse(event.emittedAt);
  return Number.isNaN(t) ? 0 : t;
}

function cameraStatus(cam) {
  const parts = [];
  if (typeof cam.decodeFps === 'number') parts.push(`${cam.decodeFps.toFixed(1)} fps`);
  if (typeof cam.lastFrameAgeSeconds === 'number') {
    parts.push(`last frame ${cam.lastFrameAgeSeconds.toFixed(1)} s ago`);
  }
  if (typeof cam.events === 'number') parts.push(`${cam.events} events`);
  return [
    h('span', { class: ['state', `state-${cam.state}`] }, cam.state),
    parts.length ? ` ${parts.join(' · ')}` : '',
  ];
}
