// The gateway's own health: status, version, uptime, storage, network, devices' heartbeats.
import { call, get } from './api.js';
import { badge, byId, fill, h, showProblem } from './dom.js';
import { ago, duration, time } from './format.js';

const HEALTH_KINDS = { HEALTHY: 'ok', UNHEALTHY: 'warn', DEAD: 'bad', LONG_DEAD: 'bad' };

export function healthView(gateway) {
  async function load() {
    try {
      const [health, system, devices] = await Promise.all([
        healthOf(), gateway.reloadSystem(), get('/system/devices'),
      ]);
      showProblem(byId('health-problem'), null);
      const status = { UP: badge('ok', 'UP'), DEGRADED: badge('warn', 'DEGRADED'), DOWN: badge('bad', 'DOWN') };
      const facts = [
        ['Status', status[health.status] || health.status],
        ['Database', health.database === 'UP' ? badge('ok', `${system.storage}, up`) : badge('bad', `${system.storage}, down`)],
        ['Version', system.version],
        ['Up for', `${duration(system.uptimeSeconds)} (since ${time(system.startedAt)})`],
        ['Host name', system.hostname || '—'],
        ['Gateway id', system.gatewayId],
        ['Controllers', `${system.controllers.online} of ${system.controllers.total} online`],
        ['Lockers', `${system.lockers.total} · ${system.lockers.available} free · ${system.lockers.occupied} in use · ${system.lockers.outOfService} out of service`],
      ];
      fill(byId('health-facts'), facts.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
      fill(byId('network-rows'), system.network.interfaces.map((i) => h('tr', {},
        h('th', { scope: 'row' }, i.name), h('td', { class: 'mono' }, i.ipv4 || '—'),
        h('td', { class: 'mono' }, i.ipv6 || '—'), h('td', { class: 'mono' }, i.mac || '—'))));
      fill(byId('device-rows'), devices.map((d) => h('tr', {},
        h('th', { scope: 'row' }, d.deviceId), h('td', {}, d.deviceType || '—'), h('td', {}, d.status || '—'),
        h('td', {}, d.softwareVersion || '—'), h('td', {}, ago(d.lastHeartbeatAt)),
        h('td', {}, badge(HEALTH_KINDS[d.health] || 'info', d.health)))));
      byId('devices-empty').hidden = devices.length > 0;
    } catch (error) {
      showProblem(byId('health-problem'), error);
      throw error;
    }
  }

  byId('network-refresh').addEventListener('click', async () => {
    try {
      await call('POST', '/system/network/refresh');
      await load();
    } catch (error) {
      showProblem(byId('health-problem'), error);
    }
  });

  return { enter: load, refresh: load };
}

/** GET /health answers 503 with its body when the database is down: that is a result, not a failure. */
async function healthOf() {
  try {
    return await get('/health');
  } catch (error) {
    if (error.status === 503 && error.body && error.body.status) {
      return error.body;
    }
    throw error;
  }
}
