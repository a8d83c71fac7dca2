// A message for the next section shown ("Colin Powell was erased." on the list the erase returns
// to); shown once.

let message = null;

export function flash(text) {
  message = text;
}

/** The pending message, or null; it is gone after this. */
export function takeFlash() {
  const m = message;
  message = null;
  return m;
}
