// Traffic: requests, server errors and p99 per API version over time against the SLO (from the gateway's own
// measurements, GET /catalog/apis/{api}/v{major}/slo), and per consumer of a version over time (…/consumers/traffic),
// with each consumer's running total and last call (…/consumers).
import { get } from './api.js';
import { ago, badge, empty, fill, h, loading, problem, table } from './dom.js';
import { timeChart } from './charts.js';

const windows = {
  '1h': { label: 'Last hour', minutes: 60, buckets: 12 },
  '6h': { label: 'Last 6 hours', minutes: 360, buckets: 12 },
  '24h': { label: 'Last 24 hours', minutes: 1440, buckets: 24 },
};

function params() {
  const query = new URLSearchParams(location.hash.split('?')[1] || '');
  return { api: query.get('api'), major: query.get('v'), window: windows[query.get('window')] ? query.get('window') : '1h' };
}

const slo = (api, major, from, to) =>
  get(`/catalog/apis/${api}/v${major}/slo?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`);

const verdict = value => value === null || value === undefined ? badge('no traffic', 'none') : value ? badge('met', 'ok') : badge('missed', 'bad');

export async function render(main) {
  const selected = params();
  const overview = h('div', {}, loading('Measuring every API version…'));
  const detail = h('div', {});
  main.append(
    h('h1', {}, 'Traffic'),
    h('p', { class: 'lead' }, 'Requests, server errors and p99 latency as the gateway measured them, per API version and over time, ' +
      'against each API\'s service level objective; and who calls a version.'),
    h('div', { class: 'filters' }, h('label', {}, 'Window', h('select', {
      id: 'traffic-window', onchange: event => go(selected.api, selected.major, event.target.value),
    }, Object.entries(windows).map(([key, w]) => h('option', { value: key, selected: key === selected.window }, w.label))))),
    h('h2', {}, 'API versions'), overview, detail);

  const apis = await get('/admin/apis');
  const versions = apis.sort((a, b) => a.name.localeCompare(b.name))
    .flatMap(api => api.versions.filter(v => v.status !== 'draft').map(v => ({ api: api.name, major: v.major, status: v.status })));
  if (!versions.length) {
    fill(overview, empty('No API version is published yet.'));
    return;
  }
  const window = windows[selected.window];
  const to = new Date();
  const from = new Date(to.getTime() - window.minutes * 60000);
  const measured = await Promise.all(versions.map(v => slo(v.api, v.major, from, to).then(m => ({ ...v, m }), error => ({ ...v, error }))));
  const current = measured.find(v => v.api === selected.api && String(v.major) === selected.major)
    ?? measured.filter(v => !v.error).sort((a, b) => b.m.requests - a.m.requests)[0] ?? measured[0];

  fill(overview, table(['API version', { text: 'Requests', attributes: { class: 'num' } }, { text: 'Server errors', attributes: { class: 'num' } },
    'Availability', 'p99', 'SLO'], measured.map(v => h('tr', {
    class: `selectable${v === current ? ' selected' : ''}`, dataset: { api: v.api, version: String(v.major) },
    onclick: () => go(v.api, v.major, selected.window),
  },
  h('td', {}, h('strong', {}, `${v.api} v${v.major}`), ' ', v.status !== 'active' ? badge(v.status) : null),
  v.error ? h('td', { colspan: 5 }, problem(v.error)) : [
    h('td', { class: 'num' }, v.m.requests),
    h('td', { class: 'num' }, v.m.serverErrors),
    h('td', {}, v.m.measuredAvailability === null ? '—' : `${v.m.measuredAvailability}%`, h('div', { class: 'sub' }, `objective ${v.m.declaredAvailability}%`)),
    h('td', {}, v.m.measuredLatencyP99Ms === null ? '—' : `${v.m.measuredLatencyP99Ms} ms`, h('div', { class: 'sub' }, `objective ${v.m.declaredLatencyP99Ms} ms`)),
    h('td', {}, verdict(v.m.compliant)),
  ]))));

  await renderVersion(detail, current, window, from, to);
}

function go(api, major, window) {
  location.hash = `#/traffic?api=${encodeURIComponent(api ?? '')}&v=${major ?? ''}&window=${window}`;
}

async function renderVersion(detail, version, window, from, to) {
  fill(detail, h('h2', { id: 'traffic-version' }, `${version.api} v${version.major} over time`), loading('Measuring…'));
  try {
    const step = (to - from) / window.buckets;
    const buckets = await Promise.all(Array.from({ length: window.buckets }, (_, i) =>
      slo(version.api, version.major, new Date(from.getTime() + step * i), new Date(from.getTime() + step * (i + 1)))
        .then(m => ({ at: from.getTime() + step * (i + 1), m }))));
    const base = `/catalog/apis/${version.api}/v${version.major}`;
    const [consumers, perConsumer] = await Promise.all([get(`${base}/consumers`),
      get(`${base}/consumers/traffic?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}` +
        `&stepMinutes=${window.minutes / window.buckets}`)]);
    const objective = buckets[0]?.m;
    fill(detail,
      h('h2', { id: 'traffic-version' }, `${version.api} v${version.major} over time`),
      h('div', { class: 'cards' },
        card('Requests', version.m?.requests ?? 0),
        card('Server errors', version.m?.serverErrors ?? 0),
        card('Availability', version.m?.measuredAvailability === null || !version.m ? '—' : `${version.m.measuredAvailability}%`),
        card('p99', version.m?.measuredLatencyP99Ms === null || !version.m ? '—' : `${version.m.measuredLatencyP99Ms} ms`),
        card('SLO', verdict(version.m?.compliant))),
      timeChart({
        title: 'Requests and server errors', kind: 'bars', series: ['requests', 'server errors'],
        points: buckets.map(b => ({ at: b.at, values: [b.m.requests, b.m.serverErrors] })),
      }),
      timeChart({
        title: 'p99 latency against the objective', series: ['p99'], unit: ' ms',
        points: buckets.map(b => ({ at: b.at, values: [b.m.measuredLatencyP99Ms] })),
        objective: objective ? { value: objective.declaredLatencyP99Ms, label: `SLO p99 ≤ ${objective.declaredLatencyP99Ms} ms` } : null,
      }),
      timeChart({
        title: 'Availability against the objective', series: ['availability'], unit: '%',
        points: buckets.map(b => ({ at: b.at, values: [b.m.measuredAvailability] })),
        objective: objective ? { value: objective.declaredAvailability, label: `SLO ${objective.declaredAvailability}%` } : null,
      }),
      h('h2', { id: 'traffic-consumers' }, 'Consumers'),
      consumerSection(version, consumers, perConsumer));
  } catch (error) {
    detail.append(problem(error, 'The measurements could not be read'));
  }
}

const shown = 5;

// Each consumer over the window: charts of the busiest few, and a row for every consumer the gateway has counted.
function consumerSection(version, consumers, traffic) {
  if (!consumers.length && !traffic.consumers.length) {
    return empty(`Nobody has called ${version.api} v${version.major} yet.`);
  }
  const top = traffic.consumers.slice(0, shown);
  const step = traffic.stepMinutes * 60000;
  // Each point is drawn at the end of its step, as the version's charts are; the last step ends at the window's end (now).
  const at = index => Math.min(new Date(top[0].points[index].from).getTime() + step, new Date(traffic.to).getTime());
  const more = traffic.consumers.length > shown ? ` (the ${shown} busiest of ${traffic.consumers.length})` : '';
  const charts = top.length ? [
    timeChart({
      title: `Requests per consumer${more}`, series: top.map(c => c.clientId),
      points: top[0].points.map((_, i) => ({ at: at(i), values: top.map(c => c.points[i].requests) })),
    }),
    timeChart({
      title: `p99 latency per consumer against the objective${more}`, series: top.map(c => c.clientId), unit: ' ms',
      points: top[0].points.map((_, i) => ({ at: at(i), values: top.map(c => c.points[i].measuredLatencyP99Ms) })),
      objective: { value: traffic.declaredLatencyP99Ms, label: `SLO p99 ≤ ${traffic.declaredLatencyP99Ms} ms` },
    }),
  ] : empty('No consumer called this version in the window.');
  const inWindow = new Map(traffic.consumers.map(c => [c.clientId, c]));
  const totals = new Map(consumers.map(c => [c.clientId, c]));
  const clients = [...inWindow.keys(), ...[...totals.keys()].filter(client => !inWindow.has(client))];
  const met = c => !c || c.requests === 0 ? null
    : c.measuredAvailability >= traffic.declaredAvailability && c.measuredLatencyP99Ms <= traffic.declaredLatencyP99Ms;
  return [
    h('div', { id: 'consumer-charts' }, charts),
    table(['Client', { text: 'Requests', attributes: { class: 'num' } }, { text: 'Server errors', attributes: { class: 'num' } }, 'Availability', 'p99',
      'SLO', { text: 'All requests', attributes: { class: 'num' } }, 'Last call'], clients.map(client => {
      const c = inWindow.get(client);
      const total = totals.get(client);
      return h('tr', { dataset: { consumer: client } },
        h('td', {}, client === '(other)' ? h('span', { title: `Consumers beyond the first ${traffic.consumerLimit} of an hour` }, 'other consumers') : client),
        h('td', { class: 'num' }, c?.requests ?? 0),
        h('td', { class: 'num' }, c?.serverErrors ?? 0),
        h('td', {}, c?.measuredAvailability == null ? '—' : `${c.measuredAvailability}%`),
        h('td', {}, c?.measuredLatencyP99Ms == null ? '—' : `${c.measuredLatencyP99Ms} ms`),
        h('td', {}, verdict(met(c))),
        h('td', { class: 'num' }, total?.requests ?? '—'),
        h('td', {}, ago(total?.lastSeen)));
    })),
  ];
}

const card = (label, value) => h('div', { class: 'card' }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, value));
