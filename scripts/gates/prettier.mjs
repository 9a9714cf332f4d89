#!/usr/bin/env node
// Gate: `prettier --check` through the Node API, so the count of checked files can be printed.
//   node scripts/gates/prettier.mjs [paths...]
// Default: force-app (Apex, metadata XML, LWC html/css, json), src-ts, scripts, test, preview, docs/*.md,
// README.md, spec, config and the root JS config files. .prettierignore applies to the defaults; explicit
// paths are checked even when ignored (the gate tests check fixtures that way).
// Apex goes through prettier-plugin-apex's native serializer (@prettier-apex/apex-ast-serializer-<platform>),
// one short process per file, no JVM.
// Files already found formatted are remembered in node_modules/.cache/prettier-gate/ by a hash
// of the file's text, its resolved options and package-lock.json (so any Prettier or plugin version change
// starts afresh, as does `npm ci`); only what changed is checked again. (The Prettier CLI's --cache does the
// same, but the CLI cannot print the count this gate reports.)
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as prettier from 'prettier';
import { collectFiles, finish, rel, requireExisting, root, targets } from './lib/common.mjs';

const GATE = 'prettier';
const DEFAULTS = [
    'force-app',
    'src-ts',
    'scripts',
    'test',
    'preview',
    'docs',
    'README.md',
    'spec',
    'config',
    'eslint.config.js',
    'jest.config.js'
];
const explicit = process.argv.slice(2).some((a) => !a.startsWith('--'));
const paths = targets(DEFAULTS).filter((p) => explicit || fs.existsSync(p));
requireExisting(GATE, paths);

// Note (not a failure) when the native Apex serializer is missing: the plugin then falls back to Java, slower.
const nativeApex = `@prettier-apex/apex-ast-serializer-${process.platform}-${process.arch}`;
try {
    createRequire(import.meta.url).resolve(`${nativeApex}/package.json`);
} catch {
    console.warn(
        `${GATE}: note: ${nativeApex} is not installed; prettier-plugin-apex falls back to its Java serializer`
    );
}

const ignorePath = explicit ? undefined : path.join(root, '.prettierignore');
const files = collectFiles(paths, () => true);
const findings = [];
// One record for the project run, one for explicit paths (the gate tests): each keeps only what its own
// run saw, so they must not share a file.
const cacheFile = path.join(
    root,
    'node_modules',
    '.cache',
    'prettier-gate',
    `${explicit ? 'explicit' : 'project'}.json`
);
const lock = fs.existsSync(path.join(root, 'package-lock.json'))
    ? fs.readFileSync(path.join(root, 'package-lock.json'))
    : '';
let formatted = new Set();
try {
    formatted = new Set(JSON.parse(fs.readFileSync(cacheFile, 'utf8')));
} catch {
    // first run: check everything
}
const stillFormatted = new Set();
const usedFromCache = new Set();
let checked = 0;
for (const file of files) {
    const info = await prettier.getFileInfo(file, { ignorePath, resolveConfig: true, withNodeModules: false });
    if (info.ignored || !info.inferredParser) {
        continue; // ignored by .prettierignore, or a file type Prettier does not format (images, .resource, ...)
    }
    checked++;
    const options = { ...(await prettier.resolveConfig(file, { editorconfig: false })), filepath: file };
    const text = fs.readFileSync(file, 'utf8');
    const key = crypto.createHash('sha256').update(lock).update(JSON.stringify(options)).update(text).digest('hex');
    if (formatted.has(key)) {
        usedFromCache.add(key);
        continue;
    }
    try {
        if (await prettier.check(text, options)) {
            stillFormatted.add(key);
        } else {
            findings.push(`${rel(file)}: not formatted; run npx prettier --write ${rel(file)}`);
        }
    } catch (error) {
        const line = error.loc?.start?.line;
        findings.push(
            `${rel(file)}${line ? `:${line}` : ''}: Prettier cannot parse it: ${String(error.message).split('\n')[0]}`
        );
    }
}
try {
    // Keep only what this run saw (checked or found in the cache), so the file does not grow forever.
    const seen = [...stillFormatted, ...[...formatted].filter((k) => usedFromCache.has(k))];
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    fs.writeFileSync(`${cacheFile}.${process.pid}`, JSON.stringify(seen));
    fs.renameSync(`${cacheFile}.${process.pid}`, cacheFile);
} catch {
    // a read-only node_modules only costs a full check next time
}
finish(GATE, checked, findings);
