// Runtime settings (PATCH /system): name, door-open policy, heartbeat thresholds, log level. The
// form is filled when the view opens and never overwritten while the operator types; only the
// groups that changed are sent, so another admin's change to something else is not undone.
import { call } from './api.js';
import { byId } from './dom.js';
import { showFailure, showSuccess } from './result.js';

const NUMBER_FIELDS = {
  doorOpenPolicy: { attemptTimeoutMs: 'set-attempt-timeout', maxAttempts: 'set-max-attempts', delayMs: 'set-delay' },
  heartbeat: { unhealthyAfterMs: 'set-unhealthy', deadAfterMs: 'set-dead', longDeadAfterMs: 'set-long-dead' },
};

export function settingsView(gateway) {
  let saved = null;

  function show(config) {
    saved = config;
    byId('set-name').value = config.name;
    byId('set-log-level').value = config.logLevel;
    for (const [group, fields] of Object.entries(NUMBER_FIELDS)) {
      for (const [field, id] of Object.entries(fields)) {
        byId(id).value = String(config[group][field]);
      }
    }
  }

  function changes() {
    const patch = {};
    const name = byId('set-name').value.trim();
    if (name !== saved.name) {
      patch.name = name;
    }
    const level = byId('set-log-level').value;
    if (level !== saved.logLevel) {
      patch.logLevel = level;
    }
    for (const [group, fields] of Object.entries(NUMBER_FIELDS)) {
      const values = Object.fromEntries(Object.entries(fields).map(([field, id]) => [field, numberOf(byId(id).value)]));
      if (Object.entries(values).some(([field, value]) => value !== saved[group][field])) {
        patch[group] = values;
      }
    }
    return patch;
  }

  byId('settings-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const patch = changes();
    if (Object.keys(patch).length === 0) {
      showSuccess('Nothing changed: the settings are as saved.');
      return;
    }
    const button = document.querySelector('[data-testid="settings-save"]');
    button.disabled = true;
    try {
      const { body } = await call('PATCH', '/system', patch);
      show(body.config);
      await gateway.reloadSystem().catch(() => {});
      showSuccess(`Settings saved: ${Object.keys(patch).join(', ')}. They apply at once and survive a restart.`);
    } catch (error) {
      showFailure(error, 'The settings were not saved');
    } finally {
      button.disabled = false;
    }
  });
  byId('settings-reset').addEventListener('click', () => saved && show(saved));

  return {
    async enter() {
      try {
        show((await gateway.reloadSystem()).config);
      } catch (error) {
        showFailure(error, 'The settings could not be read');
        throw error;
      }
    },
  };
}

/** An empty or non-numeric field goes out as null, which the API refuses with a clear 400. */
function numberOf(text) {
  const trimmed = text.trim();
  return trimmed === '' || Number.isNaN(Number(trimmed)) ? null : Number(trimmed);
}
