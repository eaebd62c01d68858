// The outcome of the last action, in one place at the top of the console (data-testid
// operation-result), read out by screen readers. Errors keep the API's message and code.
import { badge, byId, describe, fill, h } from './dom.js';

export function showSuccess(text, ...more) {
  show('ok', text, more);
}

export function showFailure(error, prefix = null) {
  show('bad', prefix ? `${prefix}: ${describe(error)}` : describe(error), []);
}

/** Per-door outcomes of an open: one line each, failures first. */
export function showDoorResults(title, results) {
  const ordered = [...results].sort((a, b) => Number(a.success) - Number(b.success) || a.lockerId - b.lockerId);
  const list = h('ul', { class: 'door-results' }, ordered.map((r) => h('li', {},
    badge(r.success ? 'ok' : 'bad', `Locker ${r.lockerId}`), ' ', r.message || (r.success ? 'opened' : 'failed'))));
  show(results.every((r) => r.success) ? 'ok' : 'bad', title, [list]);
}

function show(kind, text, more) {
  const region = byId('operation-result');
  region.className = `result ${kind}`;
  const close = h('button', { type: 'button', class: 'link', 'aria-label': 'Dismiss this message' }, 'Dismiss');
  close.addEventListener('click', () => { region.hidden = true; });
  fill(region, h('div', { class: 'result-head' }, badge(kind, kind === 'ok' ? 'Done' : 'Failed'), h('span', {}, text), close), ...more);
  region.hidden = false;
}

export function clearResult() {
  byId('operation-result').hidden = true;
}
