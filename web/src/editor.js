// web/src/editor.js — a small line editor on an xterm.js terminal, with
// the keys of GNU Readline that mgrad's REPL users reach for: arrows, Home
// and End (Ctrl-A, Ctrl-E), Backspace and Delete, Ctrl-K and Ctrl-U, Up and
// Down through the history, Tab to complete, Ctrl-C to drop the line,
// Ctrl-L to clear the screen. Pasted text runs line by line.
//
// Input that arrives while the editor waits (an entry running, a
// completion being looked up) is kept and handled in order afterwards.

export class LineEditor {
    constructor(term, history, { complete }) {
        this.term = term;
        this.history = history;
        this.complete = complete;
        this.chars = [];          // the line, one array item per character
        this.cursor = 0;
        this.promptText = '';
        this.accepting = false;
        this.queue = [];
        this.historyAt = history.length;
        this.stash = null;
        this.onLine = () => {};
        this.onCancel = () => {};
    }

    // Shows a prompt and starts a new line.
    prompt(text) {
        this.promptText = text;
        this.chars = [];
        this.cursor = 0;
        this.historyAt = this.history.length;
        this.stash = null;
        this.term.write(text);
        this.accepting = true;
        this.drain();
    }

    // Writes text on the line and presses Enter, as if typed.
    typeAndRun(text) {
        this.feed(text + '\r');
    }

    feed(data) {
        this.queue.push(...splitKeys(data));
        this.drain();
    }

    drain() {
        while (this.accepting && this.queue.length) this.key(this.queue.shift());
    }

    line() {
        return this.chars.join('');
    }

    redraw() {
        const after = this.chars.length - this.cursor;
        let out = '\r\x1b[K' + this.promptText + this.line();
        if (after > 0) out += `\x1b[${after}D`;
        this.term.write(out);
    }

    setLine(text) {
        this.chars = Array.from(text);
        this.cursor = this.chars.length;
        this.redraw();
    }

    key(k) {
        switch (k) {
        case '\r':
        case '\n': {
            const line = this.line();
            this.term.write('\r\n');
            this.accepting = false;
            this.onLine(line);
            return;
        }
        case '\x03':
            this.term.write('^C\r\n');
            this.accepting = false;
            this.onCancel();
            return;
        case '\x7f':
        case '\b':
            if (this.cursor > 0) {
                this.chars.splice(--this.cursor, 1);
                this.redraw();
            }
            return;
        case '\x1b[3~':
        case '\x04':
            if (this.cursor < this.chars.length) {
                this.chars.splice(this.cursor, 1);
                this.redraw();
            }
            return;
        case '\x1b[D':
        case '\x02':
            if (this.cursor > 0) {
                this.cursor--;
                this.term.write('\x1b[D');
            }
            return;
        case '\x1b[C':
        case '\x06':
            if (this.cursor < this.chars.length) {
                this.cursor++;
                this.term.write('\x1b[C');
            }
            return;
        case '\x1b[H':
        case '\x1bOH':
        case '\x01':
            this.cursor = 0;
            this.redraw();
            return;
        case '\x1b[F':
        case '\x1bOF':
        case '\x05':
            this.cursor = this.chars.length;
            this.redraw();
            return;
        case '\x0b':
            this.chars.length = this.cursor;
            this.redraw();
            return;
        case '\x15':
            this.chars.splice(0, this.cursor);
            this.cursor = 0;
            this.redraw();
            return;
        case '\x0c':
            this.term.clear();
            this.redraw();
            return;
        case '\x1b[A':
        case '\x10':
            this.recall(-1);
            return;
        case '\x1b[B':
        case '\x0e':
            this.recall(1);
            return;
        case '\t':
            this.completeWord();
            return;
        default:
            if (k.length && k.codePointAt(0) >= 0x20 && k[0] !== '\x1b') {
                const added = Array.from(k);
                this.chars.splice(this.cursor, 0, ...added);
                this.cursor += added.length;
                if (this.cursor === this.chars.length) this.term.write(k);
                else this.redraw();
            }
        }
    }

    recall(direction) {
        const to = this.historyAt + direction;
        if (to < 0 || to > this.history.length) return;
        if (this.historyAt === this.history.length) this.stash = this.line();
        this.historyAt = to;
        const text = to === this.history.length ? this.stash || '' : this.history[to];
        // a recalled entry of several lines is edited as one line
        this.setLine(text.replace(/\n/g, ' ; ').replace(/\{ ; /g, '{ ').replace(/ ; \}/g, ' }'));
    }

    // The interpreter finds the word before the cursor and its candidates.
    async completeWord() {
        const before = this.chars.slice(0, this.cursor).join('');
        this.accepting = false;
        let word = '';
        let words = [];
        try {
            ({ prefix: word, words } = await this.complete(this.line(), before.length));
        } catch {
            return;
        }
        this.accepting = true;
        if (words.length === 1) {
            this.insert(words[0].slice(word.length));
        } else if (words.length > 1) {
            const common = commonPrefix(words);
            if (common.length > word.length) {
                this.insert(common.slice(word.length));
            } else {
                this.term.write('\r\n' + columns(words, this.term.cols) + '\r\n');
                this.redraw();
            }
        }
        this.drain();
    }

    insert(text) {
        this.chars.splice(this.cursor, 0, ...Array.from(text));
        this.cursor += Array.from(text).length;
        this.redraw();
    }
}

// Splits terminal input into keys: escape sequences whole, and each other
// character on its own (a paste of printable text stays one piece per line).
function splitKeys(data) {
    const keys = [];
    let i = 0;
    let text = '';
    const flush = () => {
        if (text) keys.push(text);
        text = '';
    };
    while (i < data.length) {
        const c = data[i];
        if (c === '\x1b') {
            flush();
            const m = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z])/.exec(data.slice(i));
            const seq = m ? m[0] : c;
            // a bracketed paste's markers carry no key
            if (seq !== '\x1b[200~' && seq !== '\x1b[201~') keys.push(seq);
            i += seq.length;
        } else if (c.charCodeAt(0) < 0x20 || c === '\x7f') {
            flush();
            keys.push(c === '\n' ? '\r' : c);
            i++;
            // \r\n is one Enter
            if (c === '\r' && data[i] === '\n') i++;
        } else {
            text += c;
            i++;
        }
    }
    flush();
    return keys;
}

function commonPrefix(words) {
    let p = words[0];
    for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
    return p;
}

function columns(words, width) {
    const cell = Math.max(...words.map((w) => w.length)) + 2;
    const per = Math.max(1, Math.floor(width / cell));
    const rows = [];
    for (let i = 0; i < words.length; i += per)
        rows.push(words.slice(i, i + per).map((w) => w.padEnd(cell)).join('').trimEnd());
    return rows.join('\r\n');
}
