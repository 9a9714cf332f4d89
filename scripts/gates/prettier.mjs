#!/usr/bin/env node
// Gate: `prettier --check` through the Node API, so the count of checked files can be printed.
//   node scripts/gates/prettier.mjs [paths...]
// Default: force-app (Apex, metadata XML, LWC html/css, json), src-ts, scripts, test, preview, docs/*.md,
// README.md, spec, config and the root JS config files. .prettierignore applies to the defaults; explicit
// paths are checked even when ignored (the gate tests check fixtures that way).
// Apex goes through prettier-plugin-apex's native serializer (@prettier-apex/apex-ast-serializer-<platform>),
// one short process per file, no JVM.
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
let checked = 0;
for (const file of files) {
    const info = await prettier.getFileInfo(file, { ignorePath, resolveConfig: true, withNodeModules: false });
    if (info.ignored || !info.inferredParser) {
        continue; // ignored by .prettierignore, or a file type Prettier does not format (images, .resource, ...)
    }
    checked++;
    const options = { ...(await prettier.resolveConfig(file, { editorconfig: false })), filepath: file };
    const text = fs.readFileSync(file, 'utf8');
    try {
        if (!(await prettier.check(text, options))) {
            findings.push(`${rel(file)}: not formatted; run npx prettier --write ${rel(file)}`);
        }
    } catch (error) {
        const line = error.loc?.start?.line;
        findings.push(
            `${rel(file)}${line ? `:${line}` : ''}: Prettier cannot parse it: ${String(error.message).split('\n')[0]}`
        );
    }
}
finish(GATE, checked, findings);
