// Audit: every admin action recorded by the gateway (GET /admin/audit), filterable by actor, action, API and time.
import { get } from './api.js';
import { empty, fill, h, loading, table, when } from './dom.js';

const actions = ['', 'lifecycle.deprecate', 'lifecycle.retire', 'lifecycle.reactivate', 'lifecycle.set-sunset', 'lifecycle.change',
  'dead-letter.replay', 'dead-letter.replay-many', 'dead-letter.discard', 'workflow.retry', 'workflow.cancel', 'operations.call'];
const limit = 50;

const local = iso => iso ? new Date(new Date(iso).getTime() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 16) : '';

export async function render(main) {
  const query = new URLSearchParams(location.hash.split('?')[1] || '');
  const filters = Object.fromEntries(['actor', 'action', 'api', 'from', 'to'].map(name => [name, query.get(name) || '']));
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const content = h('div', {}, loading('Reading the audit…'));
  const form = h('form', { class: 'filters', id: 'audit-filters', onsubmit: event => {
    event.preventDefault();
    const values = new URLSearchParams();
    for (const [name, value] of new FormData(event.target)) {
      if (value) values.set(name, name === 'from' || name === 'to' ? new Date(value).toISOString() : value);
    }
    location.hash = `#/audit?${values}`;
  } },
  h('label', {}, 'Actor', h('input', { name: 'actor', value: filters.actor, placeholder: 'e.g. ada' })),
  h('label', {}, 'Action', h('select', { name: 'action' }, actions.map(a => h('option', { value: a, selected: a === filters.action }, a || 'Any action')))),
  h('label', {}, 'API', h('input', { name: 'api', value: filters.api, placeholder: 'e.g. erp' })),
  h('label', {}, 'From', h('input', { name: 'from', type: 'datetime-local', value: local(filters.from) })),
  h('label', {}, 'To', h('input', { name: 'to', type: 'datetime-local', value: local(filters.to) })),
  h('button', { type: 'submit' }, 'Filter'));
  main.append(
    h('h1', {}, 'Audit'),
    h('p', { class: 'lead' }, 'Every admin action that changed something, kept in the gateway\'s database: lifecycle changes, ' +
      'dead-letter replays and discards, workflow retries and cancellations, with who did it, when, on what and why.'),
    form, content);

  const search = new URLSearchParams({ offset, limit });
  for (const [name, value] of Object.entries(filters)) {
    if (value) search.set(name, value);
  }
  const page = await get(`/admin/audit?${search}`);
  if (!page.items.length) {
    fill(content, empty(Object.values(filters).some(Boolean) ? 'No recorded action matches these filters.' : 'No admin action has been recorded yet.'));
    return;
  }
  const pageLink = to => {
    const next = new URLSearchParams(search);
    next.set('offset', to);
    next.delete('limit');
    return `#/audit?${next}`;
  };
  fill(content,
    table(['When', 'Actor', 'Action', 'Target', 'Reason', 'Details'], page.items.map(entry => h('tr', { dataset: { id: String(entry.id), actor: entry.actor, action: entry.action } },
      h('td', { class: 'nowrap' }, when(entry.at)),
      h('td', {}, h('strong', {}, entry.actor), h('div', { class: 'sub' }, `via ${entry.client}`)),
      h('td', {}, h('code', {}, entry.action)),
      h('td', {}, entry.target, h('div', { class: 'sub' }, entry.api)),
      h('td', { class: 'reason' }, entry.reason || h('span', { class: 'sub' }, 'no reason given')),
      h('td', {}, entry.details ? h('details', {}, h('summary', {}, 'show'), h('pre', {}, JSON.stringify(entry.details, null, 2))) : '—',
        h('div', { class: 'sub' }, entry.correlationId ?? ''))))),
    h('p', { class: 'sub' }, `${page.offset + 1}–${page.offset + page.items.length} of ${page.total}`, ' ',
      page.offset > 0 ? h('a', { href: pageLink(Math.max(0, page.offset - limit)) }, 'newer') : null, ' ',
      page.offset + page.items.length < page.total ? h('a', { href: pageLink(page.offset + limit) }, 'older') : null));
}
