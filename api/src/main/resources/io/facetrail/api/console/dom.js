// Building the page from data without ever parsing data as HTML: every text goes in as a text
// node, every attribute through setAttribute. A person's name may contain anything, '<script>'
// included, and must show as the characters it is.

const SVG_NS = 'http://www.w3.org/2000/svg';

function set(el, attrs) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    // The Content-Security-Policy forbids inline styles; styles live in style.css.
    if (name === 'style') throw new Error('h(): no inline styles');
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
}

function add(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** An HTML element: h('button', {type: 'button', onclick: f}, 'Erase'). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  set(el, attrs);
  add(el, children);
  return el;
}

/** An SVG element, as h(). */
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  set(el, attrs);
  add(el, children);
  return el;
}

/**
 * A URL the server gave for an image, kept only when it is a path on this server's API: the page
 * loads nothing from elsewhere, and a 'javascript:' or foreign URL in a response is dropped.
 */
export function apiImageUrl(url) {
  return typeof url === 'string' && url.startsWith('/api/') && !url.startsWith('//') ? url : null;
}

/** A message box; kind is 'info', 'error' or 'unavailable'. */
export function notice(message, kind = 'info') {
  return h('p', { class: ['notice', `notice-${kind}`], role: kind === 'error' ? 'alert' : null },
    message);
}

/**
 * Replaces el's children with children, leaving out null, undefined and false (the DOM's own
 * replaceChildren would show them as the text "null").
 */
export function fill(el, ...children) {
  el.replaceChildren();
  add(el, children);
  return el;
}
