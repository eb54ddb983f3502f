// Small DOM helpers: every element is built with textContent, never from HTML strings.
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
}

export const when = value => value ? new Date(value).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '—';

export const day = value => value ? new Date(value).toLocaleDateString(undefined, { dateStyle: 'medium' }) : '—';

export function ago(value) {
  if (!value) {
    return '—';
  }
  const seconds = Math.max(0, Math.round((Date.now() - new Date(value).getTime()) / 1000));
  if (seconds < 90) return `${seconds} s ago`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 129600) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} days ago`;
}

export const badge = (text, kind) => h('span', { class: `badge badge-${String(kind ?? text).toLowerCase()}` }, text);

export const loading = text => h('p', { class: 'loading', role: 'status' }, text);

export const empty = text => h('div', { class: 'empty' }, text);

export function problem(error, what) {
  return h('div', { class: 'error-box', role: 'alert' },
    h('strong', {}, what ? `${what}: ${error.title || error.message}` : (error.title || error.message)),
    error.detail && error.detail !== error.title ? error.detail : null);
}

export function table(headers, rows) {
  return h('table', {},
    h('thead', {}, h('tr', {}, headers.map(header => typeof header === 'string' ? h('th', {}, header) : h('th', header.attributes, header.text)))),
    h('tbody', {}, rows));
}

/** Replaces the content of a container; a function child is awaited and shown, or its error is. */
export function fill(container, ...children) {
  container.replaceChildren();
  append(container, children);
}
