// The router (hash based, so the API serves one page) and the notification feed.
import { api, session, signIn } from './api.js';
import { h, failure } from './ui.js';
import { searchPage, channelPage, gamePage, topPage } from './pages.js';
import { operatorPage } from './ops.js';

const main = document.getElementById('main');

function signInPage() {
  const user = h('input', { name: 'username', id: 'username', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', name: 'password', id: 'password', autocomplete: 'current-password', required: true });
  const out = h('div', { 'aria-live': 'assertive' });
  main.replaceChildren(h('h1', {}, 'Sign in'),
    h('form', { 'aria-label': 'Sign in', onsubmit: async e => {
      e.preventDefault();
      try {
        await signIn(user.value, password.value);
        location.hash = '#/';
      } catch (err) { failure(out, err); }
    } },
    h('label', { for: 'username' }, 'User name', user),
    h('label', { for: 'password' }, 'Password', password),
    h('button', { type: 'submit' }, 'Sign in')), out);
  user.focus();
}

function showUser() {
  const who = document.getElementById('who');
  if (!session.token) { who.replaceChildren(h('a', { href: '#/signin' }, 'Sign in')); return; }
  who.replaceChildren(`${session.user} (${session.role}) `,
    h('button', { type: 'button', class: 'secondary', onclick: () => { session.clear(); feed?.close(); feed = null; location.hash = '#/signin'; } }, 'Sign out'));
}

let feed = null;
function connectFeed() {
  if (feed || !session.token) return;
  const state = document.getElementById('feed-state');
  const list = document.getElementById('feed');
  feed = new EventSource(`/api/notifications/stream?access_token=${encodeURIComponent(session.token)}`);
  feed.onopen = () => { state.textContent = 'Connected: new series data shows here.'; };
  feed.onerror = () => { state.textContent = 'Reconnecting…'; };
  for (const type of ['SeriesReady', 'SeriesFailed']) {
    feed.addEventListener(type, e => {
      let d = {};
      try { d = JSON.parse(e.data).detail ?? {}; } catch { /* keep the raw event */ }
      list.prepend(h('li', {}, `${type}: ${d.seriesId ?? ''} ${d.runId ?? ''} ${d.status ?? ''}`.trim()));
      while (list.children.length > 30) list.lastChild.remove();
    });
  }
}

async function route() {
  const [path, search] = (location.hash.slice(1) || '/').split('?');
  const params = new URLSearchParams(search);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  showUser();
  if (!session.token || parts[0] === 'signin') { signInPage(); return; }
  connectFeed();
  main.setAttribute('aria-busy', 'true');
  try {
    if (parts[0] === 'channel') await channelPage(main, parts[1]);
    else if (parts[0] === 'game') await gamePage(main, parts[1]);
    else if (parts[0] === 'top') await topPage(main);
    else if (parts[0] === 'operator') await operatorPage(main);
    else await searchPage(main, params);
  } catch (e) { failure(main, e); }
  main.removeAttribute('aria-busy');
}

window.addEventListener('hashchange', () => { route(); main.focus({ preventScroll: true }); });
route();
export { api };
