#!/usr/bin/env node
// Gate: Apex syntax. Every .cls (compilationUnit) and .trigger (triggerUnit) is parsed with
// @apexdevtools/apex-parser (v5), whose error listener sees both lexer and parser errors.
//   node scripts/gates/apex-syntax.mjs [paths...]   (default: force-app)
import fs from 'node:fs';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import { collectFiles, finish, rel, requireExisting, targets } from './lib/common.mjs';

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

const findings = [];
for (const file of files) {
    const listener = new CollectingListener(file);
    const { parser } = ApexParserFactory.createLexerAndParser(fs.readFileSync(file, 'utf8'), listener);
    if (file.endsWith('.trigger')) {
        parser.triggerUnit();
    } else {
        parser.compilationUnit();
    }
    findings.push(...listener.errors);
}
finish(GATE, files.length, findings);
