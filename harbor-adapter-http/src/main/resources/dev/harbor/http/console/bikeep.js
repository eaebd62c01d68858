// Bikeep (when the integration is on): the locations the credentials see, adding one as a
// controller, and the RFID cards of a location's allowlists. Read on entering the view and after
// each change, not every 2 s: each read is a call to the Bikeep cloud.
import { call, get } from './api.js';
import { actionsCell, badge, byId, describe, fill, h, showProblem } from './dom.js';
import { ask } from './dialogs.js';
import { showFailure, showSuccess } from './result.js';
import { time } from './format.js';

export function bikeepView() {
  let openLocation = null;

  async function load() {
    try {
      const locations = await get('/bikeep/locations');
      showProblem(byId('bikeep-problem'), null);
      fill(byId('location-rows'), locations.map(locationRow));
    } catch (error) {
      showProblem(byId('bikeep-problem'), error);
      throw error;
    }
  }

  function locationRow(location) {
    const name = location.name || location.label || location.locationId;
    const actions = actionsCell();
    if (location.controllerId === null) {
      const add = h('button', { type: 'button', 'aria-label': `Add ${name} to Harbor` }, 'Add to Harbor');
      add.addEventListener('click', () => addLocation(location, name));
      actions.actions.append(add);
    }
    const cards = h('button', { type: 'button', class: 'secondary', 'aria-label': `RFID cards of ${name}` }, 'RFID cards');
    cards.addEventListener('click', () => showAllowlists(location.locationId, name));
    actions.actions.append(cards);
    const connection = location.connection === 'online' ? badge('ok', 'online')
      : location.connection === 'offline' ? badge('bad', 'offline') : badge('warn', location.connection || 'unknown');
    return h('tr', { 'data-testid': 'location-row', dataset: { locationId: location.locationId } },
      h('th', { scope: 'row' }, name, h('span', { class: 'sub mono' }, location.locationId)),
      h('td', {}, location.type || '—'),
      h('td', {}, connection),
      h('td', {}, `${location.devices.total} devices · ${location.devices.available} free · ${location.devices.online} online`),
      h('td', {}, location.controllerId === null ? 'not added' : `controller #${location.controllerId}`),
      actions);
  }

  async function addLocation(location, name) {
    const added = await ask({
      title: `Add ${name} to Harbor`,
      body: ['Its lockers and bike docks become Harbor lockers: transactions and opens go through Bikeep.'],
      confirmLabel: 'Add',
      fields: [{ name: 'name', label: 'Name in Harbor', value: name, required: true }],
      submit: (v) => call('POST', '/controllers', {
        name: v.name, protocol: 'bikeep', transport: { type: 'bikeep', locationId: location.locationId },
      }),
    });
    if (added) {
      showSuccess(`${added.body.name} added with ${added.body.lockerCount} lockers.`);
      await load().catch(() => {});
    }
  }

  async function showAllowlists(locationId, name) {
    openLocation = locationId;
    const box = byId('allowlists');
    box.hidden = false;
    fill(box, h('h2', {}, `RFID allowlists of ${name}`), h('p', { class: 'muted' }, 'Reading from Bikeep…'));
    try {
      const allowlists = await get(`/bikeep/locations/${encodeURIComponent(locationId)}/allowlists`);
      if (openLocation !== locationId) {
        return;
      }
      const sections = allowlists.map((list) => h('section', { class: 'allowlist', dataset: { allowlistId: list.allowlistId } },
        h('h3', {}, list.name || list.allowlistId), list.description ? h('p', {}, list.description) : null,
        h('div', { class: 'cards' })));
      fill(box, h('h2', {}, `RFID allowlists of ${name}`),
        allowlists.length ? sections : h('p', { class: 'empty' }, 'This location has no allowlist.'));
      await Promise.all(sections.map((section, i) => showCards(section.querySelector('.cards'), allowlists[i].allowlistId)));
    } catch (error) {
      fill(box, h('h2', {}, `RFID allowlists of ${name}`), h('p', { class: 'problem', role: 'alert' }, describe(error)));
    }
  }

  async function showCards(container, allowlistId) {
    let cards;
    try {
      cards = await get(`/bikeep/allowlists/${encodeURIComponent(allowlistId)}/cards`);
    } catch (error) {
      fill(container, h('p', { class: 'problem', role: 'alert' }, describe(error)));
      return;
    }
    const rows = cards.map((card) => {
      const remove = h('button', { type: 'button', class: 'danger', 'aria-label': `Remove card ${card.cardId}` }, 'Remove');
      remove.addEventListener('click', () => changeCards(container, allowlistId, 'REMOVE', [{ cardId: card.cardId }],
        `Remove card ${card.cardId}?`, 'That card no longer opens anything of this allowlist.'));
      return h('tr', { 'data-testid': 'card-row', dataset: { cardId: card.cardId } },
        h('th', { scope: 'row', class: 'mono' }, card.cardId), h('td', {}, card.status || '—'),
        h('td', {}, card.expiresAt ? time(card.expiresAt) : 'never'), h('td', {}, card.comment || ''),
        actionsCell(remove));
    });
    const add = h('button', { type: 'button' }, 'Add a card…');
    add.addEventListener('click', () => addCard(container, allowlistId));
    fill(container,
      cards.length === 0 ? null : h('div', { class: 'table-wrap' }, h('table', { class: 'grid' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Card'), h('th', { scope: 'col' }, 'Status'),
          h('th', { scope: 'col' }, 'Expires'), h('th', { scope: 'col' }, 'Comment'),
          h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
        h('tbody', {}, rows))),
      cards.length ? null : h('p', { class: 'empty' }, 'No card on this allowlist.'),
      add);
  }

  async function addCard(container, allowlistId) {
    await changeCards(container, allowlistId, 'ADD', null, 'Add an RFID card', 'Card ids are normalized as the API does: separators removed, hex in lower case.');
  }

  async function changeCards(container, allowlistId, operation, cards, title, text) {
    const fields = cards ? [] : [
      { name: 'cardId', label: 'Card id', required: true, hint: 'For example 04:A2:B3:C4:D5:E6:F7' },
      { name: 'comment', label: 'Comment (optional)' },
      { name: 'expiresAt', label: 'Expires (optional, ISO-8601)', hint: 'For example 2027-06-30T00:00:00Z; empty: never' },
    ];
    const changed = await ask({
      title,
      body: [text],
      confirmLabel: operation === 'ADD' ? 'Add' : 'Remove',
      danger: operation === 'REMOVE',
      fields,
      submit: (v) => call('POST', `/bikeep/allowlists/${encodeURIComponent(allowlistId)}/cards`, {
        operation,
        cards: cards || [{ cardId: v.cardId, comment: v.comment || null, expiresAt: v.expiresAt || null }],
      }),
    });
    if (!changed) {
      return;
    }
    const { applied, failed } = changed.body;
    if (failed.length) {
      showFailure({ message: failed.map((f) => `${f.cardId}: ${f.message}`).join('; ') }, `${operation === 'ADD' ? 'Adding' : 'Removing'} failed for some cards`);
    } else {
      showSuccess(`${operation === 'ADD' ? 'Added' : 'Removed'} ${applied.join(', ')}.`);
    }
    await showCards(container, allowlistId);
  }

  return {
    async enter() {
      byId('allowlists').hidden = true;
      openLocation = null;
      await load();
    },
  };
}
