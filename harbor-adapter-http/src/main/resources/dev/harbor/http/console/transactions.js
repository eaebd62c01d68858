// Active transactions, oldest first; release one (the locker becomes free, no door is touched).
import { call, get } from './api.js';
import { KeyedRows, actionsCell, byId, fill, h, showProblem } from './dom.js';
import { ask } from './dialogs.js';
import { showFailure, showSuccess } from './result.js';
import { ago, time } from './format.js';

export function transactionsView() {
  const rows = new KeyedRows(byId('transaction-rows'), makeRow);

  function makeRow(item) {
    const release = h('button', { type: 'button', class: 'secondary', 'data-testid': 'transaction-release' }, 'Release');
    release.addEventListener('click', () => releaseTransaction(item.key));
    const row = h('tr', { 'data-testid': 'transaction-row', dataset: { transactionId: item.key } },
      h('th', { scope: 'row', class: 'mono' }), h('td'), h('td'), h('td'), h('td', { class: 'num' }),
      actionsCell(release));
    row.release = release;
    return row;
  }

  function update(row, { transaction }) {
    const [id, locker, type, created, opens] = row.cells;
    fill(id, transaction.transactionId);
    fill(locker, `#${transaction.lockerId}`);
    fill(type, transaction.lockerType || '—');
    fill(created, time(transaction.createdAt), h('span', { class: 'sub' }, ago(transaction.createdAt)));
    fill(opens, String(transaction.openCount ?? '—'));
    row.release.setAttribute('aria-label', `Release transaction ${transaction.transactionId}`);
  }

  async function load() {
    try {
      const transactions = await get('/transactions');
      showProblem(byId('transactions-problem'), null);
      rows.render(transactions.map((t) => ({ key: t.transactionId, transaction: t })), update);
      byId('transactions-empty').hidden = transactions.length > 0;
    } catch (error) {
      showProblem(byId('transactions-problem'), error);
      throw error;
    }
  }

  async function releaseTransaction(transactionId) {
    const released = await ask({
      title: `Release transaction ${transactionId}?`,
      body: ['Its locker becomes free for the next customer. No door of a Harbor board is opened.',
        'Whatever is still inside stays there, but the transaction can no longer open the door.',
        'On a Bikeep device that holds an item, Bikeep force-unlocks it.'],
      confirmLabel: 'Release',
      danger: true,
      submit: () => call('DELETE', `/transactions/${encodeURIComponent(transactionId)}`),
    });
    if (released) {
      showSuccess(`Transaction ${transactionId} released.`);
    }
    await load().catch((error) => showFailure(error));
  }

  return { enter: load, refresh: load };
}
