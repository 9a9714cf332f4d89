#!/usr/bin/env node
// Gate: the LWC platform compiler. Every .js, .html and .css of every bundle under the lwc folder goes
// through @lwc/compiler transformSync (the single 8.x copy that lwc and sfdx-lwc-jest share), the same
// transform the platform applies on deploy. Compiler errors and error-level diagnostics are findings.
//   node scripts/gates/lwc-compile.mjs [lwc-dirs-or-bundle-dirs...]   (default: force-app/core/lwc)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { transformSync } from '@lwc/compiler';
import { collectFiles, finish, rel, targets } from './lib/common.mjs';

const GATE = 'lwc-compile';
// Without @lwc/compiler (npm ci installs it) the import fails, and so does the gate.
const { version } = createRequire(import.meta.url)('@lwc/compiler/package.json');

const paths = targets(GATE, ['force-app/core/lwc']);
const files = collectFiles(paths, (f) => /\.(js|html|css)$/.test(f) && !f.split(path.sep).includes('__tests__'));

const findings = [];
const where = (file, loc) =>
    loc?.line ? `${rel(file)}:${loc.line}${loc.column !== undefined ? `:${loc.column}` : ''}` : rel(file);
for (const file of files) {
    const bundleDir = path.dirname(file);
    const name = path.basename(bundleDir);
    const source = fs.readFileSync(file, 'utf8');
    try {
        const result = transformSync(source, path.basename(file), { name, namespace: 'c' });
        for (const w of result.warnings ?? []) {
            // DiagnosticLevel: 0 Fatal, 1 Error, 2 Warning, 3 Log.
            if (w.level <= 1) {
                findings.push(`${where(file, w.location)} ${w.code ? `LWC${w.code}: ` : ''}${w.message}`);
            }
        }
    } catch (error) {
        findings.push(`${where(file, error.location ?? error.loc)} ${error.message.split('\n')[0]}`);
    }
}
console.log(`${GATE}: @lwc/compiler ${version}`);
finish(GATE, files.length, findings);
