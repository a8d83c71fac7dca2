// How times, durations and distances read in the console (the browser's locale and time zone).

/** The time of day of an ISO instant, e.g. 14:03:27; '' when absent. */
export function timeOfDay(iso) {
  const d = parse(iso);
  return d ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '';
}

/** The time of day of an ISO instant as dateTime() writes it (its end of a range); '' when absent. */
export function clockTime(iso) {
  const d = parse(iso);
  return d ? d.toLocaleTimeString([], { timeStyle: 'medium' }) : '';
}

/** Date and time of an ISO instant, e.g. 7 Dec 2026, 14:03:27; '' when absent. */
export function dateTime(iso) {
  const d = parse(iso);
  return d
    ? d.toLocaleString([], { dateStyle: 'medium', timeStyle: 'medium' })
    : '';
}

/** A media time or duration in milliseconds as m:ss.s (h:mm:ss past an hour). */
export function mediaTime(ms) {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return '';
  const tenths = Math.round(ms / 100);
  const s = Math.floor(tenths / 10);
  const frac = tenths % 10;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0
    ? `${h}:${String(m).padStart(2, '0')}:${sec}`
    : `${m}:${sec}.${frac}`;
}

/** A face distance with three decimals; '' when absent. */
export function distance(d) {
  return typeof d === 'number' && Number.isFinite(d) ? d.toFixed(3) : '';
}

/** 'distance 0.265 ≤ 0.380' (or > when outside the threshold); '' when absent. */
export function distanceAgainst(d, threshold) {
  if (typeof d !== 'number') return '';
  if (typeof threshold !== 'number') return `distance ${distance(d)}`;
  return `distance ${distance(d)} ${d <= threshold ? '≤' : '>'} ${distance(threshold)}`;
}

/** The name an event or track shows: the person's, or why there is none. */
export function personName(person) {
  if (!person) return 'unknown';
  return typeof person.name === 'string' && person.name !== '' ? person.name : 'erased person';
}

function parse(iso) {
  if (typeof iso !== 'string') return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}
