// The system log and the audit trail (the audit entries are the log lines of logger "audit"),
// newest first, filtered by level, refreshed every 2 s while "Refresh" is ticked.
import { get } from './api.js';
import { badge, byId, fill, h, showProblem } from './dom.js';
import { time } from './format.js';

const LEVEL_KINDS = { ERROR: 'bad', WARN: 'warn', INFO: 'info', DEBUG: 'info', TRACE: 'info' };

export function logsView() {
  async function load() {
    const level = byId('log-level').value;
    const query = new URLSearchParams({ limit: '200' });
    if (level) {
      query.set('level', level);
    }
    try {
      let entries = await get(`/system/logs?${query}`);
      if (byId('log-audit').checked) {
        entries = entries.filter((e) => e.logger === 'audit');
      }
      showProblem(byId('logs-problem'), null);
      fill(byId('log-rows'), entries.map((e) => h('tr', { 'data-testid': 'logs-row', class: e.logger === 'audit' ? 'audit' : null },
        h('td', { class: 'nowrap' }, time(e.timestamp)),
        h('td', {}, badge(LEVEL_KINDS[e.level] || 'info', e.level)),
        h('td', { class: 'mono nowrap' }, e.logger === 'audit' ? 'audit trail' : shortLogger(e.logger)),
        h('td', { class: 'message' }, e.message, e.error ? h('pre', { class: 'error-text' }, e.error) : null))));
      byId('logs-empty').hidden = entries.length > 0;
    } catch (error) {
      showProblem(byId('logs-problem'), error);
      throw error;
    }
  }

  byId('log-filters').addEventListener('change', () => load().catch(() => {}));
  byId('log-filters').addEventListener('submit', (event) => event.preventDefault());

  return {
    enter: load,
    async refresh() {
      if (byId('log-follow').checked) {
        await load();
      }
    },
  };
}

/** dev.harbor.application.locker.DoorOpener reads as DoorOpener; the full name is in the title. */
function shortLogger(logger) {
  if (!logger) {
    return '—';
  }
  const span = h('span', { title: logger }, logger.substring(logger.lastIndexOf('.') + 1));
  return span;
}
