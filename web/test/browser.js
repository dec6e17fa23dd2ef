// web/test/browser.js — the page in Debian's headless Chromium, driven by
// playwright-core, against a server already serving web/dist (make serve).
//
//   node web/test/browser.js http://127.0.0.1:PORT/ SCREENSHOT_DIR
//
// It types the lecture's first example and checks the REPL's text, the
// picture's labels and gradients, that playing backward goes through the
// nodes in explain's order, that Ctrl-C stops `while 1 { }` and keeps the
// session, that `dot L "g.svg"` says why it cannot, and that the console
// shows no error; then it saves screenshots at a laptop's and a phone's
// size. One `ok -` / `not ok -` line per check; `#` lines are measurements.
'use strict';
const path = require('path');
const { chromium } = require('playwright-core');

const url = process.argv[2];
const shots = process.argv[3] || '.';
const failures = [];

function check(ok, name, detail) {
    console.log(`${ok ? 'ok' : 'not ok'} - browser: ${name}`);
    if (!ok) {
        failures.push(name);
        if (detail !== undefined) console.log(`#   ${String(detail).split('\n').join('\n#   ')}`);
    }
}

// The terminal's text, row by row, as xterm.js draws it in the DOM.
async function screen(page) {
    return page.$$eval('.xterm-rows > div', (rows) => rows.map((r) => r.textContent.replace(/\u00a0/g, ' ').trimEnd()).join('\n'));
}

async function waitForText(page, text, timeout = 20000) {
    await page.waitForFunction((t) => {
        const rows = [...document.querySelectorAll('.xterm-rows > div')];
        return rows.map((r) => r.textContent.replace(/\u00a0/g, ' ')).join('\n').includes(t);
    }, text, { timeout });
}

// Types an entry and waits for the next prompt after its output.
async function enter(page, text) {
    const before = await page.evaluate(() => window.mgradEntries || 0);
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => (window.mgradEntries || 0) > n, before, { timeout: 60000 });
}

async function main() {
    const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));

    const opened = Date.now();
    await page.goto(url);
    await page.waitForSelector('body[data-ready-ms]', { timeout: 30000 });
    const ready = await page.$eval('body', (b) => Number(b.dataset.readyMs));
    console.log(`# first prompt ${ready} ms after the page began loading (${Date.now() - opened} ms from goto)`);
    check((await screen(page)).includes('mgrad 0.1'), 'banner and prompt');

    // The lecture's first example.
    await enter(page, 'a=2; b=-3; c=10; L=a*b+c');
    await page.waitForSelector('#graph svg');
    let text = await screen(page);
    check(/^> a=2; b=-3; c=10; L=a\*b\+c\nL = 4$/m.test(text), 'the REPL echoes L = 4', text);
    const labels = await page.$$eval('#graph g.node text', (ts) => ts.map((t) => t.textContent));
    const want = ['L', 'a*b', 'a', 'b', 'c', 'data 4', 'data -6', 'data 2', 'data -3', 'data 10', '+', '*'];
    check(want.every((w) => labels.includes(w)), 'the picture holds the node labels and data', labels.join(' | '));

    await enter(page, 'backward L');
    text = await screen(page);
    check(text.includes('> backward L\ndL/da = -3\ndL/db = 2\ndL/dc = 1'), 'backward L reports the gradients', text);
    const grads = await page.$$eval('#graph g.node', (gs) => Object.fromEntries(gs.map((g) => {
        const t = [...g.querySelectorAll('text')].map((x) => x.textContent);
        return [t[0], t.find((x) => x.startsWith('grad ')) || ''];
    })));
    check(grads.a === 'grad -3' && grads.b === 'grad 2' && grads.c === 'grad 1' &&
        grads['a*b'] === 'grad 1' && grads.L === 'grad 1', 'the picture shows the gradients after backward',
    JSON.stringify(grads));

    // explain's lines, then the picture played step by step.
    await enter(page, 'explain L');
    text = await screen(page);
    const explained = text.slice(text.lastIndexOf('> explain L') + '> explain L'.length + 1)
        .split('\n').filter((l) => l.startsWith('dL/d'));
    check(explained.length === 5, 'explain L prints five lines', explained.join('\n'));
    const played = [];
    const visited = [];
    await page.click('#step');
    await page.waitForFunction(() => document.querySelector('#picture-panel').dataset.step === '1');
    for (let k = 1; k <= explained.length; k++) {
        if (k > 1) {
            await page.click('#step');
            await page.waitForFunction((s) => document.querySelector('#picture-panel').dataset.step === String(s), k);
        }
        played.push(await page.$eval('#explain-line', (p) => p.textContent));
        visited.push(await page.$eval('#graph g.node.current text', (t) => t.textContent));
    }
    check(JSON.stringify(played) === JSON.stringify(explained), 'the steps show explain\'s lines in its order',
        `played:\n${played.join('\n')}\nexplained:\n${explained.join('\n')}`);
    const order = explained.map((l) => /^dL\/d\(?(.*?)\)? (\+=|=)/.exec(l)[1]);
    check(JSON.stringify(visited) === JSON.stringify(order), 'each step lights the node explain names',
        `lit: ${visited.join(', ')}; explain: ${order.join(', ')}`);
    const final = await page.$$eval('#graph g.node', (gs) => gs.map((g) => [...g.querySelectorAll('text')]
        .map((x) => x.textContent).join(' ')).filter((t) => t.includes('grad')).sort());
    check(final.includes('a data 2 grad -3') && final.includes('b data -3 grad 2'),
        'after the last step the records hold backward\'s gradients', final.join('\n'));
    await page.screenshot({ path: path.join(shots, 'web-laptop.png') });

    // Play runs by itself to the end.
    await page.click('#reset');
    await page.selectOption('#speed', '4');
    await page.click('#play');
    await page.waitForFunction(() => document.querySelector('#picture-panel').dataset.step === '5', null, { timeout: 10000 });
    check(await page.$eval('#play', (b) => b.textContent === 'Play'), 'play goes to the end and stops');

    // Ctrl-C stops a loop that never ends; the session keeps L. The
    // keyboard's way back to the terminal from the controls:
    await page.focus('#focus-terminal');
    await page.keyboard.press('Enter');
    await page.keyboard.type('while 1 { }');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(800);
    const running = await page.$eval('body', (b) => b.classList.contains('running'));
    const stopAt = Date.now();
    await page.keyboard.press('Control+c');
    await waitForText(page, 'interrupted');
    await page.waitForFunction(() => !document.body.classList.contains('running'));
    console.log(`# Ctrl-C to the prompt: ${Date.now() - stopAt} ms`);
    await enter(page, 'print L, a.grad');
    text = await screen(page);
    check(running && /> print L, a\.grad\n4 -3$/m.test(text), 'Ctrl-C stops while 1 { } and keeps the session', text);

    // dot to a file has no program and no file to use.
    await enter(page, 'dot L "graph.svg"');
    text = await screen(page);
    check(text.includes('cannot render graph.svg in the browser'), 'dot L "graph.svg" says why it cannot', text);

    // Completion and history.
    await page.keyboard.type('expl');
    await page.keyboard.press('Tab');
    await page.waitForTimeout(300);
    await page.keyboard.press('Control+u');
    await page.keyboard.press('ArrowUp');
    await page.waitForTimeout(100);
    text = await screen(page);
    const last = text.split('\n').filter((l) => l.startsWith('> ')).pop();
    check(last === '> dot L "graph.svg"', 'Up recalls the last entry', last);
    await page.keyboard.press('Control+u');
    await page.keyboard.type('expl');
    await page.keyboard.press('Tab');
    await page.waitForTimeout(300);
    text = await screen(page);
    check(text.split('\n').filter((l) => l.startsWith('> ')).pop() === '> explain', 'Tab completes expl to explain');
    await page.keyboard.press('Control+u');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('mgrad-history')));
    check(stored.includes('backward L') && stored.includes('while 1 { }'), 'the history is kept in localStorage');

    // The moons example in the page.
    await page.keyboard.press('Control+l');
    const moonsStart = Date.now();
    await enter(page, 'load "moons.mg"');
    const moonsMs = Date.now() - moonsStart;
    text = await page.evaluate(() => window.mgradTranscript());
    // the last loss to 12 digits (the page's libm may differ in the last bits)
    check(/step 99 loss 0\.01272096943\d* accuracy 100 %/.test(text), 'load "moons.mg" trains to the demo\'s last loss', text.slice(-2000));
    console.log(`# moons.mg in the page: ${moonsMs} ms from Enter to the prompt`);
    const points = await page.$$eval('#charts svg circle', (cs) => cs.length);
    const cells = await page.$$eval('#charts svg rect.region-pos', (rs) => rs.length);
    check(points === 100 && cells > 0, 'the decision regions are drawn in SVG with the 100 points over them',
        `${points} points, ${cells} positive cells`);

    // The browser's dark setting.
    const light = await page.$eval('body', (b) => getComputedStyle(b).backgroundColor);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(300);
    const darkBg = await page.$eval('body', (b) => getComputedStyle(b).backgroundColor);
    const termBg = await page.$eval('.xterm-viewport', (v) => getComputedStyle(v).backgroundColor);
    check(light !== darkBg && darkBg === 'rgb(23, 24, 26)' && termBg === 'rgb(23, 24, 26)',
        'the page and the terminal follow a dark setting', `${light} -> ${darkBg}, terminal ${termBg}`);
    await page.screenshot({ path: path.join(shots, 'web-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });

    // A phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await enter(page, 'o = tanh(a*b + c)');
    await page.waitForTimeout(500);
    const stacked = await page.evaluate(() => {
        const r = document.querySelector('#repl').getBoundingClientRect();
        const p = document.querySelector('#picture-panel').getBoundingClientRect();
        return p.top >= r.bottom - 1;
    });
    check(stacked, 'on a phone the picture is below the REPL');
    await page.screenshot({ path: path.join(shots, 'web-phone.png'), fullPage: true });

    check(errors.length === 0, 'no console error', errors.join('\n'));
    await browser.close();
}

main().catch((e) => {
    check(false, 'the browser test ran', e.stack || e);
}).finally(() => {
    process.exitCode = 0;
});
