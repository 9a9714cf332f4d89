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

// The library's debug log (@salesforce/core's logger writes ~/.sf/sf-<date>.log through a worker thread of
// its own, a third of this gate's time) is not wanted here; set before the library loads, unless the caller
// asks for the log.
process.env.SF_DISABLE_LOG_FILE ??= 'true';
const { ComponentSet, ForceIgnore, MetadataConverter, MetadataResolver } =
    await import('@salesforce/source-deploy-retrieve');

const GATE = 'source-structure';
const paths = targets(GATE, ['force-app']);

const findings = [];
let components = [];
const forceIgnores = new Map();
/** The ForceIgnore of the nearest SFDX project above `file` (cached per project). */
function forceIgnoreFor(file) {
    let dir = path.dirname(file);
    while (dir !== path.dirname(dir) && !fs.existsSync(path.join(dir, 'sfdx-project.json'))) {
        dir = path.dirname(dir);
    }
    if (!forceIgnores.has(dir)) {
        const ignoreFile = path.join(dir, '.forceignore');
        forceIgnores.set(dir, fs.existsSync(ignoreFile) ? new ForceIgnore(ignoreFile) : undefined);
    }
    return forceIgnores.get(dir);
}
const files = collectFiles(paths, (f) => forceIgnoreFor(f)?.accepts(f) ?? true);

// Resolve file by file first, so an unrecognised file is named precisely.
const resolver = new MetadataResolver();
const claimed = new Set();
try {
    for (const p of paths) {
        for (const component of resolver.getComponentsFromPath(p)) {
            components.push(component);
            for (const f of [component.xml, ...component.walkContent()].filter(Boolean)) {
                claimed.add(path.resolve(f));
            }
            for (const child of component.getChildren()) {
                for (const f of [child.xml, ...child.walkContent()].filter(Boolean)) {
                    claimed.add(path.resolve(f));
                }
            }
        }
    }
} catch (error) {
    findings.push(describe(error));
}
const resolveFailed = findings.length > 0;
for (const f of files) {
    if (!resolveFailed && !claimed.has(path.resolve(f))) {
        findings.push(`${rel(f)}: not part of any metadata component (unrecognised file, or misplaced)`);
    }
}

if (findings.length === 0) {
    const outputDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'source-structure-'));
    try {
        const set = ComponentSet.fromSource({ fsPaths: paths });
        components = set.getSourceComponents().toArray();
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

function describe(error) {
    // SDR errors often carry the offending path in the message; keep it, relative to the project.
    return `${error.name ?? 'Error'}: ${String(error.message)
        .split(root + path.sep)
        .join('')}`;
}

if (components.length === 0 && findings.length === 0) {
    fail(GATE, `no metadata components found under ${paths.map(rel).join(', ')}`);
}
console.log(`${GATE}: ${components.length} metadata component(s)`);
finish(GATE, files.length, findings);
