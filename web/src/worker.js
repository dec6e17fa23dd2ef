// web/src/worker.js — the interpreter's thread. It loads the WebAssembly
// build (mgrad.js: web/glue.c over the embedding API) and runs one request at a time, so a
// long entry never freezes the page. The page stops a running entry by
// ending this worker and starting another, which replays the session's
// earlier entries silently (see main.js).
//
// Requests: {type: 'start', columns, rows, replay: [{text}]},
// {type: 'run', text}, {type: 'needsMore', text},
// {type: 'complete', text, cursor}, {type: 'steps'}, {type: 'pin', on},
// {type: 'resize', columns, rows}; each carries an id, which its answer
// repeats. Output comes as {type: 'out', text, error} messages before the
// answer, and plots as {type: 'picture', picture} (web/glue.c's JSON).
'use strict';
/* global importScripts, createMgrad */
importScripts('mgrad.js');

const MAX_DRAWN_NODES = 400;
let mgrad = null;
let silent = false;

function graph() {
    return JSON.parse(mgrad.ccall('web_graph', 'string', ['number'], [MAX_DRAWN_NODES]));
}

const handlers = {
    async start(request) {
        const started = performance.now();
        mgrad = await createMgrad({
            locateFile: (file) => file,
            onText: (text, error) => { if (!silent) postMessage({ type: 'out', text, error }); },
            onPicture: (json) => { if (!silent) postMessage({ type: 'picture', picture: JSON.parse(json) }); },
            print: (text) => console.log(text),
            printErr: (text) => console.warn(text),
        });
        mgrad.FS.chdir('/examples');
        mgrad.ccall('web_start', 'number', ['number', 'number', 'number'], [0, 1, 1]);
        mgrad.ccall('web_resize', null, ['number', 'number'], [request.columns, request.rows]);
        silent = true;
        for (const entry of request.replay || [])
            mgrad.ccall('web_run', 'number', ['string', 'string'], ['<repl>', entry.text]);
        silent = false;
        return { ms: performance.now() - started, graph: graph() };
    },
    run(request) {
        const started = performance.now();
        const status = mgrad.ccall('web_run', 'number', ['string', 'string'], ['<repl>', request.text]);
        return { status, ms: performance.now() - started, graph: graph() };
    },
    needsMore(request) {
        return mgrad.ccall('web_needs_more', 'number', ['string'], [request.text]) !== 0;
    },
    complete(request) {
        // the cursor as a byte offset into the UTF-8 text
        const cursor = new TextEncoder().encode(request.text.slice(0, request.cursor)).length;
        const [start, ...words] = mgrad.ccall('web_complete', 'string', ['string', 'number'],
            [request.text, cursor]).split('\n');
        const prefix = new TextDecoder().decode(
            new TextEncoder().encode(request.text).slice(Number(start), cursor));
        return { prefix, words: words.filter((w) => w) };
    },
    steps() {
        return JSON.parse(mgrad.ccall('web_steps', 'string', [], []));
    },
    pin(request) {
        const pinned = mgrad.ccall('web_pin', 'number', ['number'], [request.on ? 1 : 0]) !== 0;
        return { pinned, graph: graph() };
    },
    resize(request) {
        mgrad.ccall('web_resize', null, ['number', 'number'], [request.columns, request.rows]);
        return true;
    },
};

onmessage = async (event) => {
    const request = event.data;
    try {
        const value = await handlers[request.type](request);
        postMessage({ type: 'answer', id: request.id, value });
    } catch (e) {
        postMessage({ type: 'answer', id: request.id, failure: String(e && e.stack || e) });
    }
};
