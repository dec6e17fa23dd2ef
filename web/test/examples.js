// web/test/examples.js — runs every examples/*.mg through the WebAssembly
// build in Node, through the embedding API (web/glue.c), each in a fresh
// module from /examples (as
// tests/run-examples.sh runs them from examples/), and compares standard
// output and error with examples/expected/NAME.out. ASCII pictures and no
// colour, as the C locale gives natively.
//
//   node --no-experimental-fetch web/test/examples.js build/web/mgrad.js
//
// Prints `ok - ...` / `not ok - ...` per example and the time each took.
'use strict';
const fs = require('fs');
const path = require('path');

const moduleFile = path.resolve(process.argv[2] || 'build/web/mgrad.js');
const root = path.resolve(__dirname, '../..');
const createMgrad = require(moduleFile);

async function runExample(name) {
    let output = '';
    const mgrad = await createMgrad({
        onText: (text) => { output += text; },
        onPicture: () => {},
    });
    mgrad.FS.chdir('/examples');
    mgrad.ccall('web_start', 'number', ['number', 'number', 'number'], [1, 0, 0]);
    const text = fs.readFileSync(path.join(root, 'examples', name + '.mg'), 'utf8');
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const status = mgrad.ccall('web_run', 'number', ['string', 'string'], [name + '.mg', text]);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const used = process.cpuUsage(cpu);
    return { output, status, seconds, cpu: (used.user + used.system) / 1e6 };
}

// Whether two lines say the same up to the last bits of their numbers:
// the page's libm (musl's, compiled to WebAssembly) rounds tanh and exp
// differently from glibc's in the last place, which exact printing shows
// (0.7071067811865476 against ...477). Words must match exactly; numbers
// within 1e-12 relative.
const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g;
function sameLine(x, y) {
    if (x === y) return true;
    if (x === undefined || y === undefined) return false;
    if (x.replace(NUMBER, '#') !== y.replace(NUMBER, '#')) return false;
    const u = x.match(NUMBER) || [], v = y.match(NUMBER) || [];
    return u.every((t, i) => {
        const p = Number(t), q = Number(v[i]);
        return p === q || Math.abs(p - q) <= 1e-12 * Math.max(Math.abs(p), Math.abs(q));
    });
}

async function main() {
    const names = fs.readdirSync(path.join(root, 'examples'))
        .filter((f) => f.endsWith('.mg')).map((f) => f.slice(0, -3)).sort();
    for (const name of names) {
        const expected = fs.readFileSync(
            path.join(root, 'examples/expected', name + '.out'), 'utf8');
        const { output, status, seconds, cpu } = await runExample(name);
        const took = `(${seconds.toFixed(2)} s, ${cpu.toFixed(2)} s of CPU)`;
        if (status !== 0) {
            console.log(`not ok - wasm example ${name}: status ${status} ${took}`);
        } else if (output === expected) {
            console.log(`ok - wasm example ${name} ${took}`);
        } else {
            const a = expected.split('\n');
            const b = output.split('\n');
            let i = 0;
            while (i < a.length && sameLine(a[i], b[i])) i++;
            if (i === a.length && a.length === b.length) {
                console.log(`ok - wasm example ${name}, numbers within 1e-12 ${took}`);
                continue;
            }
            console.log(`not ok - wasm example ${name}: output differs at line ${i + 1} ${took}`);
            console.log(`#   expected: ${JSON.stringify(a[i])}`);
            console.log(`#   actual:   ${JSON.stringify(b[i])}`);
        }
    }
}

main().catch((e) => { console.log(`not ok - wasm examples: ${e.stack || e}`); });
