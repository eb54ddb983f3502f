// Dead letters: every service's parked events (its /{tier}/{api}/messaging/dead-letters routes), inspected with their
// error and CloudEvent, replayed or discarded with a reason.
import { get, post } from './api.js';
import { ago, badge, empty, fill, h, loading, problem, table, when } from './dom.js';
import { confirmAction } from './dialog.js';

const statuses = { Open: 'Open', ReplayRequested: 'Replay requested', Replayed: 'Replayed', Discarded: 'Discarded', '': 'Any status' };

export async function render(main) {
  const query = new URLSearchParams(location.hash.split('?')[1] || '');
  const status = statuses[query.get('status') ?? 'Open'] !== undefined ? (query.get('status') ?? 'Open') : 'Open';
  const content = h('div', {}, loading('Reading the dead letters of every service…'));
  main.append(
    h('h1', {}, 'Dead letters'),
    h('p', { class: 'lead' }, 'Events a consumer kept failing on, parked after their last attempt. Inspect the error and the event, ' +
      'replay it once the cause is fixed, or discard it with a reason.'),
    h('div', { class: 'filters' }, h('label', {}, 'Status', h('select', {
      id: 'dead-letter-status', onchange: event => { location.hash = `#/dead-letters?status=${event.target.value}`; },
    }, Object.entries(statuses).map(([key, label]) => h('option', { value: key, selected: key === status }, label))))),
    content);

  const apis = (await get('/admin/apis')).sort((a, b) => a.name.localeCompare(b.name));
  const results = await Promise.all(apis.map(api => {
    const base = `/${api.tier}/${api.name}/messaging`;
    return get(`${base}/dead-letters?limit=200${status ? `&status=${status}` : ''}`, { optional: true })
      .then(letters => (letters ?? []).map(letter => ({ api: api.name, base, letter })), error => ({ api: api.name, error }));
  }));
  const failures = results.filter(r => !Array.isArray(r));
  if (failures.some(r => r.error.status === 403)) throw failures.find(r => r.error.status === 403).error;
  const letters = results.filter(Array.isArray).flat().sort((a, b) => new Date(b.letter.deadLetteredAt) - new Date(a.letter.deadLetteredAt));
  const detail = h('div', { class: 'detail', id: 'dead-letter-detail' });
  const refresh = () => { main.replaceChildren(); return render(main); };

  fill(content,
    failures.map(r => problem(r.error, `${r.api}'s dead letters could not be read`)),
    letters.length
      ? h('div', { class: 'split' },
        table(['Event', 'Consumer group', 'Status', { text: 'Attempts', attributes: { class: 'num' } }, 'Dead-lettered'], letters.map(row => h('tr', {
          class: 'selectable', dataset: { api: row.api, id: String(row.letter.id), type: row.letter.type, subject: row.letter.subject },
          onclick: event => {
            event.currentTarget.parentElement.querySelectorAll('tr.selected').forEach(r => r.classList.remove('selected'));
            event.currentTarget.classList.add('selected');
            inspect(detail, row, refresh);
          },
        },
        h('td', {}, h('strong', {}, row.letter.type), h('div', { class: 'sub' }, `${row.api} #${row.letter.id} · ${row.letter.subject}`)),
        h('td', {}, row.letter.group),
        h('td', {}, badge(statuses[row.letter.status] ?? row.letter.status, row.letter.status)),
        h('td', { class: 'num' }, row.letter.attempts),
        h('td', {}, ago(row.letter.deadLetteredAt))))),
        detail)
      : empty(status ? `No dead letter is ${statuses[status].toLowerCase()}.` : 'No service has a dead letter.'));
}

async function inspect(detail, row, refresh) {
  fill(detail, loading('Loading the dead letter…'));
  let letter;
  try {
    letter = await get(`${row.base}/dead-letters/${row.letter.id}`);
  } catch (error) {
    fill(detail, problem(error, 'The dead letter could not be read'));
    return;
  }
  const outcome = h('div', {});
  const summary = letter.summary;
  fill(detail, h('div', { class: 'panel' },
    h('h2', {}, `${row.api} dead letter #${summary.id}`),
    h('p', {}, badge(statuses[summary.status] ?? summary.status, summary.status), ` ${summary.type} for ${summary.group}`),
    h('table', { class: 'facts' }, h('tbody', {}, [
      ['Subject', summary.subject], ['Tenant', summary.tenant ?? '—'], ['Attempts', summary.attempts],
      ['First failure', when(summary.firstFailureAt)], ['Dead-lettered', when(summary.deadLetteredAt)], ['Replays', summary.replayCount],
      ['Replayed', when(letter.replayedAt)], ['Discarded', letter.discardedAt ? `${when(letter.discardedAt)}: ${letter.discardReason}` : '—'],
    ].map(([name, value]) => h('tr', {}, h('th', {}, name), h('td', {}, value))))),
    h('h3', {}, 'Last error'), h('pre', { id: 'dead-letter-error' }, letter.error),
    h('h3', {}, 'Event'), h('pre', {}, letter.event ? JSON.stringify(letter.event, null, 2) : 'The event could not be read.'),
    outcome,
    h('div', { class: 'buttons' },
      h('button', { dataset: { action: 'replay' }, disabled: summary.status === 'Discarded', onclick: () => act(row, 'replay', outcome, refresh) }, 'Replay'),
      h('button', { class: 'danger', dataset: { action: 'discard' }, disabled: summary.status !== 'Open', onclick: () => act(row, 'discard', outcome, refresh) }, 'Discard'))));
}

async function act(row, action, outcome, refresh) {
  const answer = await confirmAction(action === 'replay'
    ? { title: `Replay dead letter #${row.letter.id}?`, confirm: 'Replay', text: `${row.letter.group} handles the event again, within a second or so.` }
    : { title: `Discard dead letter #${row.letter.id}?`, confirm: 'Discard', text: 'The event is never handled; the dead letter stays for the record.' });
  if (!answer) {
    return;
  }
  try {
    await post(`${row.base}/dead-letters/${row.letter.id}/${action}`, { reason: answer.reason });
    await refresh();
    document.querySelector('main .lead')?.after(h('p', { class: 'notice', role: 'status' },
      `${row.api} dead letter #${row.letter.id} ${action === 'replay' ? 'is queued for replay' : 'is discarded'}.`));
  } catch (error) {
    fill(outcome, problem(error, action === 'replay' ? 'Not replayed' : 'Not discarded'));
  }
}
