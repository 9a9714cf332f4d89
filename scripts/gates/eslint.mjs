#!/usr/bin/env node
// Gate: ESLint (flat config eslint.config.js) through the Node API, zero errors and zero warnings.
//   node scripts/gates/eslint.mjs [paths...]   (default: the whole project, minus the config's ignores)
// Explicit paths are linted even when the config ignores them (the gate tests lint fixtures that way).
// ESLint's own cache (node_modules/.cache/eslint, by file content; ESLint drops an entry when the config
// changes, and `npm ci` empties it) skips files unchanged since the last clean run.
import path from 'node:path';
import { ESLint } from 'eslint';
import { fail, finish, rel, requireExisting, root, targets } from './lib/common.mjs';

const GATE = 'eslint';
const explicit = process.argv.slice(2).some((a) => !a.startsWith('--'));
const paths = targets(['.']);
requireExisting(GATE, paths);

let results;
try {
    const eslint = new ESLint({
        cwd: root,
        ignore: !explicit,
        errorOnUnmatchedPattern: true,
        cache: true,
        cacheLocation: path.join(root, 'node_modules', '.cache', 'eslint', explicit ? 'explicit' : 'project'),
        cacheStrategy: 'content'
    });
    results = await eslint.lintFiles(paths);
} catch (error) {
    fail(GATE, `ESLint could not run: ${error.message}`);
}

const findings = [];
for (const result of results) {
    for (const m of result.messages) {
        const where = m.line ? `${rel(result.filePath)}:${m.line}:${m.column}` : rel(result.filePath);
        findings.push(
            `${where} ${m.severity === 2 ? 'error' : 'warning'} ${m.message}${m.ruleId ? ` (${m.ruleId})` : ''}`
        );
    }
}
finish(GATE, results.length, findings);
