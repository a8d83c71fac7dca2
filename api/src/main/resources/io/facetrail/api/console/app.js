// The console's entry point: finds out whether this browser is signed in, shows the sign-in form
// or the section the address names (#/live, #/gallery, #/events, #/videos, #/search, #/clusters,
// #/audit), and switches sections as the address changes. Each section is a module with
// mount(main, ctx, arg, params) that returns what to do when it is left (close its live
// connection, stop its timers): arg is what follows the section's name (#/gallery/ID), params the
// address's query (#/search?person=ID).

import { api, useCsrfToken, whenSessionExpires } from './api.js';
import { showSignIn } from './signin.js';
import * as live from './live.js';
import * as gallery from './gallery.js';
import * as review from './review.js';
import * as videos from './videos.js';
import * as search from './search.js';
import * as clusters from './clusters.js';
import * as audit from './audit.js';
import { fill, h, notice } from './dom.js';

const SECTIONS = {
  live: { module: live, title: 'Live wall' },
  gallery: { module: gallery, title: 'Gallery' },
  events: { module: review, title: 'Events' },
  videos: { module: videos, title: 'Videos' },
  search: { module: search, title: 'Search' },
  clusters: { module: clusters, title: 'Unknown faces' },
  audit: { module: audit, title: 'Audit log', role: 'admin' },
};
const ROLES = ['viewer', 'operator', 'admin'];

const main = document.getElementById('main');
let session = null;
let leave = null;

/** What a section knows of the signed-in key. */
function context() {
  return {
    role: session.role,
    can: (role) => ROLES.indexOf(session.role) >= ROLES.indexOf(role),
  };
}

function route(event) {
  if (!session) return;
  const hash = location.hash;
  // '#main' (the skip link) and other in-page anchors are not sections: moving to one keeps the
  // section shown (the first one shown is the live wall).
  if (event && hash !== '' && !hash.startsWith('#/')) return;
  const question = hash.indexOf('?');
  const [name, ...rest] = hash.slice(2, question < 0 ? undefined : question).split('/');
  const params = new URLSearchParams(question < 0 ? '' : hash.slice(question + 1));
  const section = SECTIONS[name] ? name : 'live';
  if (leave) {
    leave();
    leave = null;
  }
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.view === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const { module, title, role } = SECTIONS[section];
  document.title = `${title} · FaceTrail`;
  // Each visit gets its own container: what a section's slow request fills in after it was left
  // goes into a detached element, never over the next section.
  const view = h('div', { class: 'view' });
  fill(main, view);
  if (role && !context().can(role)) {
    fill(view, h('h1', {}, title), notice(`This page needs the ${role} role; your key is ${session.role}.`));
    return;
  }
  let arg = null;
  try {
    arg = rest.length ? decodeURIComponent(rest.join('/')) : null;
  } catch (e) {
    fill(view, h('h1', {}, title), notice('This address is not valid.', 'error'));
    return;
  }
  leave = module.mount(view, context(), arg, params) || null;
}

function signedIn(s) {
  session = s;
  useCsrfToken(s.csrfToken || null);
  document.getElementById('who-text').textContent = `${s.keyName} (${s.role})`;
  document.getElementById('who').hidden = false;
  document.getElementById('nav').hidden = false;
  document.getElementById('nav-audit').hidden = !context().can('admin');
  route(null);
}

/** Signed in through the form: the form that had the focus is gone; the keyboard starts at the content. */
function signedInByForm(s) {
  signedIn(s);
  main.focus();
}

function signedOut(message) {
  if (leave) {
    leave();
    leave = null;
  }
  session = null;
  useCsrfToken(null);
  document.getElementById('who').hidden = true;
  document.getElementById('nav').hidden = true;
  document.title = 'Sign in · FaceTrail';
  showSignIn(main, signedInByForm, message);
}

async function signOut() {
  try {
    await api('DELETE', '/api/v1/session');
  } catch (e) {
    // Signing out of a session the server already ended is still signing out.
    if (!(e && e.status === 401)) throw e;
  }
  signedOut('Signed out.');
}

async function start() {
  whenSessionExpires(() => {
    if (session) signedOut('Your session has ended; sign in again.');
  });
  document.getElementById('sign-out').addEventListener('click', () => {
    signOut().catch((e) => main.prepend(notice(`Signing out failed: ${e.message}`, 'error')));
  });
  document.getElementById('skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  window.addEventListener('hashchange', route);
  try {
    signedIn(await api('GET', '/api/v1/session'));
  } catch (e) {
    if (e && e.status === 401) signedOut(null);
    else fill(main, notice(`The console cannot start: ${e.message}`, 'error'));
  }
}

start();
