// A confirmation in a modal <dialog>: the focus goes to the safe choice (Cancel), Escape cancels.

import { h } from './dom.js';

/**
 * Asks; resolves true only when the user chose the action.
 *
 * @param {{title: string, message: string, action: string}} what the dialog says
 */
export function confirmAction({ title, message, action }) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-title' },
      h('form', { method: 'dialog' },
        h('h2', { id: 'confirm-title' }, title),
        h('p', {}, message),
        h('div', { class: 'actions' },
          h('button', { value: 'cancel', autofocus: true }, 'Cancel'),
          h('button', { value: 'confirm', class: 'danger' }, action))));
    dialog.addEventListener('close', () => {
      const chosen = dialog.returnValue === 'confirm';
      dialog.remove();
      resolve(chosen);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
