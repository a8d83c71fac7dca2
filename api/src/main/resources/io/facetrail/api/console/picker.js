// Choosing photos: drop them on the zone, or use the file input (keyboard users, and browsers
// without drag and drop). Photos chosen either way are listed and can be removed before sending.

import { fill, h } from './dom.js';

/**
 * A photo picker.
 *
 * @param {string} id the file input's id (its label names the picker)
 * @param {string} label what the input is for, e.g. 'Photos of the person'
 * @returns {{element: HTMLElement, files: () => File[], clear: () => void}}
 */
export function photoPicker(id, label) {
  const chosen = [];
  const list = h('ul', { class: 'picked', 'aria-live': 'polite' });
  const input = h('input', { id, type: 'file', multiple: true, accept: 'image/*' });
  const zone = h('div', { class: 'dropzone' },
    h('label', { for: id }, label),
    input,
    h('p', { class: 'help' }, 'or drop photos here'),
    list);

  function render() {
    fill(list, ...chosen.map((file, i) => h('li', {},
      h('span', {}, `${file.name} (${Math.max(1, Math.round(file.size / 1024))} KB)`),
      h('button', {
        type: 'button', class: 'link',
        'aria-label': `Remove ${file.name}`,
        onclick: () => {
          chosen.splice(i, 1);
          render();
          input.focus();
        },
      }, 'Remove'))));
  }

  function take(files) {
    for (const file of files) chosen.push(file);
    render();
  }

  input.addEventListener('change', () => {
    take(input.files);
    // Emptied so that choosing the same file again is a change too; the files are kept above.
    input.value = '';
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    if (event.dataTransfer) take(event.dataTransfer.files);
  });

  return {
    element: zone,
    files: () => chosen.slice(),
    clear: () => {
      chosen.length = 0;
      render();
    },
  };
}
