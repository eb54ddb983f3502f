// The person's sign-in: OAuth 2.0 authorization code with PKCE (S256) against the gateway's own token server, public
// client "console". Tokens live in this tab's sessionStorage only; the refresh token renews the access token.
const clientId = 'console';
const scope = 'platform:admin experience:analytics offline_access';
const tokensKey = 'console.tokens';
const pendingKey = 'console.pending';

export const redirectUri = () => `${location.origin}/console/signed-in`;
const postLogoutUri = () => `${location.origin}/console/`;

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const random = length => base64Url(crypto.getRandomValues(new Uint8Array(length)));

export async function signIn(returnTo) {
  const verifier = random(32);
  const state = random(16);
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(pendingKey, JSON.stringify({ verifier, state, returnTo: returnTo || '#/apis' }));
  const query = new URLSearchParams({
    response_type: 'code', client_id: clientId, redirect_uri: redirectUri(), scope, state,
    code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(`/connect/authorize?${query}`);
}

export class SignInError extends Error {
  constructor(code, message) { super(message); this.code = code; }
}

/** On /console/signed-in: checks the state, trades the code for tokens and returns where the person was going. */
export async function completeSignIn() {
  const query = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(pendingKey) || 'null');
  sessionStorage.removeItem(pendingKey);
  history.replaceState(null, '', '/console/');
  if (!pending || query.get('state') !== pending.state) {
    throw new SignInError('state', 'The sign-in answer does not belong to this tab (its state does not match). Sign in again.');
  }
  if (query.get('error')) {
    throw new SignInError(query.get('error'), query.get('error_description') || query.get('error'));
  }
  await tokenRequest({
    grant_type: 'authorization_code', client_id: clientId, redirect_uri: redirectUri(), code: query.get('code') || '',
    code_verifier: pending.verifier,
  });
  return pending.returnTo;
}

async function tokenRequest(form) {
  const response = await fetch('/connect/token', {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new SignInError(body.error || String(response.status), body.error_description || body.detail || body.title || 'The token server refused.');
  }
  const tokens = {
    accessToken: body.access_token, refreshToken: body.refresh_token,
    expiresAt: Date.now() + (body.expires_in || 300) * 1000,
  };
  sessionStorage.setItem(tokensKey, JSON.stringify(tokens));
  return tokens;
}

const stored = () => JSON.parse(sessionStorage.getItem(tokensKey) || 'null');

export const isSignedIn = () => stored() !== null;

let refreshing = null;

/** A current access token: refreshed (once, for every caller waiting) when it expires within 30 s or was refused. */
export async function accessToken(force = false) {
  const tokens = stored();
  if (!tokens) {
    return null;
  }
  if (!force && tokens.expiresAt - Date.now() > 30000) {
    return tokens.accessToken;
  }
  if (!tokens.refreshToken) {
    return null;
  }
  refreshing ??= tokenRequest({ grant_type: 'refresh_token', client_id: clientId, refresh_token: tokens.refreshToken })
    .catch(() => { sessionStorage.removeItem(tokensKey); return null; })
    .finally(() => { refreshing = null; });
  return (await refreshing)?.accessToken ?? null;
}

/** Who signed in, from the access token's claims (the gateway checks the token; this only labels the page). */
export function person() {
  const token = stored()?.accessToken;
  if (!token) {
    return null;
  }
  try {
    const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    const scopes = (Array.isArray(claims.scope) ? claims.scope : String(claims.scope || '').split(' ')).filter(Boolean);
    return { name: claims.sub, scopes, tenant: claims.tenant || null };
  } catch {
    return null;
  }
}

export function signOut() {
  sessionStorage.removeItem(tokensKey);
  const query = new URLSearchParams({ client_id: clientId, post_logout_redirect_uri: postLogoutUri() });
  location.assign(`/connect/endsession?${query}`);
}
