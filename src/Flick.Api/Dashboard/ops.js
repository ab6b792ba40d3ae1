// The operator page: re-run a series and follow it, manual pulls, dead letters.
import { api } from './api.js';
import { h, when, table, currentSeries, failure } from './ui.js';

const enc = encodeURIComponent;
const QUEUES = ['pull-requests', 'ingest', 'runs'];
const done = s => s === 'succeeded' || s === 'failed';

export async function operatorPage(main) {
  const series = await currentSeries();
  const from = h('input', { type: 'datetime-local', name: 'from' });
  const to = h('input', { type: 'datetime-local', name: 'to' });
  const run = h('div', { id: 'run', 'aria-live': 'polite' });
  const follow = async runId => {
    for (;;) {
      const r = await api(`/api/runs/${enc(runId)}`);
      run.replaceChildren(h('dl', { class: 'facts' },
        h('dt', {}, 'Run'), h('dd', {}, r.runId),
        h('dt', {}, 'Status'), h('dd', { id: 'run-status', 'data-status': r.status }, r.status),
        h('dt', {}, 'Slots done'), h('dd', { id: 'run-slots' }, `${r.slotsDone} of ${r.slots}`),
        h('dt', {}, 'Observations / rejected'), h('dd', {}, `${r.observations} / ${r.rejected}`),
        h('dt', {}, 'Failures'), h('dd', { id: 'run-error' }, r.error ?? 'none'),
        h('dt', {}, 'Finished'), h('dd', {}, when(r.finishedAt))));
      if (done(r.status) || !main.isConnected) return;
      await new Promise(ok => setTimeout(ok, 1000));
    }
  };
  const rerun = async e => {
    e.preventDefault();
    try {
      const body = { requestId: crypto.randomUUID() };
      if (from.value) body.from = from.value + ':00Z';
      if (to.value) body.to = to.value + ':00Z';
      const accepted = await api(`/api/series/${enc(series.id)}/runs`, { method: 'POST', body });
      run.replaceChildren(h('p', {}, `Run ${accepted.runId} accepted: ${accepted.slots} slots.`));
      await follow(accepted.runId);
      await listRuns();
    } catch (err) { failure(run, err); }
  };

  const runs = h('div', {});
  const listRuns = async () => {
    try {
      const list = await api(`/api/series/${enc(series.id)}/runs?limit=10`);
      runs.replaceChildren(table('Latest runs', [
        { label: 'Run', cell: r => r.runId }, { label: 'Reason', cell: r => r.reason }, { label: 'Status', cell: r => r.status },
        { label: 'Slots', num: true, cell: r => `${r.slotsDone}/${r.slots}` }, { label: 'Created', cell: r => when(r.createdAt) }], list.runs));
    } catch (err) { failure(runs, err); }
  };

  const pullOut = h('p', { 'aria-live': 'polite' });
  const pullAt = h('input', { type: 'datetime-local', name: 'at' });
  const source = h('select', { name: 'source' });
  const listSources = async () => {
    try {
      const list = await api('/api/sources');
      source.replaceChildren(...list.sources.map(s => h('option', { value: s.name }, `${s.name} (series ${s.seriesId})`)));
      if (list.sources.length === 0) pullOut.textContent = 'No source is configured.';
    } catch (err) { failure(pullOut, err); }
  };
  const pull = async e => {
    e.preventDefault();
    try {
      const body = { source: source.value };
      if (pullAt.value) body.at = pullAt.value + ':00Z';
      const a = await api('/api/pulls', { method: 'POST', body });
      pullOut.textContent = `Pull ${a.messageId} of ${a.source} queued${a.at ? ' for ' + when(a.at) : ''}.`;
    } catch (err) { failure(pullOut, err); }
  };

  const queue = h('select', { name: 'queue' }, QUEUES.map(q => h('option', { value: q }, q)));
  const dead = h('div', { 'aria-live': 'polite' });
  const listDead = async () => {
    try {
      const list = await api(`/api/dead-letters/${enc(queue.value)}`);
      dead.replaceChildren(list.messages.length === 0 ? h('p', {}, `No dead letters in ${list.queue}.`)
        : table(`Dead letters of ${list.queue}`, [{ label: 'Message', cell: m => m.messageId }, { label: 'Sent', cell: m => when(m.sentAt) },
          { label: 'Receives', num: true, cell: m => m.receiveCount }, { label: 'Body', cell: m => h('code', {}, m.body.slice(0, 200)) }], list.messages));
    } catch (err) { failure(dead, err); }
  };
  const redrive = async () => {
    try {
      const r = await api(`/api/dead-letters/${enc(queue.value)}/redrive`, { method: 'POST' });
      dead.replaceChildren(h('p', {}, `${r.moved} message(s) moved back to ${r.queue}.`));
    } catch (err) { failure(dead, err); }
  };
  queue.addEventListener('change', listDead);

  main.replaceChildren(h('h1', {}, 'Operator'),
    h('section', { 'aria-labelledby': 'rerun-title' }, h('h2', { id: 'rerun-title' }, `Re-run ${series.id}`),
      h('p', { class: 'muted' }, 'Leave from and to empty to re-run the whole series.'),
      h('form', { onsubmit: rerun }, h('label', {}, 'From (UTC)', from), h('label', {}, 'To (UTC)', to), h('button', { type: 'submit' }, 'Re-run')),
      run, runs),
    h('section', { 'aria-labelledby': 'pull-title' }, h('h2', { id: 'pull-title' }, 'Manual pull'),
      h('form', { onsubmit: pull }, h('label', {}, 'Source', source), h('label', {}, 'Minute (UTC, empty for now)', pullAt),
        h('button', { type: 'submit' }, 'Pull')), pullOut),
    h('section', { 'aria-labelledby': 'dead-title' }, h('h2', { id: 'dead-title' }, 'Dead letters'),
      h('form', { onsubmit: e => { e.preventDefault(); listDead(); } }, h('label', {}, 'Queue', queue),
        h('button', { type: 'submit', class: 'secondary' }, 'List'), h('button', { type: 'button', onclick: redrive }, 'Redrive')), dead));
  await Promise.all([listRuns(), listDead(), listSources()]);
}
