// The preview page's whole bundle kept on disk (node_modules/.cache/preview-bundle), so a build whose inputs
// are all unchanged costs a hash of them instead of a rollup run: each e2e test file starts its own preview,
// and `npm start` starts one too. Measured here: a warm-transform rollup build is 4.6 s CPU; a hit is ~0.1 s.
// A bundle is given again only while every input is byte for byte the same:
//   - every file the build read (rollup's watchFiles: the modules, force-app's Custom Labels, the base
//     components and LWC from node_modules),
//   - every file under the source trees the plugins scan or resolve in (force-app's lwc folder, preview/src),
//     so a new or removed file there misses too,
//   - the build's own code (preview/build, preview/rollup.config.mjs) and package-lock.json.
// A build that gave a warning is not kept, so its warnings are printed on every build, as without the cache.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeWhole } from '../../scripts/lib/kept-files.mjs';
import { lwcRoot, previewRoot, projectRoot } from '../sim/paths.mjs';

/** The folders whose every file is an input, whether the build read it or not. */
const SOURCE_TREES = [lwcRoot, path.join(previewRoot, 'src'), path.join(previewRoot, 'build')];
const BUILD_FILES = [path.join(previewRoot, 'rollup.config.mjs'), path.join(projectRoot, 'package-lock.json')];

export const defaultCacheFile = path.join(projectRoot, 'node_modules', '.cache', 'preview-bundle', 'bundle.json');

function hashFile(file) {
    try {
        return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    } catch {
        return 'missing';
    }
}

function treeFiles(dir) {
    if (!fs.existsSync(dir)) {
        return [];
    }
    return fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
}

/** The files under the source trees and the build's own files, sorted. */
function fixedInputs(trees) {
    return [...new Set([...trees.flatMap(treeFiles), ...BUILD_FILES])].sort();
}

/** { path: sha256 } of the given files. */
function hashes(files) {
    return Object.fromEntries(files.map((file) => [file, hashFile(file)]));
}

function sameHashes(stored, files) {
    const now = hashes(files);
    const keys = Object.keys(stored);
    return keys.length === files.length && keys.every((file) => stored[file] === now[file]);
}

/**
 * The bundle kept for these inputs, or undefined. `cacheFile` and `trees` are for the tests.
 * @returns {Map<string, string> | undefined} fileName -> code
 */
export function readCachedBundle({ cacheFile = defaultCacheFile, trees = SOURCE_TREES } = {}) {
    let stored;
    try {
        stored = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    } catch {
        return undefined;
    }
    const fixed = fixedInputs(trees);
    const read = Object.keys(stored.read ?? {});
    if (!sameHashes(stored.fixed ?? {}, fixed) || !sameHashes(stored.read ?? {}, read)) {
        return undefined;
    }
    return new Map(Object.entries(stored.files));
}

/**
 * Keeps a bundle with the hashes of its inputs. `watchFiles` is rollup's list of what the build read
 * (virtual modules, which are not files, are left out: the plugins' code that makes them is an input).
 */
export function storeBundle(files, watchFiles, { cacheFile = defaultCacheFile, trees = SOURCE_TREES } = {}) {
    const read = watchFiles.filter((id) => path.isAbsolute(id) && fs.existsSync(id)).sort();
    const entry = { fixed: hashes(fixedInputs(trees)), read: hashes(read), files: Object.fromEntries(files) };
    try {
        // A build starting at the same time never reads half a file.
        writeWhole(cacheFile, JSON.stringify(entry));
    } catch {
        // a read-only node_modules only costs the build next time
    }
}
