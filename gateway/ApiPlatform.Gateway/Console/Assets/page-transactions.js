// Transactions: stalled and failed workflow instances of the process APIs (quote-to-cash, procure-to-pay…) through
// each one's operations routes (/{tier}/{api}/workflows/…), with an instance's timeline, retry and cancel.
import { get, post } from './api.js';
import { ago, badge, empty, fill, h, loading, problem, table, when } from './dom.js';
import { confirmAction } from './dialog.js';

const failed = ['Compensating', 'Compensated', 'CompensationFailed', 'Cancelled'];

async function processApis() {
  const apis = await get('/admin/apis');
  return apis.filter(api => api.tier === 'process').map(api => ({ name: api.name, base: `/${api.tier}/${api.name}/workflows` }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function load(service) {
  const [stalled, page] = await Promise.all([get(`${service.base}/stalled`, { optional: true }), get(`${service.base}/instances?limit=200`, { optional: true })]);
  if (!stalled || !page) {
    return [];
  }
  const rows = new Map();
  for (const s of stalled) {
    rows.set(s.instance.id, { service, instance: s.instance, stalled: s });
  }
  for (const instance of page.items.filter(i => failed.includes(i.status) || i.error)) {
    if (!rows.has(instance.id)) rows.set(instance.id, { service, instance });
  }
  return [...rows.values()];
}

export async function render(main) {
  const content = h('div', {}, loading('Reading workflow instances…'));
  const detail = h('div', { class: 'detail', id: 'transaction-detail' });
  main.append(
    h('h1', {}, 'Transactions'),
    h('p', { class: 'lead' }, 'Business transactions that need someone: workflow instances stalled past their step\'s SLA, and ' +
      'those that failed, were compensated or cancelled. Open one for its timeline; retry or cancel it with a reason.'),
    content);

  const services = await processApis();
  const results = await Promise.all(services.map(service => load(service).then(rows => ({ service, rows }), error => ({ service, error }))));
  const errors = results.filter(r => r.error);
  if (errors.some(r => r.error.status === 403)) throw errors.find(r => r.error.status === 403).error;
  const rows = results.flatMap(r => r.rows ?? []).sort((a, b) => new Date(b.instance.updatedAt) - new Date(a.instance.updatedAt));

  fill(content,
    errors.map(r => problem(r.error, `${r.service.name} could not be read`)),
    rows.length
      ? h('div', { class: 'split' },
        table(['Instance', 'Status', 'Step', 'Updated'], rows.map(row => h('tr', {
          class: 'selectable', dataset: { instance: row.instance.id, service: row.service.name, status: row.instance.status, stalled: row.stalled ? 'true' : 'false' },
          onclick: event => { select(event.currentTarget); show(detail, row.service, row.instance.id, () => render(clearMain(main))); },
        },
        h('td', {}, h('strong', { class: 'key' }, row.instance.businessKey ?? row.instance.id),
          h('div', { class: 'sub' }, `${row.service.name} · ${row.instance.type}${row.instance.tenant ? ` · ${row.instance.tenant}` : ''}`)),
        h('td', {}, badge(row.instance.status), row.stalled ? [' ', badge('stalled', 'warn')] : null),
        h('td', {}, row.stalled ? [row.stalled.step, h('div', { class: 'sub' }, `waiting ${row.stalled.elapsed.split('.')[0]} (SLA ${row.stalled.sla.split('.')[0]})`)]
          : (row.instance.currentStep ?? '—'), row.instance.reason ? h('div', { class: 'sub' }, row.instance.reason) : null),
        h('td', {}, ago(row.instance.updatedAt))))),
        detail)
      : empty('No stalled or failed transaction. Everything is moving.'));
}

function clearMain(main) {
  main.replaceChildren();
  return main;
}

function select(row) {
  row.parentElement.querySelectorAll('tr.selected').forEach(r => r.classList.remove('selected'));
  row.classList.add('selected');
}

async function show(detail, service, id, refresh) {
  fill(detail, loading('Loading the timeline…'));
  let instance;
  try {
    instance = await get(`${service.base}/instances/${encodeURIComponent(id)}`);
  } catch (error) {
    fill(detail, problem(error, 'The instance could not be read'));
    return;
  }
  const outcome = h('div', {});
  const stepClass = status => ['Succeeded', 'Skipped'].includes(status) ? 'ok' : ['Failed', 'Refused'].includes(status) ? 'bad' : ['Running', 'Waiting', 'Retrying'].includes(status) ? 'warn' : '';
  fill(detail, h('div', { class: 'panel' },
    h('h2', { class: 'key' }, instance.businessKey ?? instance.id), h('p', { class: 'sub' }, `${service.name} · ${instance.type} · ${instance.id}`),
    h('p', {}, badge(instance.status), instance.currentStep ? ` at ${instance.currentStep}` : '', instance.waitingFor ? ` · waiting for ${instance.waitingFor}` : ''),
    instance.reason ? h('p', {}, instance.reason) : null,
    instance.error ? h('pre', {}, instance.error) : null,
    outcome,
    h('div', { class: 'buttons' },
      h('button', { dataset: { action: 'retry' }, onclick: () => act(service, instance, 'retry', outcome, refresh) }, 'Retry'),
      h('button', { class: 'danger', dataset: { action: 'cancel' }, onclick: () => act(service, instance, 'cancel', outcome, refresh) }, 'Cancel')),
    h('h3', {}, 'Timeline'),
    h('ol', { class: 'timeline', id: 'timeline' },
      instance.steps.map(step => h('li', { class: stepClass(step.status) },
        h('strong', {}, `${step.phase === 'Compensation' ? 'undo ' : ''}${step.name}`), ' ', badge(step.status, stepClass(step.status) || 'none'),
        h('div', { class: 'sub' }, step.startedAt ? when(step.startedAt) : 'not started', step.attempts > 1 ? ` · ${step.attempts} attempts` : ''),
        step.detail ? h('div', { class: 'sub' }, step.detail) : null,
        step.error ? h('div', { class: 'sub' }, step.error) : null))),
    h('h3', {}, 'History'),
    h('ol', { class: 'timeline' }, instance.history.map(entry => h('li', {},
      h('strong', {}, entry.kind), entry.actor ? ` by ${entry.actor}` : '', h('div', { class: 'sub' }, when(entry.at)),
      entry.detail ? h('div', { class: 'sub' }, entry.detail) : null)))));
}

async function act(service, instance, action, outcome, refresh) {
  const answer = await confirmAction(action === 'retry'
    ? { title: `Retry ${instance.businessKey ?? instance.id}?`, confirm: 'Retry', text: 'The failed or waiting step runs again now.' }
    : { title: `Cancel ${instance.businessKey ?? instance.id}?`, confirm: 'Cancel the transaction', text: 'The steps already done are undone, newest first.' });
  if (!answer) {
    return;
  }
  try {
    const updated = await post(`${service.base}/instances/${encodeURIComponent(instance.id)}/${action}`, { reason: answer.reason });
    await refresh();
    document.querySelector('main .lead')?.after(h('p', { class: 'notice', role: 'status' },
      `${instance.businessKey ?? instance.id}: ${action === 'retry' ? 'retry requested' : 'cancellation requested'} (now ${updated.status}).`));
  } catch (error) {
    fill(outcome, problem(error, action === 'retry' ? 'Not retried' : 'Not cancelled'));
  }
}
