// web/src/picture.js — the graph beside the REPL: mgrad's `dot` text (the
// record nodes { label | data | grad } and the operation nodes of
// micrograd's draw_dot) drawn as SVG by Graphviz compiled to WebAssembly
// (@viz-js/viz), and played backward: at each step the node backward
// visits lights up, the gradient it receives appears in its record, and the
// line `explain` prints for that step is shown under the picture.
//
// Nodes are found in the SVG by Graphviz's <title>: mgrad names a value's
// record n<id> and its operation n<id>op, where <id> is the value's
// creation number, which the steps (web/glue.c's web_steps) also use.
// Graphviz is loaded when the first graph is drawn, not before the prompt.
const loadViz = () => import('@viz-js/viz').then((m) => m.instance());

const SPEEDS = [0.5, 1, 2, 4];

export class Picture {
    constructor(panel, setStatus) {
        this.panel = panel;
        this.setStatus = setStatus;
        this.view = panel.querySelector('#graph');
        this.caption = panel.querySelector('#graph-caption');
        this.line = panel.querySelector('#explain-line');
        this.buttons = {
            reset: panel.querySelector('#reset'),
            back: panel.querySelector('#back'),
            play: panel.querySelector('#play'),
            step: panel.querySelector('#step'),
        };
        this.speed = panel.querySelector('#speed');
        for (const s of SPEEDS) {
            const option = document.createElement('option');
            option.value = String(s);
            option.textContent = `${s} step${s === 1 ? '' : 's'}/s`;
            if (s === 2) option.selected = true;
            this.speed.append(option);
        }
        this.viz = null;
        this.graph = null;
        this.steps = null;
        this.position = 0;
        this.timer = null;
        this.drawing = Promise.resolve();
        this.onPlayRequest = () => null;

        this.buttons.reset.addEventListener('click', () => this.goTo(0));
        this.buttons.back.addEventListener('click', () => this.stepBy(-1));
        this.buttons.step.addEventListener('click', () => this.stepBy(1));
        this.buttons.play.addEventListener('click', () => this.togglePlay());
        this.speed.addEventListener('change', () => {
            if (this.timer) this.startTimer();
        });
        panel.addEventListener('keydown', (event) => {
            if (event.target.tagName === 'SELECT') return;
            const actions = { ArrowRight: () => this.stepBy(1), ArrowLeft: () => this.stepBy(-1),
                Home: () => this.goTo(0), p: () => this.togglePlay() };
            if (actions[event.key]) {
                actions[event.key]();
                event.preventDefault();
            }
        });
        this.enable(false);
    }

    enable(on) {
        for (const b of Object.values(this.buttons)) b.disabled = !on;
    }

    // A graph from the worker: {root, nodes, dot} or {} (see web_graph).
    show(graph) {
        this.drawing = this.drawing.then(() => this.draw(graph || {}));
        return this.drawing;
    }

    async draw(graph) {
        this.stop();
        this.steps = null;
        this.position = 0;
        this.graph = graph;
        this.line.textContent = '';
        if (graph.root === undefined) {
            this.view.replaceChildren();
            this.caption.textContent = 'The graph of the value an entry shows appears here.';
            this.enable(false);
            return;
        }
        if (!graph.dot) {
            this.view.replaceChildren();
            this.caption.textContent = `This value's graph has ${graph.nodes} nodes: too many ` +
                'to draw here (400 at most). Pin a smaller value, or use tree and polytree.';
            this.enable(false);
            return;
        }
        if (!this.viz) this.viz = await loadViz();
        const svg = this.viz.renderSVGElement(graph.dot);
        svg.removeAttribute('width');
        svg.removeAttribute('height');
        svg.setAttribute('role', 'img');
        this.view.replaceChildren(svg);
        this.nodes = new Map();
        this.grads = new Map();
        for (const g of svg.querySelectorAll('g.node')) {
            const title = g.querySelector('title').textContent;
            this.nodes.set(title, g);
            const grad = [...g.querySelectorAll('text')].find((t) => t.textContent.startsWith('grad '));
            if (grad) this.grads.set(title, { text: grad, original: grad.textContent });
        }
        this.edges = new Map();
        for (const g of svg.querySelectorAll('g.edge'))
            this.edges.set(g.querySelector('title').textContent, g);
        const label = svg.querySelector(`g.node text`);
        svg.setAttribute('aria-label', `graph of ${graph.nodes} nodes`);
        this.caption.textContent = `${label ? label.textContent : 'value'}: ` +
            `${graph.nodes} node${graph.nodes === 1 ? '' : 's'}. Play to watch backward.`;
        this.enable(true);
        this.buttons.back.disabled = true;
        this.buttons.reset.disabled = true;
    }

    async load() {
        if (this.steps) return true;
        const answer = this.onPlayRequest();
        if (!answer) return false;
        const steps = await answer;
        if (!this.graph || steps.root !== this.graph.root) return false;
        this.steps = steps;
        return true;
    }

    // Positions: 0 the picture as drawn; 1 the root (dL/dL = 1); k + 1
    // after step k of backward. The last shows backward's gradients.
    last() {
        return this.steps ? this.steps.steps.length + 1 : 0;
    }

    async stepBy(delta) {
        if (!(await this.load())) return;
        this.goTo(Math.min(this.last(), Math.max(0, this.position + delta)));
        if (this.position === this.last()) this.stop();
    }

    goTo(position) {
        this.position = position;
        this.render();
        this.buttons.back.disabled = position === 0;
        this.buttons.reset.disabled = position === 0;
        this.buttons.step.disabled = this.steps !== null && position === this.last();
        this.panel.dataset.step = String(position);
    }

    render() {
        for (const g of this.nodes.values())
            g.classList.remove('visited', 'current', 'current-parent', 'current-op');
        for (const g of this.edges.values()) g.classList.remove('current');
        if (this.position === 0) {
            for (const { text, original } of this.grads.values()) text.textContent = original;
            this.line.textContent = '';
            return;
        }
        const { steps, lines, root } = this.steps;
        for (const { text } of this.grads.values()) text.textContent = 'grad';
        const set = (id, grad) => {
            const g = this.grads.get(`n${id}`);
            if (g) g.text.textContent = `grad ${typeof grad === 'number' ? formatNumber(grad) : grad}`;
            const node = this.nodes.get(`n${id}`);
            if (node) node.classList.add('visited');
        };
        set(root, '1');
        for (let i = 0; i < this.position - 1; i++) set(steps[i][1], steps[i][2]);
        this.line.textContent = lines[this.position - 1] || '';
        if (this.position === 1) {
            this.nodes.get(`n${root}`)?.classList.add('current');
            return;
        }
        const [parent, child] = steps[this.position - 2];
        this.nodes.get(`n${child}`)?.classList.add('current');
        this.nodes.get(`n${parent}`)?.classList.add('current-parent');
        this.nodes.get(`n${parent}op`)?.classList.add('current-op');
        this.edges.get(`n${child}->n${parent}op`)?.classList.add('current');
        this.edges.get(`n${parent}op->n${parent}`)?.classList.add('current');
    }

    async togglePlay() {
        if (this.timer) {
            this.stop();
            return;
        }
        if (!(await this.load())) return;
        if (this.position === this.last()) this.goTo(0);
        this.buttons.play.textContent = 'Pause';
        this.buttons.play.setAttribute('aria-pressed', 'true');
        this.startTimer();
        this.stepBy(1);
    }

    startTimer() {
        clearInterval(this.timer);
        const rate = Number(this.speed.value) || 2;
        this.timer = setInterval(() => this.stepBy(1), 1000 / rate);
    }

    stop() {
        clearInterval(this.timer);
        this.timer = null;
        this.buttons.play.textContent = 'Play';
        this.buttons.play.setAttribute('aria-pressed', 'false');
    }
}

// A number as mgrad's pictures write it (C's %.6g, view_format_number).
export function formatNumber(x) {
    if (Number.isNaN(x)) return 'nan';
    if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
    if (x === 0) return Object.is(x, -0) ? '-0' : '0';
    const exponent = Number(x.toExponential(5).split('e')[1]);
    if (exponent < -4 || exponent >= 6) {
        const [mantissa, e] = x.toExponential(5).split('e');
        const m = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
        const n = Number(e);
        return `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
    }
    const fixed = x.toFixed(Math.max(0, 5 - exponent));
    return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}
