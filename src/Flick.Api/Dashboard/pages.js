// The viewer pages: search, a channel, a game, top channels and games.
import { api, query } from './api.js';
import { lineChart, legend } from './chart.js';
import { h, num, when, table, currentSeries, windowForm, failure } from './ui.js';

const enc = encodeURIComponent;

export async function searchPage(main, params) {
  const series = await currentSeries();
  const input = h('input', { type: 'search', name: 'q', id: 'q', value: params.get('q') ?? '', autocomplete: 'off' });
  const results = h('div', { 'aria-live': 'polite' });
  const run = async q => {
    if (!q) { results.replaceChildren(); return; }
    try {
      const [channels, games] = await Promise.all([
        api(`/api/series/${enc(series.id)}/channels${query({ q, limit: 25 })}`),
        api(`/api/series/${enc(series.id)}/games${query({ q, limit: 10 })}`)]);
      results.replaceChildren(
        table(`Channels matching “${q}”`, [
          { label: 'Channel', cell: c => h('a', { href: `#/channel/${enc(c.userId)}` }, `${c.name} (${c.login})`) },
          { label: 'Game', cell: c => c.gameName },
          { label: 'Peak viewers', num: true, cell: c => num.format(c.peakViewers) },
          { label: 'Last seen', cell: c => when(c.lastSeen) }], channels.channels),
        table(`Games matching “${q}”`, [
          { label: 'Game', cell: g => h('a', { href: `#/game/${enc(g.gameId)}` }, g.name) },
          { label: 'Hours watched', num: true, cell: g => num.format(g.hoursWatched) },
          { label: 'Peak viewers', num: true, cell: g => num.format(g.peakViewers) }], games.games));
    } catch (e) { failure(results, e); }
  };
  main.replaceChildren(
    h('h1', {}, 'Search'),
    h('p', { class: 'muted' }, `Series ${series.id}, latest minute ${when(series.latest.toISOString())}.`),
    h('form', { role: 'search', onsubmit: e => { e.preventDefault(); history.replaceState(null, '', `#/?q=${enc(input.value)}`); run(input.value.trim()); } },
      h('label', { for: 'q' }, 'Channel login or name, or game', input),
      h('button', { type: 'submit' }, 'Search')),
    results);
  input.focus();
  await run(input.value.trim());
}

function chartSection(title, lines, load, latest) {
  const figure = h('figure', {});
  const { form, value } = windowForm(latest, { onChange: w => draw(w) });
  const draw = async w => {
    figure.setAttribute('aria-busy', 'true');
    try {
      const points = (await load(w)).map(p => ({ ...p, at: new Date(p.at) }));
      figure.replaceChildren(lineChart(title, points, lines), h('figcaption', {}, legend(lines), `${points.length} steps of ${w.step}.`));
    } catch (e) { failure(figure, e); }
    figure.removeAttribute('aria-busy');
  };
  draw(value());
  return [form, figure];
}

export async function channelPage(main, userId) {
  const series = await currentSeries();
  const base = `/api/series/${enc(series.id)}/channels/${enc(userId)}`;
  const detail = await api(base);
  const p = detail.profile, w = detail.window;
  main.replaceChildren(
    h('h1', {}, `${p.name} `, h('span', { class: 'muted' }, `(${p.login})`)),
    h('section', { 'aria-labelledby': 'profile-title' },
      h('h2', { id: 'profile-title' }, 'Profile'),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Title'), h('dd', {}, p.title || '—'),
        h('dt', {}, 'Game'), h('dd', {}, p.gameId ? h('a', { href: `#/game/${enc(p.gameId)}` }, p.gameName || p.gameId) : '—'),
        h('dt', {}, 'Language'), h('dd', {}, p.language || '—'),
        h('dt', {}, 'First / last seen'), h('dd', {}, `${when(p.firstSeen)} / ${when(p.lastSeen)}`),
        h('dt', {}, 'Peak viewers'), h('dd', { id: 'peak' }, `${num.format(p.peakViewers)} at ${when(p.peakAt)}`),
        h('dt', {}, 'Hours watched'), h('dd', { id: 'hours' }, `${num.format(w.hoursWatched)} (${when(w.from)} to ${when(w.to)})`),
        h('dt', {}, 'Average viewers'), h('dd', {}, num.format(w.averageViewers)))),
    h('section', { 'aria-labelledby': 'viewers-title' },
      h('h2', { id: 'viewers-title' }, 'Concurrent viewers'),
      chartSection(`Concurrent viewers of ${p.name}`,
        [{ key: 'average', label: 'Average', className: 'avg' }, { key: 'max', label: 'Max', className: 'max' }],
        async win => (await api(`${base}/viewers${query(win)}`)).points, new Date(p.lastSeen))));
}

export async function gamePage(main, gameId) {
  const series = await currentSeries();
  const base = `/api/series/${enc(series.id)}/games/${enc(gameId)}/viewers`;
  const first = await api(base + query({ step: '1h' }));
  main.replaceChildren(
    h('h1', {}, first.name || gameId),
    h('section', { 'aria-labelledby': 'gv-title' }, h('h2', { id: 'gv-title' }, 'Viewers'),
      chartSection(`Viewers of ${first.name}`,
        [{ key: 'viewersAverage', label: 'Average', className: 'avg' }, { key: 'viewersMax', label: 'Max', className: 'max' }],
        async win => (await api(base + query(win))).points, series.latest)),
    h('section', { 'aria-labelledby': 'gc-title' }, h('h2', { id: 'gc-title' }, 'Live channels'),
      chartSection(`Live channels playing ${first.name}`,
        [{ key: 'channelsAverage', label: 'Average', className: 'avg' }, { key: 'channelsMax', label: 'Max', className: 'max' }],
        async win => (await api(base + query(win))).points, series.latest)));
}

export async function topPage(main) {
  const series = await currentSeries();
  const root = `/api/series/${enc(series.id)}/rankings`;
  const out = h('div', { 'aria-live': 'polite' });
  const mode = h('select', { name: 'mode', id: 'mode' }, h('option', { value: 'window' }, 'A window'), h('option', { value: 'minute' }, 'One minute'));
  const at = h('input', { type: 'datetime-local', name: 'at', value: series.latest.toISOString().slice(0, 16) });
  const show = async win => {
    try {
      if (mode.value === 'minute') {
        const q = query({ at: at.value + ':00Z', limit: 25 });
        const [c, g] = await Promise.all([api(`${root}/channels/minute${q}`), api(`${root}/games/minute${q}`)]);
        out.replaceChildren(
          table(`Top channels at ${when(c.at)}`, [{ label: 'Rank', num: true, cell: e => e.rank }, channelCell, { label: 'Game', cell: e => e.gameName },
            { label: 'Viewers', num: true, cell: e => num.format(e.viewers) }, changeCell], c.channels),
          table(`Top games at ${when(g.at)}`, [{ label: 'Rank', num: true, cell: e => e.rank }, gameCell,
            { label: 'Viewers', num: true, cell: e => num.format(e.viewers) }, { label: 'Channels', num: true, cell: e => e.channels }, changeCell], g.games));
      } else {
        const q = query({ from: win.from, to: win.to, limit: 25 });
        const [c, g] = await Promise.all([api(`${root}/channels/window${q}`), api(`${root}/games/window${q}`)]);
        out.replaceChildren(
          table(`Top channels from ${when(c.from)} to ${when(c.to)}`, [{ label: 'Rank', num: true, cell: e => e.rank }, channelCell,
            { label: 'Hours watched', num: true, cell: e => num.format(e.hoursWatched) }, { label: 'Peak', num: true, cell: e => num.format(e.peakViewers) }, changeCell], c.channels),
          table(`Top games from ${when(g.from)} to ${when(g.to)}`, [{ label: 'Rank', num: true, cell: e => e.rank }, gameCell,
            { label: 'Hours watched', num: true, cell: e => num.format(e.hoursWatched) }, { label: 'Peak', num: true, cell: e => num.format(e.peakViewers) }, changeCell], g.games));
      }
    } catch (e) { failure(out, e); }
  };
  const { form, value } = windowForm(series.latest, { step: false, onChange: show });
  mode.addEventListener('change', () => show(value()));
  at.addEventListener('change', () => show(value()));
  main.replaceChildren(h('h1', {}, 'Top channels and games'),
    h('form', { 'aria-label': 'Ranking kind', onsubmit: e => { e.preventDefault(); show(value()); } },
      h('label', {}, 'Ranking of', mode), h('label', {}, 'Minute (UTC)', at)),
    form, out);
  await show(value());
}

const channelCell = { label: 'Channel', cell: e => h('a', { href: `#/channel/${enc(e.userId)}` }, e.name || e.login) };
const gameCell = { label: 'Game', cell: e => h('a', { href: `#/game/${enc(e.gameId)}` }, e.name || e.gameId) };
const changeCell = { label: 'Change', num: true, cell: e => e.rankChange == null ? 'new' : e.rankChange > 0 ? `▲ ${e.rankChange}` : e.rankChange < 0 ? `▼ ${-e.rankChange}` : '=' };
