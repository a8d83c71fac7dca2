// Calls to /api/v1 from the signed-in console: the session cookie goes along by itself (same
// origin, HttpOnly); the CSRF token lives in this module's memory only (never in storage a script
// could read later) and goes in X-CSRF-Token on every request that changes something.

const CSRF_HEADER = 'X-CSRF-Token';

let csrfToken = null;
let onExpired = () => {};

/** Keeps the token of the session just signed in to; null after signing out. */
export function useCsrfToken(token) {
  csrfToken = token;
}

/** What to do when a request finds the session gone (expired, key revoked, server restarted). */
export function whenSessionExpires(handler) {
  onExpired = handler;
}

/** A request the API refused: status and its body (problem details, or the response's JSON). */
export class ApiError extends Error {
  constructor(status, body, path) {
    super(describe(status, body, path));
    this.status = status;
    this.body = body;
  }

  /**
   * True when the server has no such endpoint (a feature this server does not offer yet), as
   * opposed to a 404 about a thing the endpoint looked for (unknown-person and the like).
   */
  get unavailable() {
    if (this.status !== 404) return false;
    const type = this.body && typeof this.body.type === 'string' ? this.body.type : 'about:blank';
    return type === 'about:blank' || type.endsWith('/not-found');
  }
}

function describe(status, body, path) {
  if (body && typeof body.detail === 'string' && body.detail !== '') {
    const errors = Array.isArray(body.errors) && body.errors.length ? ` (${body.errors.join('; ')})` : '';
    return body.detail + errors;
  }
  if (body && typeof body.title === 'string') return body.title;
  return `${path} answered HTTP ${status}`;
}

/**
 * Calls the API and returns its JSON (null for 204).
 *
 * @param {string} method GET, POST, PATCH or DELETE
 * @param {string} path e.g. '/api/v1/persons'
 * @param {{json?: object, form?: FormData, query?: object, signal?: AbortSignal}} options
 * @throws {ApiError} when the answer is not 2xx; a TypeError when the server cannot be reached
 */
export async function api(method, path, options = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  let body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form !== undefined) {
    body = options.form; // the browser sets the multipart boundary
  }
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
  const response = await fetch(withQuery(path, options.query), {
    method, headers, body, credentials: 'same-origin', signal: options.signal,
  });
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    if (response.status === 401 && !path.endsWith('/session')) onExpired();
    throw new ApiError(response.status, data, path);
  }
  return data;
}

/** The path with the query's non-empty values. */
export function withQuery(path, query) {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== null && v !== undefined && v !== '') params.set(k, String(v));
  }
  const q = params.toString();
  return q ? `${path}?${q}` : path;
}

/** The text to show for a failed call: the problem's detail, or that the server is unreachable. */
export function errorText(e) {
  if (e instanceof ApiError) return e.message;
  if (e instanceof TypeError) return 'The server cannot be reached; check that facetrail serve is running.';
  return String(e && e.message ? e.message : e);
}
