// The page's one dialog, for every confirmation (data-testid confirm-ok / confirm-cancel): a plain
// question, a question that makes the operator type a name (open-all), or a small form (add,
// rename, resize, replace, out of service) whose API errors keep it open with their message.
import { byId, fill, h, showProblem } from './dom.js';

/**
 * ask({ title, body, confirmLabel, danger, typed, fields, submit }) resolves:
 * - without submit: true for Confirm, false for Cancel or Escape;
 * - with submit(values): what submit resolved, or null when cancelled. A rejection of submit is
 *   shown in the dialog, which stays open.
 * fields: [{ name, label, type: 'text' | 'number' | 'select', value, options: [{ value, label }],
 *   required, min, max, hint, showIf(values) }].
 * typed: text the operator must type exactly before Confirm does anything.
 */
export function ask({ title, body = [], confirmLabel = 'Confirm', danger = false, typed = null, fields = [], submit = null }) {
  const dialog = byId('dialog');
  const form = byId('dialog-form');
  const ok = byId('dialog-ok');
  const cancel = byId('dialog-cancel');
  const problem = byId('dialog-problem');
  const typedInput = byId('dialog-typed-input');
  fill(byId('dialog-title'), title);
  fill(byId('dialog-body'), ...(Array.isArray(body) ? body : [body]).map((line) => h('p', {}, line)));
  showProblem(problem, null);
  ok.textContent = confirmLabel;
  ok.className = danger ? 'danger' : '';
  byId('dialog-typed').hidden = typed === null;
  typedInput.value = '';
  typedInput.setCustomValidity('');
  if (typed !== null) {
    fill(byId('dialog-typed-label'), 'Type ', h('strong', {}, typed), ' to confirm');
  }
  const rows = renderFields(byId('dialog-fields'), fields);

  return new Promise((resolve) => {
    const finish = (answer) => {
      form.onsubmit = null;
      form.onchange = null;
      cancel.onclick = null;
      dialog.oncancel = null;
      typedInput.oninput = null;
      if (dialog.open) {
        dialog.close();
      }
      resolve(answer);
    };
    form.onchange = rows.relayout;
    typedInput.oninput = () => typedInput.setCustomValidity('');
    form.onsubmit = async (event) => {
      event.preventDefault();
      if (typed !== null && typedInput.value.trim() !== typed) {
        typedInput.setCustomValidity(`Type exactly: ${typed}`);
        typedInput.reportValidity();
        return;
      }
      if (!submit) {
        finish(true);
        return;
      }
      ok.disabled = true;
      showProblem(problem, null);
      try {
        finish(await submit(rows.values()));
      } catch (error) {
        showProblem(problem, error);
      } finally {
        ok.disabled = false;
      }
    };
    cancel.onclick = () => finish(submit ? null : false);
    dialog.oncancel = (event) => {
      event.preventDefault();
      finish(submit ? null : false);
    };
    dialog.showModal();
    const first = byId('dialog-fields').querySelector('input, select');
    (typed !== null ? typedInput : first || cancel).focus();
  });
}

function renderFields(container, fields) {
  container.replaceChildren();
  const entries = fields.map((field, index) => {
    const id = `dialog-field-${index}`;
    const control = field.type === 'select'
      ? h('select', { id, name: field.name },
        field.options.map((option) => h('option', { value: option.value }, option.label)))
      : h('input', {
        id, name: field.name, type: field.type || 'text', required: field.required,
        min: field.min, max: field.max, autocomplete: 'off', spellcheck: 'false',
      });
    if (field.value !== undefined && field.value !== null) {
      control.value = String(field.value);
    }
    const row = h('div', { class: 'field' }, h('label', { for: id }, field.label), control,
      field.hint ? h('span', { class: 'hint' }, field.hint) : null);
    container.append(row);
    return { field, control, row };
  });
  const all = () => Object.fromEntries(entries.map(({ field, control }) => [field.name, control.value.trim()]));
  const relayout = () => {
    const current = all();
    entries.forEach(({ field, row }) => { row.hidden = field.showIf ? !field.showIf(current) : false; });
  };
  relayout();
  // Only what is shown is sent: a hidden TCP host never reaches a serial controller's request.
  const values = () => {
    const current = all();
    return Object.fromEntries(entries.filter(({ row }) => !row.hidden).map(({ field }) => [field.name, current[field.name]]));
  };
  return { relayout, values };
}
