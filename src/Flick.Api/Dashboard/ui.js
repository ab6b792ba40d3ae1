// DOM helpers and the shared window form (last 1h/6h/24h or from/to, and the step).
import { api, query } from './api.js';

export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : v);
  }
  node.append(...children.flat().filter(c => c !== null && c !== undefined).map(c => typeof c === 'object' ? c : String(c)));
  return node;
}

export const num = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
export const when = s => {
  if (!s) return '—';
  const iso = new Date(s).toISOString();
  return (iso.slice(17, 23) === '00.000' ? iso.slice(0, 16) : iso.slice(0, 19)).replace('T', ' ') + ' UTC';
};

export function table(caption, columns, rows) {
  return h('table', {},
    h('caption', { class: 'muted' }, caption),
    h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col', class: c.num ? 'num' : null }, c.label)))),
    h('tbody', {}, rows.map(r => h('tr', {}, columns.map(c => h('td', { class: c.num ? 'num' : null }, c.cell(r)))))));
}

let seriesCache;
export async function currentSeries() {
  if (!seriesCache) {
    const list = await api('/api/series');
    if (list.series.length === 0) throw new Error('No series has data yet.');
    const id = list.series[0];
    const latest = await api(`/api/series/${encodeURIComponent(id)}/rankings/channels/minute${query({ limit: 1 })}`);
    seriesCache = { id, latest: new Date(latest.at) };
  }
  return seriesCache;
}

const iso = d => d.toISOString().slice(0, 16) + ':00Z';

/** The window form; onChange gets {from, to, step} as API query values. */
export function windowForm(latest, { step = true, onChange }) {
  const id = Math.random().toString(36).slice(2, 7);
  const range = h('select', { id: `range-${id}`, name: 'range' },
    h('option', { value: '1' }, 'Last hour'), h('option', { value: '6' }, 'Last 6 hours'),
    h('option', { value: '24', selected: true }, 'Last 24 hours'), h('option', { value: 'custom' }, 'From / to'));
  const end = new Date(latest.getTime() + 60000);
  const from = h('input', { type: 'datetime-local', name: 'from', value: iso(new Date(end - 3600000)).slice(0, 16), disabled: true });
  const to = h('input', { type: 'datetime-local', name: 'to', value: iso(end).slice(0, 16), disabled: true });
  const stepSelect = h('select', { name: 'step' }, ['1m', '5m', '1h', '1d'].map(s => h('option', { value: s, selected: s === '5m' }, s)));
  const value = () => {
    const custom = range.value === 'custom';
    from.disabled = to.disabled = !custom;
    const window = custom
      ? { from: from.value + ':00Z', to: to.value + ':00Z' }
      : { from: iso(new Date(end - Number(range.value) * 3600000)), to: iso(end) };
    return step ? { ...window, step: stepSelect.value } : window;
  };
  const form = h('form', { 'aria-label': 'Window', onsubmit: e => { e.preventDefault(); onChange(value()); } },
    h('label', {}, 'Window', range),
    h('label', {}, 'From (UTC)', from),
    h('label', {}, 'To (UTC)', to),
    step ? h('label', {}, 'Step', stepSelect) : null,
    h('button', { type: 'submit' }, 'Show'));
  for (const input of [range, stepSelect]) input.addEventListener('change', () => onChange(value()));
  return { form, value };
}

export function failure(target, error) {
  target.replaceChildren(h('p', { class: 'error', role: 'alert' }, error.message));
}
