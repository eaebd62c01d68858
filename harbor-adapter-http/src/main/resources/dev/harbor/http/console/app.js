// The admin console: log in, pick a view, keep it fresh every 2 s while the page is visible.
import { ApiError, call, get, login, logout, session } from './api.js';
import { byId, describe, fill, showProblem } from './dom.js';
import { clearResult } from './result.js';
import { lockersView } from './lockers.js';
import { transactionsView } from './transactions.js';
import { controllersView } from './controllers.js';
import { bikeepView } from './bikeep.js';
import { logsView } from './logs.js';
import { settingsView } from './settings.js';
import { healthView } from './health.js';

const REFRESH_MS = 2000;

/** What every view may ask of the console as a whole. */
const gateway = {
  system: null,
  bikeepOn: false,
  async reloadSystem() {
    gateway.system = await get('/system');
    fill(byId('gateway-name'), gateway.system.name);
    document.title = `${gateway.system.name} · Harbor admin`;
    return gateway.system;
  },
  name: () => (gateway.system ? gateway.system.name : 'Harbor'),
};

const views = {
  lockers: lockersView(gateway),
  transactions: transactionsView(gateway),
  controllers: controllersView(gateway),
  bikeep: bikeepView(gateway),
  logs: logsView(gateway),
  settings: settingsView(gateway),
  health: healthView(gateway),
};

let current = null;
let refreshing = false;

function viewFromHash() {
  const name = window.location.hash.replace('#', '');
  const link = document.querySelector(`#nav a[data-view="${CSS.escape(name)}"]`);
  return views[name] && link && !link.hidden ? name : 'lockers';
}

async function show(name) {
  current = name;
  for (const [viewName] of Object.entries(views)) {
    byId(`view-${viewName}`).hidden = viewName !== name;
  }
  document.querySelectorAll('#nav a').forEach((link) => {
    if (link.dataset.view === name) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  });
  await runSafely(() => views[name].enter());
}

async function tick() {
  if (refreshing || !current || !session.token() || document.visibilityState !== 'visible') {
    return;
  }
  const view = views[current];
  if (!view.refresh) {
    return;
  }
  refreshing = true;
  try {
    await runSafely(() => view.refresh());
  } finally {
    refreshing = false;
  }
}

/** A 401 is handled by the session listener; anything else a view did not catch is logged. */
async function runSafely(work) {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) {
      console.error(error);
    }
  }
}

/** notice: why the form is back (logged out, session ended), or null. */
function showLogin(notice) {
  if (byId('dialog').open) {
    // A question asked before the session ended can no longer be acted on.
    byId('dialog-cancel').click();
  }
  byId('console').hidden = true;
  byId('nav').hidden = true;
  byId('session').hidden = true;
  byId('login-view').hidden = false;
  current = null;
  showProblem(byId('login-error'), null);
  showProblem(byId('login-notice'), notice);
  byId('login-password').value = '';
  byId('login-username').focus();
}

async function showConsole() {
  byId('login-view').hidden = true;
  showProblem(byId('login-error'), null);
  showProblem(byId('login-notice'), null);
  byId('console').hidden = false;
  byId('nav').hidden = false;
  byId('session').hidden = false;
  fill(byId('session-user'), session.user() || '');
  clearResult();
  await runSafely(() => gateway.reloadSystem());
  await runSafely(detectBikeep);
  await show(viewFromHash());
}

/** The Bikeep view only where the integration is on: its routes answer 409 when it is off. */
async function detectBikeep() {
  let on = true;
  try {
    await call('GET', '/bikeep/locations');
  } catch (error) {
    on = !(error instanceof ApiError && error.status === 409);
  }
  gateway.bikeepOn = on;
  document.querySelector('#nav a[data-view="bikeep"]').hidden = !on;
}

/** On a phone the tables become cards: each cell carries its column's name, kept up to date here. */
function labelTableCells() {
  const label = () => document.querySelectorAll('table.grid').forEach((table) => {
    const names = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
    table.querySelectorAll('tbody tr').forEach((row) => {
      [...row.cells].forEach((cell, i) => {
        if (cell.tagName === 'TD' && names[i] && cell.dataset.label !== names[i]) {
          cell.dataset.label = names[i];
        }
      });
    });
  });
  // Attribute changes are not observed, so labelling never feeds itself.
  new MutationObserver(label).observe(byId('console'), { childList: true, subtree: true });
}

/** The result bar sticks just under the header, whose height changes with the width. */
function trackHeaderHeight() {
  const header = document.querySelector('.topbar');
  new ResizeObserver(() => {
    document.documentElement.style.setProperty('--topbar-height', `${header.offsetHeight}px`);
  }).observe(header);
}

function wire() {
  labelTableCells();
  trackHeaderHeight();
  byId('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const username = byId('login-username').value;
    const password = byId('login-password').value;
    if (!username || !password) {
      showProblem(byId('login-error'), { message: 'Enter your username and password' });
      return;
    }
    const button = byId('login-submit');
    button.disabled = true;
    showProblem(byId('login-error'), null);
    try {
      await login(username, password);
      await showConsole();
    } catch (error) {
      showProblem(byId('login-notice'), null);
      showProblem(byId('login-error'), error);
      byId('login-password').value = '';
      byId('login-password').focus();
    } finally {
      button.disabled = false;
    }
  });
  byId('logout').addEventListener('click', async () => {
    await logout();
    showLogin({ message: 'You are logged out.' });
  });
  session.onEnded((error) => showLogin({ message: `Your session has ended; log in again. ${describe(error)}` }));
  window.addEventListener('hashchange', () => {
    if (session.token()) {
      clearResult();
      show(viewFromHash());
    }
  });
  document.addEventListener('visibilitychange', tick);
  setInterval(tick, REFRESH_MS);
}

wire();
if (session.token()) {
  showConsole();
} else {
  showLogin(null);
}
