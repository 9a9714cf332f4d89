#!/usr/bin/env node
// Gate: source structure. @salesforce/source-deploy-retrieve resolves every file under the package
// directory into a metadata component (ComponentSet.fromSource) and converts the set to Metadata API
// format in a temp folder (MetadataConverter), as `sf project deploy start` does before it uploads.
// Fails on any file no metadata type claims, any component without its -meta.xml, or a conversion error.
//   node scripts/gates/source-structure.mjs [package-dir...]   (default: force-app)
// Files matched by the .forceignore of the target's SFDX project (nearest sfdx-project.json above it) are
// skipped, as the CLI skips them.
// Stricter than the CLI on purpose: the CLI silently leaves out a file no type claims (lwc-recipes keeps its
// Jest mocks in force-app/test/jest-mocks that way); here every file under the package directory must be part of a
// component, so nothing lands in force-app by mistake. Passes on apex-recipes and ebikes-lwc as they are.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collectFiles, fail, finish, rel, root, targets } from './lib/common.mjs';

// The library's debug log (@salesforce/core's logger writes ~/.sf/sf-<date>.log through a worker thread of its own, a
// third of this gate's time) is not wanted here; set before the library loads, unless the caller asks for the log.
process.env.SF_DISABLE_LOG_FILE ??= 'true';
const { ComponentSet, ForceIgnore, MetadataConverter } = await import('@salesforce/source-deploy-retrieve');

const GATE = 'source-structure';
const paths = targets(GATE, ['force-app']);
const forceIgnores = new Map();
/** Whether the .forceignore of the nearest SFDX project above `file` (if any) lets it through. */
function accepted(file) {
    let dir = path.dirname(file);
    while (dir !== path.dirname(dir) && !fs.existsSync(path.join(dir, 'sfdx-project.json'))) {
        dir = path.dirname(dir);
    }
    if (!forceIgnores.has(dir)) {
        const ignoreFile = path.join(dir, '.forceignore');
        forceIgnores.set(dir, fs.existsSync(ignoreFile) ? new ForceIgnore(ignoreFile) : undefined);
    }
    return forceIgnores.get(dir)?.accepts(file) ?? true;
}
const files = collectFiles(paths, accepted);
// SDR errors often carry the offending path in the message; keep it, relative to the project.
const describe = (error) => `${error.name ?? 'Error'}: ${String(error.message).split(`${root}${path.sep}`).join('')}`;

const findings = [];
let set;
try {
    set = ComponentSet.fromSource({ fsPaths: paths });
} catch (error) {
    fail(GATE, describe(error));
}
const components = set.getSourceComponents().toArray();
const claimed = new Set(
    components
        .flatMap((c) => [c, ...c.getChildren()])
        .flatMap((c) => [c.xml, ...c.walkContent()])
        .filter(Boolean)
        .map((f) => path.resolve(f))
);
for (const f of files.filter((x) => !claimed.has(path.resolve(x)))) {
    findings.push(`${rel(f)}: not part of any metadata component (unrecognised file, or misplaced)`);
}
if (components.length === 0) {
    fail(GATE, `no metadata components found under ${paths.map(rel).join(', ')}`);
}
if (findings.length === 0) {
    const outputDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'source-structure-'));
    try {
        await new MetadataConverter().convert(set, 'metadata', {
            type: 'directory',
            outputDirectory,
            genUniqueDir: false
        });
        if (!fs.existsSync(path.join(outputDirectory, 'package.xml'))) {
            findings.push('conversion produced no package.xml');
        }
    } catch (error) {
        findings.push(describe(error));
    } finally {
        fs.rmSync(outputDirectory, { recursive: true, force: true });
    }
}
console.log(`${GATE}: ${components.length} metadata component(s)`);
finish(GATE, files.length, findings);
