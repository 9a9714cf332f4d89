// Gate: the LWC platform compiler. Every .js, .html and .css of every bundle under the lwc folder goes
// through @lwc/compiler transformSync (the single 8.x copy that lwc and sfdx-lwc-jest share), the same
// transform the platform applies on deploy. Compiler errors and error-level diagnostics are findings.
//   node scripts/gates/run.mjs lwc-compile [lwc-dirs-or-bundle-dirs...]   (default: the core's and the console's)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { transformSync } from '@lwc/compiler';
import { collectFiles, parseArgs, rel } from './lib/common.mjs';

// Without @lwc/compiler (npm ci installs it) the import fails, and so does the gate.
const { version } = createRequire(import.meta.url)('@lwc/compiler/package.json');
const where = (file, loc) =>
    loc?.line ? `${rel(file)}:${loc.line}${loc.column !== undefined ? `:${loc.column}` : ''}` : rel(file);

export function check(args) {
    const { paths } = parseArgs(args, { paths: ['force-app/core/lwc', 'force-app/console/lwc'] });
    const files = collectFiles(paths, (f) => /\.(js|html|css)$/.test(f) && !f.split(path.sep).includes('__tests__'));
    return { count: files.length, notes: [`@lwc/compiler ${version}`], findings: files.flatMap(findingsOf) };
}

function findingsOf(file) {
    const findings = [];
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
    return findings;
}
