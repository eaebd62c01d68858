// Building the page from API values. Every value goes in as text (a text node or an attribute),
// never as markup: this file is the only place elements are made, and no markup string is ever parsed.

/**
 * h('td', { class: 'num', dataset: { lockerId: 7 } }, 'text', otherNode)
 * Strings and numbers among the children become text nodes; null and undefined are skipped.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'dataset') {
      Object.entries(value).forEach(([key, v]) => { element.dataset[key] = String(v); });
    } else if (name === 'on') {
      Object.entries(value).forEach(([event, handler]) => element.addEventListener(event, handler));
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside an element. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

export function byId(id) {
  return document.getElementById(id);
}

/** Shows a problem paragraph with an API error (message and code), or hides it for null. */
export function showProblem(element, error) {
  if (!error) {
    element.hidden = true;
    element.replaceChildren();
    return;
  }
  fill(element, describe(error));
  element.hidden = false;
}

/** "Locker 42 does not exist (LOCKER_NOT_FOUND)": what an operator reads for any failure. */
export function describe(error) {
  if (error && error.code) {
    const wait = error.status === 429 && error.retryAfter ? ` Try again in ${error.retryAfter} s.` : '';
    return `${error.message} (${error.code}).${wait}`;
  }
  return error && error.message ? error.message : String(error);
}

/** A state shown by a word and a symbol, never by colour alone. */
export function badge(kind, text) {
  const symbols = { ok: '✔', warn: '▲', bad: '✖', info: '•' };
  return h('span', { class: `badge ${kind}` }, h('span', { 'aria-hidden': 'true' }, symbols[kind] || '•'), ' ', text);
}

/** The last cell of a row: its buttons, side by side, wrapping when narrow. */
export function actionsCell(...buttons) {
  const cell = h('td', { class: 'actions-cell' }, h('div', { class: 'row-actions' }, ...buttons));
  cell.actions = cell.firstChild;
  return cell;
}

/** The same keyed rows stay the same elements across refreshes, so focus and clicks survive. */
export class KeyedRows {
  constructor(tbody, makeRow) {
    this.tbody = tbody;
    this.makeRow = makeRow;
    this.rows = new Map();
  }

  /** items: [{ key, ...}]; update(row, item) refreshes an existing row in place. */
  render(items, update) {
    const seen = new Set();
    let previous = null;
    for (const item of items) {
      seen.add(item.key);
      let row = this.rows.get(item.key);
      if (!row) {
        row = this.makeRow(item);
        this.rows.set(item.key, row);
      }
      update(row, item);
      const expected = previous ? previous.nextSibling : this.tbody.firstChild;
      if (expected !== row) {
        this.tbody.insertBefore(row, expected);
      }
      previous = row;
    }
    for (const [key, row] of this.rows) {
      if (!seen.has(key)) {
        row.remove();
        this.rows.delete(key);
      }
    }
  }
}
