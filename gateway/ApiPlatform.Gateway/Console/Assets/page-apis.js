// APIs: the catalog as in force (owner, tier, SLO, each version's lifecycle), lifecycle changes with a reason, and who
// still calls each version.
import { get, put } from './api.js';
import { ago, badge, day, empty, fill, h, loading, problem, table, when } from './dom.js';
import { confirmAction } from './dialog.js';

const isoDay = value => value ? new Date(`${value}T00:00:00Z`).toISOString() : null;
const inputDay = value => value ? new Date(value).toISOString().slice(0, 10) : '';

const changes = {
  deprecate: {
    label: 'Deprecate', when: v => v.status === 'active',
    ask: (api, v) => ({
      title: `Deprecate ${api.name} v${v.major}?`, confirm: 'Deprecate',
      text: 'Callers get a Deprecation header (and a Sunset header with a sunset date) on every call from now on.',
      fields: [{ name: 'sunset', label: 'Sunset date (optional)', type: 'date', value: inputDay(v.sunsetAt) }],
    }),
    body: (v, values) => ({ status: 'deprecated', deprecatedAt: new Date().toISOString(), sunsetAt: isoDay(values.sunset) ?? v.sunsetAt, successor: v.successor }),
  },
  sunset: {
    label: 'Set sunset', when: v => v.status === 'active' || v.status === 'deprecated',
    ask: (api, v) => ({
      title: `Set the sunset of ${api.name} v${v.major}`, confirm: 'Set sunset',
      text: 'From this date the version answers 410 Gone; until then callers see the date in the Sunset header.',
      fields: [{ name: 'sunset', label: 'Sunset date', type: 'date', value: inputDay(v.sunsetAt), required: true }],
    }),
    body: (v, values) => ({ status: v.status, deprecatedAt: v.deprecatedAt, sunsetAt: isoDay(values.sunset), successor: v.successor }),
  },
  retire: {
    label: 'Retire', when: v => v.status === 'active' || v.status === 'deprecated', danger: true,
    ask: (api, v) => ({
      title: `Retire ${api.name} v${v.major}?`, confirm: 'Retire',
      text: 'Every call to this version is answered 410 Gone from now on.',
    }),
    body: v => {
      const now = new Date().toISOString();
      return { status: 'retired', deprecatedAt: v.deprecatedAt ?? now, sunsetAt: v.sunsetAt && new Date(v.sunsetAt) < new Date() ? v.sunsetAt : now, successor: v.successor };
    },
  },
  reactivate: {
    label: 'Reactivate', when: v => v.status === 'deprecated' || v.status === 'retired',
    ask: (api, v) => ({
      title: `Reactivate ${api.name} v${v.major}?`, confirm: 'Reactivate',
      text: 'The version is served as active again, without deprecation or sunset dates.',
    }),
    body: () => ({ status: 'active', deprecatedAt: null, sunsetAt: null, successor: null }),
  },
};

export async function render(main) {
  const notice = h('div', {});
  const content = h('div', {}, loading('Loading the catalog…'));
  main.append(
    h('h1', {}, 'APIs'),
    h('p', { class: 'lead' }, 'Every API behind the gateway with its owner, tier and service level objective, and each version\'s ' +
      'lifecycle in force. Changes apply on every gateway replica within seconds and are recorded in the audit with your name and reason.'),
    notice, content);

  const [admin, catalog] = await Promise.all([get('/admin/apis'), get('/catalog/apis')]);
  const slo = Object.fromEntries(catalog.map(api => [api.name, api.slo]));
  if (!admin.length) {
    fill(content, empty('The catalog has no APIs.'));
    return;
  }
  const rows = admin.sort((a, b) => a.name.localeCompare(b.name)).flatMap(api => apiRows(api, slo[api.name], notice, () => render(clear(main))));
  fill(content, table(['API', 'Tier', 'Owner', 'SLO', { text: 'Versions', attributes: { class: 'wide' } }], rows));
}

function clear(main) {
  main.replaceChildren();
  return main;
}

function apiRows(api, objective, notice, refresh) {
  const consumers = h('tr', { hidden: true }, h('td', { colspan: 5 }));
  const row = h('tr', { dataset: { api: api.name } },
    h('td', {}, h('strong', {}, api.title), h('div', { class: 'sub' }, api.name)),
    h('td', {}, h('span', { class: 'tier' }, api.tier)),
    h('td', {}, api.owner?.team ?? '—', h('div', { class: 'sub' }, api.owner?.contact ?? '')),
    h('td', {}, objective ? [`${objective.availability}%`, h('div', { class: 'sub' }, `p99 ≤ ${objective.latencyP99Ms} ms`)] : '—'),
    h('td', {}, api.versions.map(version => versionBlock(api, version, notice, refresh, consumers))));
  return [row, consumers];
}

function versionBlock(api, version, notice, refresh, consumers) {
  return h('div', { class: 'panel version', dataset: { api: api.name, version: String(version.major), status: version.status } },
    h('div', {}, h('strong', {}, `v${version.major}`), ' ', badge(version.status),
      h('span', { class: 'sub' }, ` released ${day(version.releasedAt)}`,
        version.deprecatedAt ? ` · deprecated ${day(version.deprecatedAt)}` : '',
        version.sunsetAt ? ` · sunset ${day(version.sunsetAt)}` : '',
        version.successor ? ` · successor v${version.successor}` : '')),
    h('div', { class: 'buttons' },
      Object.entries(changes).filter(([, change]) => change.when(version)).map(([action, change]) => h('button', {
        class: change.danger ? 'danger' : 'secondary', dataset: { action },
        onclick: () => changeLifecycle(api, version, change, notice, refresh),
      }, change.label)),
      h('button', { class: 'secondary', dataset: { action: 'consumers' }, onclick: () => showConsumers(api, version, consumers) }, 'Consumers')));
}

async function changeLifecycle(api, version, change, notice, refresh) {
  const answer = await confirmAction(change.ask(api, version));
  if (!answer) {
    return;
  }
  try {
    const updated = await put(`/admin/apis/${api.name}/v${version.major}/lifecycle`, { ...change.body(version, answer.values), reason: answer.reason });
    await refresh();
    document.querySelector('main .lead')?.after(h('p', { class: 'notice', role: 'status' }, `${api.name} v${version.major} is now ${updated.status}.`));
  } catch (error) {
    fill(notice, problem(error, `${api.name} v${version.major} was not changed`));
  }
}

async function showConsumers(api, version, row) {
  const cell = row.firstChild;
  row.hidden = false;
  fill(cell, loading(`Loading who calls ${api.name} v${version.major}…`));
  try {
    const consumers = await get(`/catalog/apis/${api.name}/v${version.major}/consumers`);
    fill(cell, h('h3', {}, `Consumers of ${api.name} v${version.major}`),
      consumers.length
        ? table(['Client', { text: 'Requests', attributes: { class: 'num' } }, 'Last call'], consumers.map(c => h('tr', { dataset: { client: c.clientId } },
          h('td', {}, c.clientId), h('td', { class: 'num' }, c.requests), h('td', {}, when(c.lastSeen), h('div', { class: 'sub' }, ago(c.lastSeen))))))
        : empty(`Nobody has called ${api.name} v${version.major} yet.`));
  } catch (error) {
    fill(cell, problem(error, 'The consumers could not be read'));
  }
}
