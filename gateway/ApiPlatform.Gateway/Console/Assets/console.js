// The console's shell: sign-in, the "not allowed" page, navigation between pages (#/apis …) and the confirmation dialog.
import { completeSignIn, isSignedIn, person, signIn, signOut, SignInError } from './auth.js';
import { ApiError, SignedOut } from './api.js';
import { fill, h, problem } from './dom.js';
import * as apis from './page-apis.js';
import * as traffic from './page-traffic.js';
import * as health from './page-health.js';
import * as transactions from './page-transactions.js';
import * as deadLetters from './page-dead-letters.js';
import * as audit from './page-audit.js';

const pages = { apis, traffic, health, transactions, 'dead-letters': deadLetters, audit };
const main = document.getElementById('main');
const nav = document.getElementById('nav');

function centered(title, text, ...actions) {
  nav.hidden = true;
  document.body.dataset.page = 'gate';
  fill(main, h('div', { class: 'center' }, h('div', { class: 'panel' }, h('h1', {}, title), h('p', { class: 'lead' }, text), actions)));
}

function signInPage(message) {
  centered('Sign in to the operations console',
    'The console is for platform admins and operators. You sign in on the platform\'s own sign-in page; the console then ' +
    'calls the admin APIs through the gateway with your token.',
    message ? problem({ title: 'You are not signed in', detail: message }) : null,
    h('button', { id: 'sign-in', onclick: () => signIn(location.hash) }, 'Sign in'));
}

function notAllowed() {
  const who = person();
  centered('Not allowed',
    `${who?.name ? `You are signed in as ${who.name}, ` : 'You are signed in, '}but the console is only for platform admins and ` +
    'operators (scope platform:admin). Your account cannot open its pages or call its APIs.',
    h('button', { class: 'secondary', id: 'sign-out', onclick: signOut }, 'Sign out'));
  document.body.dataset.page = 'not-allowed';
}

function header() {
  const who = person();
  fill(document.getElementById('who'),
    who ? h('span', { id: 'person' }, who.name) : null,
    who ? h('span', { class: 'role' }, who.scopes.includes('platform:admin') ? 'platform:admin' : 'no admin scope') : null,
    who ? h('button', { id: 'sign-out-top', onclick: signOut }, 'Sign out') : null);
}

async function show() {
  header();
  const who = person();
  if (!who) {
    signInPage();
    return;
  }
  if (!who.scopes.includes('platform:admin')) {
    notAllowed();
    return;
  }
  const name = (location.hash.replace(/^#\//, '').split('?')[0]) || 'apis';
  const page = pages[name] ?? pages.apis;
  const key = pages[name] ? name : 'apis';
  nav.hidden = false;
  for (const link of nav.querySelectorAll('a')) {
    link.classList.toggle('current', link.dataset.page === key);
    link.toggleAttribute('aria-current', link.dataset.page === key);
  }
  document.body.dataset.page = key;
  main.replaceChildren();
  try {
    await page.render(main);
  } catch (error) {
    handle(error);
  }
}

/** What every page does with an error it does not handle itself: sign in again, "not allowed", or the problem shown. */
function handle(error) {
  if (error instanceof SignedOut) {
    signInPage('Your session ended. Sign in again to continue.');
  } else if (error instanceof ApiError && error.status === 403) {
    notAllowed();
  } else {
    main.append(problem(error, 'Something went wrong'));
  }
}

async function start() {
  if (location.pathname === '/console/signed-in') {
    try {
      const returnTo = await completeSignIn();
      history.replaceState(null, '', `/console/${returnTo && returnTo.startsWith('#/') ? returnTo : '#/apis'}`);
    } catch (error) {
      if (error instanceof SignInError && error.code === 'access_denied') {
        notAllowed();
      } else {
        signInPage(error.message);
      }
      return;
    }
  }
  if (!isSignedIn()) {
    signInPage();
    return;
  }
  window.addEventListener('hashchange', show);
  await show();
}

start().catch(error => fill(main, problem(error, 'The console could not start')));
