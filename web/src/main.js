// web/src/main.js — the page: a terminal that behaves as mgrad's REPL (line
// editing, history kept in localStorage, Tab completion, Ctrl-C), the
// examples menu, and beside it the graph of the value the last entry
// showed, drawn by Graphviz (viz.js) from mgrad's own `dot` text and
// redrawn after every entry. The picture plays backward: step by step, in
// the order backward visits the nodes, with the line `explain` prints for
// each step (picture.js).
//
// The interpreter runs in a Web Worker (worker.js). Ctrl-C during an entry
// ends that worker and starts a new one, which replays the session's
// earlier entries without showing their output: the bindings come back,
// and what the interrupted entry had done is undone.
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { Picture } from './picture.js';
import { LineEditor } from './editor.js';
import { Charts } from './charts.js';

const VERSION = '0.1';
const PROMPT = '> ';
const PROMPT_MORE = '... ';
// embed/mgrad.h's MgradStatus
const MGRAD_QUIT = 3;
const MGRAD_NO_MEMORY = 4;
const EXAMPLES = ['intro', 'neuron', 'derivative', 'micrograd', 'mlp', 'moons', 'moons_kept'];

const opened = performance.now();
const dark = window.matchMedia('(prefers-color-scheme: dark)');
const themes = {
    light: { background: '#fbfbf8', foreground: '#1d1d1b', cursor: '#1d1d1b',
        selectionBackground: '#c8d7ee', black: '#1d1d1b', red: '#b3261e',
        green: '#2e7d32', yellow: '#8a6d00', blue: '#1f5fae', magenta: '#8e3a9b',
        cyan: '#00707a', white: '#e8e8e4', brightBlack: '#6b6b66' },
    dark: { background: '#17181a', foreground: '#e6e6e1', cursor: '#e6e6e1',
        selectionBackground: '#3a4a63', black: '#17181a', red: '#ff8a80',
        green: '#9ccc65', yellow: '#ffd54f', blue: '#82b1ff', magenta: '#ea80fc',
        cyan: '#80deea', white: '#e6e6e1', brightBlack: '#9a9a94' },
};

const term = new Terminal({
    fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
    fontSize: 14,
    cursorBlink: true,
    convertEol: true,
    scrollback: 5000,
    theme: dark.matches ? themes.dark : themes.light,
});
const fit = new FitAddon();
term.loadAddon(fit);
term.open(document.getElementById('terminal'));
fit.fit();
dark.addEventListener('change', () => {
    term.options.theme = dark.matches ? themes.dark : themes.light;
});

const status = document.getElementById('status');
const picture = new Picture(document.getElementById('picture-panel'), (message) => {
    status.textContent = message;
});

// ---- the worker --------------------------------------------------------------

let worker = null;
let nextId = 1;
const waiting = new Map();
const session = { entries: [], line: 1, running: false };

function request(type, fields = {}) {
    const id = nextId++;
    return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ type, id, ...fields });
    });
}

function startWorker(replay) {
    if (worker) worker.terminate();
    for (const { reject } of waiting.values()) reject(new Error('restarted'));
    waiting.clear();
    worker = new Worker('worker.js');
    worker.onmessage = (event) => {
        const m = event.data;
        if (m.type === 'out') {
            term.write(m.text);
            return;
        }
        if (m.type === 'picture') {
            charts.add(m.picture);
            return;
        }
        const w = waiting.get(m.id);
        if (!w) return;
        waiting.delete(m.id);
        if (m.failure) w.reject(new Error(m.failure));
        else w.resolve(m.value);
    };
    worker.onerror = (event) => {
        console.error('mgrad worker:', event.message);
    };
    return request('start', { columns: term.cols, rows: term.rows, replay });
}

// ---- the REPL ----------------------------------------------------------------

const history = (() => {
    try {
        return JSON.parse(localStorage.getItem('mgrad-history') || '[]');
    } catch {
        return [];
    }
})();

function saveHistory(entry) {
    if (!entry.trim()) return;
    if (history[history.length - 1] !== entry) history.push(entry);
    while (history.length > 1000) history.shift();
    try {
        localStorage.setItem('mgrad-history', JSON.stringify(history));
    } catch {
        // storage full or refused: the history lives for this page only
    }
}

const editor = new LineEditor(term, history, {
    complete: (text, cursor) => request('complete', { text, cursor }),
});

let pending = '';        // the lines of an entry still open

// The whole scrollback as text (the browser test reads it).
window.mgradTranscript = () => {
    const b = term.buffer.active;
    const lines = [];
    for (let i = 0; i < b.length; i++) lines.push(b.getLine(i).translateToString(true));
    return lines.join('\n');
};

// Entries finished so far (the browser test waits on it).
function finished() {
    window.mgradEntries = (window.mgradEntries || 0) + 1;
}

async function onLine(line) {
    pending = pending ? pending + '\n' + line : line;
    if (await request('needsMore', { text: pending })) {
        editor.prompt(PROMPT_MORE);
        return;
    }
    const text = pending;
    pending = '';
    saveHistory(text);
    await runEntry(text);
}

async function runEntry(text) {
    const lines = text.split('\n').length;
    if (!text.trim()) {
        session.line += lines;
        editor.prompt(PROMPT);
        finished();
        return;
    }
    const entry = { text, line: session.line };
    session.line += lines;
    session.running = true;
    document.body.classList.add('running');
    let answer;
    try {
        answer = await request('run', entry);
    } catch {
        return; // interrupted: the worker was replaced
    }
    session.running = false;
    document.body.classList.remove('running');
    session.entries.push(entry);
    if (answer.status === MGRAD_QUIT || answer.status === MGRAD_NO_MEMORY) {
        term.write(answer.status === MGRAD_QUIT ? 'the session ended; a new one starts\n'
            : 'the session ran out of memory; a new one starts\n');
        session.entries = [];
        session.line = 1;
        await startWorker([]);
        picture.show({});
    } else {
        picture.show(answer.graph);
    }
    status.textContent = `ran in ${answer.ms.toFixed(0)} ms`;
    await picture.drawing;
    editor.prompt(PROMPT);
    finished();
}

async function interrupt() {
    term.write('^C\n');
    status.textContent = 'interrupting: replaying the session\u2026';
    editor.queue.length = 0;
    const started = performance.now();
    const answer = await startWorker(session.entries);
    session.running = false;
    document.body.classList.remove('running');
    term.write('\x1b[31minterrupted\x1b[0m\n');
    status.textContent = `interrupted; ${session.entries.length} entries replayed in ` +
        `${(performance.now() - started).toFixed(0)} ms`;
    await picture.show(answer.graph);
    editor.prompt(PROMPT);
    finished();
}

editor.onLine = (line) => { onLine(line); };
editor.onCancel = () => {
    pending = '';
    editor.prompt(PROMPT);
};

term.onData((data) => {
    if (session.running && data === '\x03') interrupt();
    else editor.feed(data);
});

// Escape leaves the terminal for the controls (Tab completes inside it).
term.attachCustomKeyEventHandler((event) => {
    if (event.type === 'keydown' && event.key === 'Escape') {
        document.getElementById('examples').focus();
        return false;
    }
    return true;
});

new ResizeObserver(() => {
    fit.fit();
    term.scrollToBottom();
    if (worker) request('resize', { columns: term.cols, rows: term.rows }).catch(() => {});
}).observe(document.getElementById('terminal'));

// ---- the controls ------------------------------------------------------------

const examples = document.getElementById('examples');
for (const name of EXAMPLES) {
    const option = document.createElement('option');
    option.value = name;
    option.textContent = `${name}.mg`;
    examples.append(option);
}
examples.addEventListener('change', () => {
    const name = examples.value;
    examples.value = '';
    if (!name || session.running) return;
    term.focus();
    editor.typeAndRun(`load "${name}.mg"`);
});

const pin = document.getElementById('pin');
pin.addEventListener('click', async () => {
    if (session.running) return;
    const on = pin.getAttribute('aria-pressed') !== 'true';
    const answer = await request('pin', { on });
    pin.setAttribute('aria-pressed', answer.pinned ? 'true' : 'false');
    pin.textContent = answer.pinned ? 'Unpin' : 'Pin';
    picture.show(answer.graph);
});

const charts = new Charts(document.getElementById('charts'));

picture.onPlayRequest = () => (session.running ? null : request('steps'));

document.getElementById('focus-terminal').addEventListener('click', () => term.focus());

// ---- start -------------------------------------------------------------------

term.write(`mgrad ${VERSION} \u2014 type help for help, quit to leave\n`);
term.write('\x1b[2m(in the browser: Esc leaves the terminal, the picture beside ' +
    'it follows the value each entry shows)\x1b[0m\n');
startWorker([]).then((answer) => {
    const ms = performance.now() - opened;
    document.body.dataset.readyMs = ms.toFixed(0);
    status.textContent = `ready in ${ms.toFixed(0)} ms (module ${answer.ms.toFixed(0)} ms)`;
    picture.show(answer.graph);
    editor.prompt(PROMPT);
    term.focus();
});
