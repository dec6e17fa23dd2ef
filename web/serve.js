// web/serve.js — `make serve`: serves web/dist on 127.0.0.1 (PORT, default
// 8000) with the right types for .wasm and .js. The page needs nothing
// else: no server code, no cross-origin isolation (it shares no memory
// between threads). Any static file server does as well.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');

const root = path.resolve(process.argv[2] || path.join(__dirname, 'dist'));
const port = Number(process.env.PORT || 8000);
const types = {
    '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm',
    '.svg': 'image/svg+xml', '.png': 'image/png',
};

const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) {
        res.writeHead(403).end();
        return;
    }
    if (file.endsWith(path.sep)) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
        if (err) {
            res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
            return;
        }
        res.writeHead(200, {
            'Content-Type': types[path.extname(file)] || 'application/octet-stream',
            'Cache-Control': 'no-cache',
        });
        res.end(data);
    });
});
server.listen(port, '127.0.0.1', () => {
    console.log(`serving ${root} on http://127.0.0.1:${server.address().port}/`);
});
