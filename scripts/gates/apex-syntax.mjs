#!/usr/bin/env node
// Gate: Apex syntax. Every .cls (compilationUnit) and .trigger (triggerUnit) is parsed with
// @apexdevtools/apex-parser (v5), whose error listener sees both lexer and parser errors.
//   node scripts/gates/apex-syntax.mjs [paths...]   (default: force-app)
// A file's parse depends on its text alone, so files already found clean are remembered in
// node_modules/.cache/apex-syntax-gate/ by a hash of their text, their kind and package-lock.json (a parser
// upgrade, or `npm ci`, starts afresh), and only what changed is parsed again, as the prettier and eslint
// gates do. Parsing is most of this gate's time (ANTLR in JavaScript: 3 s for 43 files here).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import { collectFiles, finish, rel, requireExisting, root, targets } from './lib/common.mjs';

const GATE = 'apex-syntax';
const paths = targets(['force-app']);
requireExisting(GATE, paths);
const files = collectFiles(paths, (f) => f.endsWith('.cls') || f.endsWith('.trigger'));

class CollectingListener extends ApexErrorListener {
    constructor(file) {
        super();
        this.file = file;
        this.errors = [];
    }
    apexSyntaxError(line, column, message) {
        // ANTLR columns are 0-based; editors count from 1.
        this.errors.push(`${rel(this.file)}:${line}:${column + 1} ${message}`);
    }
}

// One record for the project run, one for explicit paths (the gate tests), each keeping only what its
// own run saw.
const explicit = process.argv.slice(2).some((a) => !a.startsWith('--'));
const cacheFile = path.join(
    root,
    'node_modules',
    '.cache',
    'apex-syntax-gate',
    `${explicit ? 'explicit' : 'project'}.json`
);
const lockFile = path.join(root, 'package-lock.json');
const lock = fs.existsSync(lockFile) ? fs.readFileSync(lockFile) : '';
let clean = new Set();
try {
    clean = new Set(JSON.parse(fs.readFileSync(cacheFile, 'utf8')));
} catch {
    // first run: parse everything
}
const stillClean = [];

const findings = [];
for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const trigger = file.endsWith('.trigger');
    const key = crypto
        .createHash('sha256')
        .update(lock)
        .update(trigger ? 'trigger\0' : 'class\0')
        .update(text)
        .digest('hex');
    if (clean.has(key)) {
        stillClean.push(key);
        continue;
    }
    const listener = new CollectingListener(file);
    const { parser } = ApexParserFactory.createLexerAndParser(text, listener);
    if (trigger) {
        parser.triggerUnit();
    } else {
        parser.compilationUnit();
    }
    findings.push(...listener.errors);
    if (listener.errors.length === 0) {
        stillClean.push(key);
    }
}
try {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    fs.writeFileSync(`${cacheFile}.${process.pid}`, JSON.stringify(stillClean));
    fs.renameSync(`${cacheFile}.${process.pid}`, cacheFile);
} catch {
    // a read-only node_modules only costs a full parse next time
}
finish(GATE, files.length, findings);
