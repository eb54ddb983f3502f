// Renders the catalog (GET /catalog/apis) as a table; text is set with textContent only.
(async function () {
  const status = document.getElementById('status');
  const table = document.getElementById('apis');
  const body = table.querySelector('tbody');

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function link(href, text) {
    const a = element('a', null, text);
    a.href = href;
    return a;
  }

  function versionCell(api) {
    const cell = element('td');
    for (const version of api.versions) {
      const line = element('div', 'version');
      line.dataset.version = 'v' + version.major;
      line.append(element('span', null, 'v' + version.major));
      line.append(element('span', 'badge badge-' + version.status, version.status));
      const dates = [];
      if (version.deprecatedAt) dates.push('deprecated ' + version.deprecatedAt.substring(0, 10));
      if (version.sunsetAt) dates.push('sunset ' + version.sunsetAt.substring(0, 10));
      if (version.successor) dates.push('successor v' + version.successor);
      if (dates.length) line.append(element('span', 'dates', dates.join(' · ') + ' '));
      if (version.status === 'active' || version.status === 'deprecated') {
        const document = '/catalog/apis/' + encodeURIComponent(api.name) + '/v' + version.major + '/openapi.json';
        line.append(link(document, 'OpenAPI'));
        line.append(link('/developers/swagger/index.html?urls.primaryName=' + encodeURIComponent(api.name + ' v' + version.major), 'Try it'));
      }
      cell.append(line);
    }
    return cell;
  }

  try {
    const response = await fetch('/catalog/apis', { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error('the catalog answered ' + response.status);
    const apis = await response.json();
    for (const api of apis) {
      const row = element('tr');
      row.dataset.api = api.name;
      const name = element('td');
      name.append(element('div', 'api-name', api.title + ' (' + api.name + ')'));
      name.append(element('div', 'api-description', api.description));
      row.append(name);
      row.append(element('td', 'tier', api.tier));
      const owner = element('td', null, api.owner.team + ' ');
      owner.append(link('mailto:' + api.owner.contact, api.owner.contact));
      row.append(owner);
      row.append(element('td', null, api.slo.availability + ' % · p99 ' + api.slo.latencyP99Ms + ' ms'));
      row.append(versionCell(api));
      body.append(row);
    }
    status.textContent = apis.length + ' APIs';
    table.hidden = false;
  } catch (error) {
    status.textContent = 'The catalog could not be loaded: ' + error.message;
  }
})();
