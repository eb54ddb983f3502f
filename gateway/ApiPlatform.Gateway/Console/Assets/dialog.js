// The confirmation every change asks for, with the reason the admin audit records.
import { fill, h } from './dom.js';

/** Asks for confirmation and a reason; resolves to { reason, values } or null when cancelled. */
export function confirmAction({ title, text, confirm = 'Confirm', fields = [] }) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-text').textContent = text;
  document.getElementById('confirm-ok').textContent = confirm;
  const reason = document.getElementById('confirm-reason');
  reason.value = '';
  fill(document.getElementById('confirm-fields'), fields.map(field => h('label', {},
    field.label, h('input', { type: field.type || 'text', name: field.name, value: field.value ?? '', required: field.required }))));
  dialog.showModal();
  return new Promise(resolve => {
    const form = document.getElementById('confirm-form');
    const cancel = document.getElementById('confirm-cancel');
    const done = result => {
      form.removeEventListener('submit', submitted);
      cancel.removeEventListener('click', cancelled);
      dialog.removeEventListener('cancel', cancelled);
      dialog.close();
      resolve(result);
    };
    const submitted = event => {
      event.preventDefault();
      const values = Object.fromEntries(fields.map(field => [field.name, form.elements[field.name].value]));
      done({ reason: reason.value.trim(), values });
    };
    const cancelled = event => { event.preventDefault(); done(null); };
    form.addEventListener('submit', submitted);
    cancel.addEventListener('click', cancelled);
    dialog.addEventListener('cancel', cancelled);
  });
}
