// web/src/charts.js — plots, loss curves and decision regions drawn as SVG
// under the graph, from the numbers the embedding API hands over with each
// picture (web/glue.c's JSON): `plot e, x = lo..hi` draws e and de/dx
// against x, `plot xs` a list against its index, `regions m, X, y` the
// sign of the model's score over the plane with the points over it. The
// terminal still shows each picture as mgrad draws it in text.
import { formatNumber } from './picture.js';

const NS = 'http://www.w3.org/2000/svg';
const W = 480;
const H = 300;
const PAD = { left: 52, right: 12, top: 26, bottom: 28 };

function el(name, attributes = {}, text) {
    const e = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
}

function extent(values) {
    const finite = values.filter((v) => v !== null && Number.isFinite(v));
    if (!finite.length) return [0, 1];
    let lo = Math.min(...finite);
    let hi = Math.max(...finite);
    if (lo === hi) {
        lo -= 1;
        hi += 1;
    }
    return [lo, hi];
}

function ticks(lo, hi, count = 5) {
    const step = 10 ** Math.floor(Math.log10((hi - lo) / count));
    const nice = [1, 2, 5, 10].map((m) => m * step).find((s) => (hi - lo) / s <= count) || step * 10;
    const out = [];
    for (let t = Math.ceil(lo / nice) * nice; t <= hi + nice * 1e-9; t += nice) out.push(Number(t.toPrecision(12)));
    return out;
}

// A frame with axes: returns the SVG and functions from data to pixels.
function frame(title, [x0, x1], [y0, y1]) {
    const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title, class: 'chart' });
    const px = (x) => PAD.left + ((x - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
    const py = (y) => H - PAD.bottom - ((y - y0) / (y1 - y0)) * (H - PAD.top - PAD.bottom);
    svg.append(el('rect', { x: PAD.left, y: PAD.top, width: W - PAD.left - PAD.right,
        height: H - PAD.top - PAD.bottom, class: 'plot-area' }));
    for (const t of ticks(x0, x1)) {
        svg.append(el('line', { x1: px(t), x2: px(t), y1: PAD.top, y2: H - PAD.bottom, class: 'grid' }));
        svg.append(el('text', { x: px(t), y: H - PAD.bottom + 16, 'text-anchor': 'middle', class: 'tick' }, formatNumber(t)));
    }
    for (const t of ticks(y0, y1)) {
        svg.append(el('line', { x1: PAD.left, x2: W - PAD.right, y1: py(t), y2: py(t), class: 'grid' }));
        svg.append(el('text', { x: PAD.left - 6, y: py(t) + 4, 'text-anchor': 'end', class: 'tick' }, formatNumber(t)));
    }
    return { svg, px, py };
}

function path(xs, ys, px, py) {
    let d = '';
    let pen = false;
    for (let i = 0; i < xs.length; i++) {
        if (ys[i] === null || !Number.isFinite(ys[i])) {
            pen = false;
            continue;
        }
        d += `${pen ? 'L' : 'M'}${px(xs[i]).toFixed(1)},${py(ys[i]).toFixed(1)}`;
        pen = true;
    }
    return d;
}

function legend(svg, items) {
    let x = PAD.left;
    for (const [text, cls] of items) {
        svg.append(el('line', { x1: x, x2: x + 18, y1: 13, y2: 13, class: cls }));
        const t = el('text', { x: x + 22, y: 17, class: 'legend' }, text);
        svg.append(t);
        x += 34 + text.length * 7;
    }
}

function drawPlot(p) {
    const [y0, y1] = extent([...p.y, ...p.slope]);
    const { svg, px, py } = frame(`plot of ${p.title}`, extent(p.x), [y0, y1]);
    svg.append(el('path', { d: path(p.x, p.slope, px, py), class: 'line slope' }));
    svg.append(el('path', { d: path(p.x, p.y, px, py), class: 'line value' }));
    legend(svg, [[p.title, 'line value'], [`d${p.title}/d${p.variable}`, 'line slope']]);
    return svg;
}

function drawCurve(p) {
    const xs = p.y.map((_, i) => i);
    const { svg, px, py } = frame(`plot of ${p.title}`, [0, Math.max(1, xs.length - 1)], extent(p.y));
    svg.append(el('path', { d: path(xs, p.y, px, py), class: 'line value' }));
    legend(svg, [[`${p.title} (${p.y.length} values)`, 'line value']]);
    return svg;
}

function drawRegions(p) {
    const [x0, x1, y0, y1] = p.extent;
    const { svg, px, py } = frame('decision regions', [x0, x1], [y0, y1]);
    const cw = (W - PAD.left - PAD.right) / p.columns;
    const ch = (H - PAD.top - PAD.bottom) / p.rows;
    for (let r = 0; r < p.rows; r++) {
        for (let c = 0; c < p.columns; c++) {
            const s = p.scores[r * p.columns + c];
            if (s === null) continue;
            svg.append(el('rect', { x: (PAD.left + c * cw).toFixed(2), y: (H - PAD.bottom - (r + 1) * ch).toFixed(2),
                width: (cw + 0.5).toFixed(2), height: (ch + 0.5).toFixed(2), class: s > 0 ? 'region-pos' : 'region-neg' }));
        }
    }
    for (let i = 0; i < p.y.length; i++) {
        svg.append(el('circle', { cx: px(p.x[i]).toFixed(1), cy: py(p.y[i]).toFixed(1), r: 3.2,
            class: p.labels[i] > 0 ? 'point-pos' : 'point-neg' }));
    }
    legend(svg, [['score > 0', 'region-pos-key'], ['label > 0', 'point-pos-key'], ['label ≤ 0', 'point-neg-key']]);
    return svg;
}

export class Charts {
    constructor(box) {
        this.box = box;
    }

    // Shows a picture from the worker, replacing the one before.
    add(picture) {
        const draw = { plot: drawPlot, curve: drawCurve, regions: drawRegions }[picture.kind];
        if (!draw) return;
        this.box.replaceChildren(draw(picture));
        this.box.hidden = false;
    }
}
