// Calls through the gateway with the person's token. A refused call throws an ApiError carrying the problem+json's
// title and detail, which the pages show as they are.
import { accessToken } from './auth.js';

export class ApiError extends Error {
  constructor(status, title, detail, errors) {
    super(detail || title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
  }
}

export class SignedOut extends Error {}

async function send(method, path, body, token) {
  const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json, application/problem+json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  return fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

export async function call(method, path, body, { optional = false } = {}) {
  let token = await accessToken();
  if (!token) {
    throw new SignedOut();
  }
  let response = await send(method, path, body, token);
  // An operations route of a service without that API: the service answers 404, or 401 when it takes no admin tokens.
  if (optional && (response.status === 404 || response.status === 401)) {
    return undefined;
  }
  if (response.status === 401) {
    token = await accessToken(true);
    if (!token) {
      throw new SignedOut();
    }
    response = await send(method, path, body, token);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const problem = json || {};
    const errors = problem.errors ? Object.values(problem.errors).flat() : [];
    throw new ApiError(response.status, problem.title || `${response.status} ${response.statusText}`,
      problem.detail || (errors.length ? errors.join(' ') : (json ? null : text.slice(0, 300) || null)), errors);
  }
  return json;
}

export const get = (path, options) => call('GET', path, undefined, options);
export const post = (path, body) => call('POST', path, body ?? {});
export const put = (path, body) => call('PUT', path, body);
