// Every locker at a glance, with filters; maintenance open, out of service and back; open-all.
import { call, get } from './api.js';
import { KeyedRows, actionsCell, badge, byId, fill, h, showProblem } from './dom.js';
import { ask } from './dialogs.js';
import { showDoorResults, showFailure, showSuccess } from './result.js';

export const REASON_CODES = [
  ['MANUAL_DISABLE', 'Disabled by hand'],
  ['MAINTENANCE', 'Maintenance'],
  ['HARDWARE_FAILURE', 'Hardware failure'],
  ['DOOR_SENSOR_FAULT', 'Door sensor fault'],
  ['VANDALISM', 'Vandalism'],
  ['OTHER', 'Other'],
];

export function lockersView(gateway) {
  let lockers = [];
  let controllers = new Map();
  const opening = new Set();
  const rows = new KeyedRows(byId('locker-rows'), makeRow);

  function makeRow(item) {
    const open = h('button', { type: 'button', 'data-testid': 'locker-open' }, 'Open');
    open.addEventListener('click', () => openDoor(item.key));
    const service = h('button', { type: 'button', class: 'secondary', 'data-testid': 'locker-service' });
    service.addEventListener('click', () => changeService(item.key));
    const row = h('tr', { 'data-testid': 'locker-row', dataset: { lockerId: item.key } },
      h('th', { scope: 'row', class: 'locker-id' }), h('td'), h('td'),
      h('td', { 'data-testid': 'locker-state' }), h('td'), h('td'), h('td', { class: 'mono' }),
      actionsCell(open, service));
    row.buttons = { open, service };
    return row;
  }

  function update(row, { locker }) {
    const [id, controller, type, state, door, service, transaction] = row.cells;
    const controllerName = controllers.get(locker.controllerId);
    fill(id, `#${locker.lockerId}`, h('span', { class: 'sub' }, `no. ${locker.bankLockerNumber}`));
    fill(controller, controllerName || `Controller ${locker.controllerId}`);
    fill(type, locker.lockerType ? locker.lockerType.name : '—');
    fill(state, stateBadge(locker));
    fill(door, doorBadge(locker.doorOpen));
    fill(service, serviceBadge(locker));
    fill(transaction, locker.transactionId || '—');
    const label = `locker ${locker.lockerId}`;
    row.buttons.open.disabled = opening.has(locker.lockerId);
    row.buttons.open.textContent = opening.has(locker.lockerId) ? 'Opening…' : 'Open';
    row.buttons.open.setAttribute('aria-label', `Open the door of ${label}`);
    row.buttons.service.textContent = locker.outOfService ? 'Back in service' : 'Out of service';
    row.buttons.service.setAttribute('aria-label',
      locker.outOfService ? `Put ${label} back in service` : `Take ${label} out of service`);
    row.classList.toggle('problem-row', isProblem(locker));
  }

  async function load() {
    const [lockerList, controllerList] = await Promise.all([get('/lockers'), get('/controllers')]);
    lockers = lockerList;
    controllers = new Map(controllerList.map((c) => [c.controllerId, c.name]));
    showProblem(byId('lockers-problem'), null);
    fillFilter(byId('filter-controller'), controllerList.map((c) => [String(c.controllerId), c.name]));
    render();
  }

  function render() {
    const controllerId = byId('filter-controller').value;
    const type = byId('filter-type').value;
    const problemsOnly = byId('filter-problems').checked;
    const shown = lockers.filter((l) => (!controllerId || String(l.controllerId) === controllerId)
      && (!type || (l.lockerType && l.lockerType.slug === type))
      && (!problemsOnly || isProblem(l)));
    rows.render(shown.map((locker) => ({ key: locker.lockerId, locker })), update);
    byId('lockers-empty').hidden = shown.length > 0;
    const available = lockers.filter((l) => l.available).length;
    const occupied = lockers.filter((l) => l.transactionId).length;
    const out = lockers.filter((l) => l.outOfService).length;
    fill(byId('locker-summary'), `${lockers.length} lockers · ${available} free · ${occupied} in use · ${out} out of service`);
  }

  async function openDoor(lockerId) {
    const locker = lockers.find((l) => l.lockerId === lockerId);
    const holding = locker && locker.transactionId
      ? `It holds transaction ${locker.transactionId}: whatever is inside can be taken.`
      : 'No transaction holds it.';
    const remote = locker && locker.external
      ? ['This is a Bikeep device: Bikeep force-unlocks it, which ends the booking or session on it.']
      : [];
    const confirmed = await ask({
      title: `Open locker ${lockerId}?`,
      body: ['This opens the door whatever the locker holds (maintenance open).', holding, ...remote],
      confirmLabel: 'Open the door',
      danger: true,
    });
    if (!confirmed) {
      return;
    }
    opening.add(lockerId);
    render();
    try {
      const { body } = await call('POST', `/lockers/${lockerId}/open`);
      showDoorResults(`Locker ${lockerId}: ${body.message || 'opened'}`, [body]);
    } catch (error) {
      showFailure(error, `Locker ${lockerId} did not open`);
    } finally {
      opening.delete(lockerId);
      await load().catch(() => {});
    }
  }

  async function changeService(lockerId) {
    const locker = lockers.find((l) => l.lockerId === lockerId);
    if (locker && locker.outOfService) {
      const back = await ask({
        title: `Put locker ${lockerId} back in service?`,
        body: [`It was taken out: ${locker.reasonCode}${locker.reason ? ` (${locker.reason})` : ''}.`,
          'New transactions may be given this locker again.'],
        confirmLabel: 'Back in service',
        submit: () => call('PATCH', `/lockers/${lockerId}`, { outOfService: false }),
      });
      if (back) {
        showSuccess(`Locker ${lockerId} is back in service.`);
      }
    } else {
      const taken = await ask({
        title: `Take locker ${lockerId} out of service?`,
        body: ['No new transaction will be given this locker. A transaction it holds is kept.'],
        confirmLabel: 'Take out of service',
        fields: [
          { name: 'reasonCode', label: 'Reason', type: 'select', options: REASON_CODES.map(([value, label]) => ({ value, label })) },
          { name: 'reason', label: 'Note (optional)', hint: 'For example: hinge broken' },
        ],
        submit: (values) => call('PATCH', `/lockers/${lockerId}`, {
          outOfService: true, reasonCode: values.reasonCode, reason: values.reason || null,
        }),
      });
      if (taken) {
        showSuccess(`Locker ${lockerId} is out of service.`);
      }
    }
    await load().catch(() => {});
  }

  async function openAll() {
    const name = gateway.name();
    const own = lockers.filter((l) => !l.external).length;
    const remote = lockers.length - own;
    const confirmed = await ask({
      title: 'Open every door?',
      body: [`This opens all ${own} doors of ${name}'s own boards, occupied or not.`,
        'Parcels and bikes inside can then be taken by anyone standing there.',
        ...(remote ? [`The ${remote} Bikeep devices are left out.`] : [])],
      typed: name,
      confirmLabel: 'Open every door',
      danger: true,
    });
    if (!confirmed) {
      return;
    }
    const button = byId('open-all');
    button.disabled = true;
    fill(button, 'Opening every door…');
    try {
      const { body } = await call('POST', '/lockers/open-all');
      showDoorResults(`${body.succeeded} of ${body.total} doors opened, ${body.failed} failed`, body.results);
    } catch (error) {
      showFailure(error, 'Open-all failed');
    } finally {
      button.disabled = false;
      fill(button, 'Open all doors…');
      await load().catch(() => {});
    }
  }

  byId('locker-filters').addEventListener('change', render);
  byId('locker-filters').addEventListener('submit', (event) => event.preventDefault());
  byId('open-all').addEventListener('click', openAll);

  return {
    async enter() {
      try {
        const types = await get('/locker-types');
        fillFilter(byId('filter-type'), types.map((t) => [t.slug, t.name]));
        await load();
      } catch (error) {
        showProblem(byId('lockers-problem'), error);
        throw error;
      }
    },
    async refresh() {
      try {
        await load();
      } catch (error) {
        showProblem(byId('lockers-problem'), error);
        throw error;
      }
    },
  };
}

/** Out of service, offline or standing open: what "Problems only" shows. */
function isProblem(locker) {
  return locker.outOfService || !locker.operational || locker.doorOpen === true;
}

function stateBadge(locker) {
  const kinds = { UNLOCKED: 'ok', BOOKED: 'info', LOCKED: 'info', ALLOCATED: 'warn', LOCKING: 'warn', UNLOCKING: 'warn' };
  return badge(kinds[locker.state] || 'info', locker.state);
}

function doorBadge(doorOpen) {
  if (doorOpen === null || doorOpen === undefined) {
    return h('span', { class: 'muted' }, 'unknown');
  }
  return doorOpen ? badge('warn', 'open') : badge('ok', 'closed');
}

function serviceBadge(locker) {
  const parts = [];
  if (locker.outOfService) {
    parts.push(badge('bad', `Out of service: ${locker.reasonCode}`));
    if (locker.reason) {
      parts.push(h('span', { class: 'sub' }, locker.reason));
    }
  } else {
    parts.push(badge('ok', 'In service'));
  }
  if (!locker.operational) {
    parts.push(badge('bad', 'Offline'));
  }
  return parts;
}

/** Keeps the chosen option when the choices are re-read. */
function fillFilter(select, choices) {
  const chosen = select.value;
  const signature = JSON.stringify(choices);
  if (select.dataset.signature === signature) {
    return;
  }
  select.dataset.signature = signature;
  fill(select, h('option', { value: '' }, 'All'), choices.map(([value, label]) => h('option', { value }, label)));
  select.value = choices.some(([value]) => value === chosen) ? chosen : '';
}
