// Gate: source structure. @salesforce/source-deploy-retrieve resolves every file under the package
// directory into a metadata component (ComponentSet.fromSource) and converts the set to Metadata API
// format in a temp folder (MetadataConverter), as `sf project deploy start` does before it uploads.
// Fails on any file no metadata type claims, any component without its -meta.xml, or a conversion error.
//   node scripts/gates/run.mjs source-structure [package-dir...]   (default: force-app)
// Files matched by the nearest .forceignore above them are skipped, as the CLI skips them.
// Stricter than the CLI on purpose: the CLI silently leaves out a file no type claims (lwc-recipes keeps its
// Jest mocks in force-app/test/jest-mocks that way); here every file under the package directory must be part of a
// component, so nothing lands in force-app by mistake. Passes on apex-recipes and ebikes-lwc as they are.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collectFiles, fail, parseArgs, rel, root } from './lib/common.mjs';

// The library's debug log (@salesforce/core's logger writes ~/.sf/sf-<date>.log through a worker thread of its own)
// is not wanted here; set before the library loads, unless the caller asks for the log.
process.env.SF_DISABLE_LOG_FILE ??= 'true';
const { ComponentSet, ForceIgnore, MetadataConverter } = await import('@salesforce/source-deploy-retrieve');

// SDR errors often carry the offending path in the message; keep it, relative to the project.
const describe = (error) => `${error.name ?? 'Error'}: ${String(error.message).split(`${root}${path.sep}`).join('')}`;

export async function check(args) {
    const { paths } = parseArgs(args, { paths: ['force-app'] });
    // The nearest .forceignore above each file, as SDR (ForceIgnore.findAndCreate, cached by the library) finds it.
    const files = collectFiles(paths, (f) => ForceIgnore.findAndCreate(f).accepts(f));
    let set;
    try {
        set = ComponentSet.fromSource({ fsPaths: paths });
    } catch (error) {
        fail(describe(error));
    }
    const components = set.getSourceComponents().toArray();
    if (components.length === 0) {
        fail(`no metadata components found under ${paths.map(rel).join(', ')}`);
    }
    const claimed = new Set(
        components
            .flatMap((c) => [c, ...c.getChildren()])
            .flatMap((c) => [c.xml, ...c.walkContent()])
            .filter(Boolean)
            .map((f) => path.resolve(f))
    );
    const findings = files
        .filter((x) => !claimed.has(path.resolve(x)))
        .map((f) => `${rel(f)}: not part of any metadata component (unrecognised file, or misplaced)`);
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
    return { count: files.length, notes: [`${components.length} metadata component(s)`], findings };
}
