// Integration health: each system's connectors (calls, error rate, p99, failures by cause, mapping failures) and its
// messaging (outbox backlog and lag, open dead letters), from analytics' GET /v1/integration-health.
import { get } from './api.js';
import { ago, badge, empty, fill, h, loading, problem, table } from './dom.js';

const windows = { '1h': 60, '6h': 360, '24h': 1440, '7d': 10080 };
const labels = { '1h': 'Last hour', '6h': 'Last 6 hours', '24h': 'Last 24 hours', '7d': 'Last 7 days' };

const percent = rate => `${(rate * 100).toFixed(rate > 0 && rate < 0.001 ? 2 : 1)}%`;

function rateBadge(rate, calls) {
  if (!calls) return badge('no calls', 'none');
  return badge(percent(rate), rate >= 0.05 ? 'bad' : rate > 0 ? 'warn' : 'ok');
}

export async function render(main) {
  const query = new URLSearchParams(location.hash.split('?')[1] || '');
  const window = windows[query.get('window')] ? query.get('window') : '24h';
  const content = h('div', {}, loading('Reading integration health…'));
  main.append(
    h('h1', {}, 'Integration health'),
    h('p', { class: 'lead' }, 'How each system of record answers its connectors, and how each service\'s messaging keeps up: ' +
      'error rate, p99 latency, mapping failures, outbox lag and open dead letters.'),
    h('div', { class: 'filters' }, h('label', {}, 'Window', h('select', {
      id: 'health-window', onchange: event => { location.hash = `#/health?window=${event.target.value}`; },
    }, Object.keys(windows).map(key => h('option', { value: key, selected: key === window }, labels[key]))))),
    content);

  const to = new Date();
  const from = new Date(to.getTime() - windows[window] * 60000);
  let health;
  try {
    health = await get(`/experience/analytics/v1/integration-health?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`);
  } catch (error) {
    if (error.status === 403) throw error;
    fill(content, problem(error, 'Integration health could not be read'));
    return;
  }
  if (!health.systems.length) {
    fill(content, empty('No connector call, mapping failure or messaging sample was reported in this window.'));
    return;
  }

  const connectors = health.systems.flatMap(system => system.connectors.map(c => ({ system: system.system, ...c })));
  const messaging = health.systems.filter(system => system.messaging);
  fill(content,
    h('h2', {}, 'Connectors'),
    connectors.length
      ? table(['System', 'Connector', { text: 'Calls', attributes: { class: 'num' } }, 'Error rate', 'p99', 'Failures by cause',
        { text: 'Mapping failures', attributes: { class: 'num' } }], connectors.map(c => h('tr', { dataset: { system: c.system, connector: c.connector } },
        h('td', {}, h('strong', {}, c.system)),
        h('td', {}, c.connector),
        h('td', { class: 'num' }, c.calls),
        h('td', {}, rateBadge(c.errorRate, c.calls), h('div', { class: 'sub' }, `${c.failedCalls} failed`)),
        h('td', {}, c.latencyP99Ms === null ? '—' : `${c.latencyP99Ms} ms`),
        h('td', {}, c.failures.length ? c.failures.map(f => h('div', { class: 'sub' }, `${f.status} ${f.cause}: ${f.calls}`)) : '—'),
        h('td', { class: 'num' }, c.mappingFailures,
          c.mappingFailuresByField.map(f => h('div', { class: 'sub' }, `${f.field}: ${f.failures} (last ${ago(f.lastFailedAt)}, ${f.lastVendorOperation})`))))))
      : empty('No connector calls in this window.'),
    h('h2', {}, 'Messaging'),
    messaging.length
      ? table(['System', { text: 'Outbox backlog', attributes: { class: 'num' } }, 'Outbox lag', { text: 'Open dead letters', attributes: { class: 'num' } }, 'Sampled'],
        messaging.map(system => h('tr', { dataset: { system: system.system } },
          h('td', {}, h('strong', {}, system.system)),
          h('td', { class: 'num' }, system.messaging.outboxBacklog),
          h('td', {}, badge(`${system.messaging.outboxLagSeconds.toFixed(1)} s`, system.messaging.outboxLagSeconds > 60 ? 'bad' : system.messaging.outboxLagSeconds > 5 ? 'warn' : 'ok')),
          h('td', { class: 'num' }, system.messaging.deadLetters ? badge(String(system.messaging.deadLetters), 'bad') : '0'),
          h('td', {}, ago(system.messaging.sampledAt)))))
      : empty('No messaging sample arrived in this window.'));
}
