// Controllers: health, last seen, counters, last error; add, rename, grow/shrink, replace, remove;
// mDNS scan and adding what it found.
import { call, get } from './api.js';
import { KeyedRows, actionsCell, badge, byId, fill, h, showProblem } from './dom.js';
import { ask } from './dialogs.js';
import { showFailure, showSuccess } from './result.js';
import { ago, transport } from './format.js';

const BOARD_PROTOCOLS = [
  { value: 'kerong-cu16', label: 'Kerong CU16 / CU12 (kerong-cu16)' },
  { value: 'kerong-cu48', label: 'Kerong CU48 (kerong-cu48)' },
  { value: 'xor8a', label: 'xor8a' },
];
const TRANSPORTS = [
  { value: 'serial', label: 'Serial line (RS-485)' },
  { value: 'tcp', label: 'TCP (network board or bridge)' },
  { value: 'simulated', label: 'Simulated board (for trying things out)' },
];

export function controllersView(gateway) {
  let details = new Map();
  const rows = new KeyedRows(byId('controller-rows'), makeRow);

  function makeRow(item) {
    const actions = actionsCell();
    const row = h('tr', { 'data-testid': 'controller-row', dataset: { controllerId: item.key } },
      h('th', { scope: 'row' }), h('td'), h('td', { class: 'num' }), h('td'), h('td'), h('td', { class: 'num' }),
      h('td'), actions);
    const button = (label, action, testid) => {
      const b = h('button', { type: 'button', class: 'secondary', 'data-testid': testid }, label);
      b.addEventListener('click', () => action(item.key));
      return b;
    };
    row.buttons = {
      rename: button('Rename', rename, 'controller-rename'),
      resize: button('Locker count', resize, 'controller-resize'),
      replace: button('Replace board', replace, 'controller-replace'),
      remove: button('Remove', remove, 'controller-remove'),
    };
    row.buttons.remove.className = 'danger';
    fill(actions.actions, ...Object.values(row.buttons));
    return row;
  }

  function update(row, { controller }) {
    const [name, connection, count, health, seen, counters, lastError] = row.cells;
    const stats = controller.stats || {};
    const remote = controller.protocol === 'bikeep';
    fill(name, controller.name, h('span', { class: 'sub' }, `#${controller.controllerId} · ${controller.protocol}`));
    fill(connection, transport(controller.transport),
      controller.boardAddress === null ? null : h('span', { class: 'sub' }, `board address ${controller.boardAddress}`));
    fill(count, String(controller.lockerCount));
    fill(health, controller.online ? badge('ok', 'Online') : badge('bad', 'Offline'),
      h('span', { class: 'sub' }, controller.health));
    fill(seen, ago(controller.lastSeenAt));
    fill(counters, `${stats.opens ?? '—'} / ${stats.failures ?? '—'}`);
    fill(lastError, stats.lastError ? [stats.lastError, h('span', { class: 'sub' }, ago(stats.lastErrorAt))] : '—');
    const label = `controller ${controller.name}`;
    row.buttons.rename.setAttribute('aria-label', `Rename ${label}`);
    row.buttons.resize.setAttribute('aria-label', `Change the number of lockers of ${label}`);
    row.buttons.replace.setAttribute('aria-label', `Replace the board of ${label}`);
    row.buttons.remove.setAttribute('aria-label', `Remove ${label}`);
    // A Bikeep location's devices decide its lockers, and there is no board to swap.
    row.buttons.resize.hidden = remote;
    row.buttons.replace.hidden = remote;
  }

  async function load() {
    try {
      const list = await get('/controllers');
      const full = await Promise.all(list.map((c) => get(`/controllers/${c.controllerId}`).catch(() => c)));
      details = new Map(full.map((c) => [c.controllerId, c]));
      showProblem(byId('controllers-problem'), null);
      rows.render(full.map((c) => ({ key: c.controllerId, controller: c })), update);
      byId('controllers-empty').hidden = full.length > 0;
    } catch (error) {
      showProblem(byId('controllers-problem'), error);
      throw error;
    }
  }

  async function add() {
    const bankTypes = await get('/bank-types').catch(() => []);
    const protocols = gateway.bikeepOn
      ? [...BOARD_PROTOCOLS, { value: 'bikeep', label: 'Bikeep location (cloud)' }]
      : BOARD_PROTOCOLS;
    const board = (v) => v.protocol !== 'bikeep';
    const added = await ask({
      title: 'Add a controller',
      body: ['Its lockers are created at once and can be given to transactions when it answers.'],
      confirmLabel: 'Add',
      fields: [
        { name: 'name', label: 'Name', required: true, hint: 'For example: Tower A' },
        { name: 'protocol', label: 'Protocol', type: 'select', options: protocols },
        { name: 'transport', label: 'Connection', type: 'select', options: TRANSPORTS, showIf: board },
        { name: 'serialPort', label: 'Serial port', value: '/dev/ttyUSB0', showIf: (v) => board(v) && v.transport === 'serial' },
        { name: 'baudRate', label: 'Baud rate (empty: the board’s factory setting)', type: 'number', showIf: (v) => board(v) && v.transport === 'serial' },
        { name: 'host', label: 'Host', showIf: (v) => board(v) && v.transport === 'tcp' },
        { name: 'tcpPort', label: 'TCP port', type: 'number', min: 1, max: 65535, showIf: (v) => board(v) && v.transport === 'tcp' },
        { name: 'bus', label: 'Simulated bus', hint: 'Empty: a bus of its own. Boards with the same bus name share one simulated line', showIf: (v) => board(v) && v.transport === 'simulated' },
        { name: 'boardAddress', label: 'Board address', type: 'number', value: 0, hint: 'xor8a 1–32, kerong-cu16 0–9, kerong-cu48 0–255', showIf: board },
        {
          name: 'bank', label: 'Lockers', type: 'select', showIf: board,
          options: [{ value: 'count', label: 'A number of lockers of the default type' },
            ...bankTypes.map((b) => ({ value: String(b.bankTypeId), label: `Bank type: ${b.friendlyName} (${b.lockerCount} lockers)` }))],
        },
        { name: 'lockerCount', label: 'Number of lockers', type: 'number', min: 1, value: 16, showIf: (v) => board(v) && v.bank === 'count' },
        { name: 'locationId', label: 'Bikeep location id', showIf: (v) => v.protocol === 'bikeep' },
      ],
      submit: (v) => call('POST', '/controllers', createRequest(v)),
    });
    if (added) {
      showSuccess(`Controller ${added.body.name} added with ${added.body.lockerCount} lockers.`
        + (added.body.online ? '' : ' Its lockers are given out once its board has answered.'));
    }
    await load().catch(() => {});
  }

  async function rename(controllerId) {
    const controller = details.get(controllerId);
    const renamed = await ask({
      title: `Rename controller ${controller.name}`,
      confirmLabel: 'Rename',
      fields: [{ name: 'name', label: 'New name', value: controller.name, required: true }],
      submit: (v) => call('PATCH', `/controllers/${controllerId}`, { name: v.name }),
    });
    if (renamed) {
      showSuccess(`Controller renamed to ${renamed.body.name}.`);
    }
    await load().catch(() => {});
  }

  async function resize(controllerId) {
    const controller = details.get(controllerId);
    const resized = await ask({
      title: `Lockers of ${controller.name}`,
      body: [`It has ${controller.lockerCount} lockers. Growing adds lockers of the default type;`
        + ' shrinking removes the highest-numbered ones, and is refused while one of them holds a transaction.'],
      confirmLabel: 'Change',
      fields: [{ name: 'lockerCount', label: 'Number of lockers', type: 'number', min: 1, value: controller.lockerCount, required: true }],
      submit: (v) => call('PATCH', `/controllers/${controllerId}/locker-count`, { lockerCount: toNumber(v.lockerCount) }),
    });
    if (resized) {
      const r = resized.body;
      showSuccess(`${controller.name}: ${r.previousCount} → ${r.lockerCount} lockers`
        + (r.addedLockerIds.length ? `; added ${r.addedLockerIds.join(', ')}` : '')
        + (r.removedLockerIds.length ? `; removed ${r.removedLockerIds.join(', ')}` : '') + '.');
    }
    await load().catch(() => {});
  }

  async function replace(controllerId) {
    const controller = details.get(controllerId);
    const t = controller.transport || {};
    const replaced = await ask({
      title: `Replace the board of ${controller.name}`,
      body: ['The new board takes over the same lockers: their numbers, types, states and transactions stay as they are.'],
      confirmLabel: 'Replace',
      fields: [
        { name: 'transport', label: 'Connection of the new board', type: 'select', options: TRANSPORTS, value: t.type },
        { name: 'serialPort', label: 'Serial port', value: t.type === 'serial' ? t.port : '/dev/ttyUSB0', showIf: (v) => v.transport === 'serial' },
        { name: 'baudRate', label: 'Baud rate (empty: the board’s factory setting)', type: 'number', value: t.baudRate, showIf: (v) => v.transport === 'serial' },
        { name: 'host', label: 'Host', value: t.host, showIf: (v) => v.transport === 'tcp' },
        { name: 'tcpPort', label: 'TCP port', type: 'number', value: t.type === 'tcp' ? t.port : null, showIf: (v) => v.transport === 'tcp' },
        { name: 'bus', label: 'Simulated bus', value: t.bus, showIf: (v) => v.transport === 'simulated' },
        { name: 'boardAddress', label: 'Board address of the new board', type: 'number', value: controller.boardAddress },
      ],
      submit: (v) => call('POST', `/controllers/${controllerId}/replace`, {
        transport: transportOf(v), boardAddress: toNumber(v.boardAddress),
      }),
    });
    if (replaced) {
      showSuccess(`${controller.name} now drives its lockers through ${transport(replaced.body.transport)}.`);
    }
    await load().catch(() => {});
  }

  async function remove(controllerId) {
    const controller = await get(`/controllers/${controllerId}`);
    const lockers = controller.lockers || [];
    const held = lockers.filter((l) => l.transactionId);
    const body = [`This removes ${controller.name} and its ${lockers.length} lockers`
      + (lockers.length ? ` (${lockers.map((l) => `#${l.lockerId}`).join(', ')})` : '') + '.'];
    if (held.length) {
      body.push(`${held.length} active transactions will be released: ${held.map((l) => l.transactionId).join(', ')}.`
        + ' Their customers can no longer open those doors through Harbor.');
    }
    const removed = await ask({
      title: `Remove controller ${controller.name}?`,
      body,
      confirmLabel: held.length ? 'Remove and release' : 'Remove',
      danger: true,
      submit: () => call('DELETE', `/controllers/${controllerId}${held.length ? '?force=true' : ''}`),
    });
    if (removed) {
      showSuccess(`Controller ${controller.name} removed with its ${lockers.length} lockers.`);
    }
    await load().catch(() => {});
  }

  async function scan() {
    const button = byId('controller-scan');
    button.disabled = true;
    fill(button, 'Scanning…');
    try {
      const { body } = await call('POST', '/controllers/scan?timeoutMs=3000');
      showScan(body);
    } catch (error) {
      showFailure(error, 'The scan failed');
    } finally {
      button.disabled = false;
      fill(button, 'Scan the network (mDNS)');
    }
  }

  function showScan(result) {
    const box = byId('scan-results');
    const fresh = result.discovered.filter((d) => !d.alreadyKnown);
    const list = h('ul', {}, result.discovered.map((d) => h('li', {},
      d.alreadyKnown ? badge('info', 'already added') : badge('ok', 'new'), ' ',
      `${d.name || 'unnamed'} at ${d.host}:${d.port}, ${d.protocol || 'unknown protocol'}, board address ${d.boardAddress}, ${d.locks} locks`)));
    const addButton = h('button', { type: 'button', id: 'scan-add' }, `Add the ${fresh.length} new boards`);
    addButton.hidden = fresh.length === 0;
    addButton.addEventListener('click', async () => {
      addButton.disabled = true;
      try {
        const { body } = await call('POST', '/controllers/scan?timeoutMs=3000&add=true');
        const skipped = body.skipped || [];
        showSuccess(`Added ${body.added.length} controllers`
          + (skipped.length ? `; skipped ${skipped.map((s) => `${s.host}:${s.port} (${s.reason})`).join(', ')}` : '') + '.');
        box.hidden = true;
        await load();
      } catch (error) {
        showFailure(error, 'Adding the boards failed');
      } finally {
        addButton.disabled = false;
      }
    });
    fill(box, h('h2', {}, `The scan found ${result.discovered.length} boards`), list, addButton);
    box.hidden = false;
  }

  byId('controller-add').addEventListener('click', () => add().catch((error) => showFailure(error)));
  byId('controller-scan').addEventListener('click', scan);

  return { enter: load, refresh: load };
}

function toNumber(text) {
  return text === '' || text === undefined ? null : Number(text);
}

function transportOf(v) {
  switch (v.transport) {
    case 'serial': return v.baudRate ? { type: 'serial', port: v.serialPort, baudRate: toNumber(v.baudRate) } : { type: 'serial', port: v.serialPort };
    case 'tcp': return { type: 'tcp', host: v.host, port: toNumber(v.tcpPort) };
    default: return v.bus ? { type: 'simulated', bus: v.bus } : { type: 'simulated' };
  }
}

/** The request body of POST /controllers from the form: only the fields the API expects. */
function createRequest(v) {
  if (v.protocol === 'bikeep') {
    return { name: v.name, protocol: 'bikeep', transport: { type: 'bikeep', locationId: v.locationId } };
  }
  const request = { name: v.name, protocol: v.protocol, transport: transportOf(v), boardAddress: toNumber(v.boardAddress) };
  if (v.bank === 'count') {
    request.lockerCount = toNumber(v.lockerCount);
  } else {
    request.bankTypeId = toNumber(v.bank);
  }
  return request;
}
