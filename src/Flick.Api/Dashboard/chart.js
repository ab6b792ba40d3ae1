// A small SVG line chart: one line per series, every point a <circle> with a <title> tooltip.
const NS = 'http://www.w3.org/2000/svg';
const W = 800, H = 300, L = 64, R = 48, T = 16, B = 40;

function el(name, attrs = {}, text) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

const fmt = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const time = d => d.toISOString().slice(5, 16).replace('T', ' ');

/** points: [{at: Date}], lines: [{key, label, className}] */
export function lineChart(title, points, lines) {
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': title });
  svg.append(el('title', {}, title));
  if (points.length === 0) {
    svg.append(el('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle' }, 'No data in this window'));
    return svg;
  }
  const xs = points.map(p => p.at.getTime());
  const x0 = Math.min(...xs), x1 = Math.max(...xs);
  const yMax = Math.max(1, ...points.flatMap(p => lines.map(l => p[l.key])));
  const x = t => L + (x1 === x0 ? (W - L - R) / 2 : (t - x0) / (x1 - x0) * (W - L - R));
  const y = v => H - B - v / yMax * (H - T - B);

  svg.append(el('line', { class: 'axis', x1: L, y1: H - B, x2: W - R, y2: H - B }));
  svg.append(el('line', { class: 'axis', x1: L, y1: T, x2: L, y2: H - B }));
  for (let i = 0; i <= 4; i++) {
    const v = yMax * i / 4;
    svg.append(el('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end' }, fmt.format(v)));
  }
  const ticks = Math.min(5, points.length);
  for (let i = 0; i < ticks; i++) {
    const t = ticks === 1 ? x0 : x0 + (x1 - x0) * i / (ticks - 1);
    svg.append(el('text', { x: x(t), y: H - B + 18, 'text-anchor': 'middle' }, time(new Date(t)) + ' UTC'));
  }
  for (const line of lines) {
    const d = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.at.getTime()).toFixed(1)},${y(p[line.key]).toFixed(1)}`).join('');
    svg.append(el('path', { class: line.className, d }));
    const group = el('g', { 'data-series': line.key });
    for (const p of points) {
      const c = el('circle', { class: line.className, cx: x(p.at.getTime()).toFixed(1), cy: y(p[line.key]).toFixed(1), r: 3 });
      c.append(el('title', {}, `${line.label} ${time(p.at)}: ${fmt.format(p[line.key])}`));
      group.append(c);
    }
    svg.append(group);
  }
  return svg;
}

export function legend(lines) {
  const p = document.createElement('p');
  p.className = 'legend';
  for (const l of lines) {
    const s = document.createElement('span');
    s.className = l.className;
    s.textContent = l.label;
    p.append(s);
  }
  return p;
}
