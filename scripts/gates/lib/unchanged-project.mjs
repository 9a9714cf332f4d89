// Preloaded (`node --import ./scripts/gates/lib/unchanged-project.mjs <gate>`) by the package.json scripts
// of the gates whose result depends on nothing but the project's files and the installed tools. When the
// gate passed before on the very same project, it prints that run's output again and exits 0 before the gate
// (and the tool it loads: ESLint, Prettier, TypeScript, the LWC compiler, source-deploy-retrieve…) is
// loaded at all; loading them is most of such a gate's time once its own per-file caches are warm.
//   Same project: every file under the project root except node_modules, .git and .tmp, byte for byte (a
//   new, removed or renamed file misses too), package-lock.json (so the tools' versions), Node's version,
//   the gate script and its arguments, and the working directory.
//   Only passes are kept: a failing gate runs again every time, so it always prints its findings afresh.
//   A gate run with an argument naming a path outside the project is never kept (its inputs are not hashed).
// The gate tests start the gate scripts without this preload, so they always run the real check.
// Entries live in node_modules/.cache/unchanged-project (so `npm ci` starts afresh); the newest 32 are kept.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { keepNewest, writeWhole } from '../../lib/kept-files.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cacheDir = path.join(root, 'node_modules', '.cache', 'unchanged-project');
const SKIPPED = new Set(['node_modules', '.git', '.tmp']);
const KEEP = 32;

/** Every file under the project root (sorted, relative) but the skipped folders. */
function projectFiles(dir = root, prefix = '') {
    const files = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
            if (!SKIPPED.has(entry.name) || prefix) {
                files.push(...projectFiles(path.join(dir, entry.name), relative));
            }
        } else {
            files.push(relative);
        }
    }
    return files.sort();
}

/** The key of this run, or undefined when it must not be kept (an argument outside the project). */
export function runKey(argv = process.argv.slice(1), cwd = process.cwd()) {
    const [script, ...args] = argv;
    const outside = args.some((arg) => {
        if (arg.startsWith('-')) {
            return false;
        }
        const relative = path.relative(root, path.resolve(cwd, arg));
        return relative.startsWith('..') || path.isAbsolute(relative);
    });
    if (!script || outside) {
        return undefined;
    }
    const hash = crypto.createHash('sha256');
    hash.update(JSON.stringify([process.version, path.relative(root, path.resolve(cwd, script)), args, cwd]));
    for (const file of projectFiles()) {
        const full = path.join(root, file);
        hash.update(`\0${file}\0`);
        hash.update(fs.lstatSync(full).isSymbolicLink() ? `link:${fs.readlinkSync(full)}` : fs.readFileSync(full));
    }
    return hash.digest('hex');
}

/** runKey, or undefined when the project cannot be read whole (a file removed while it was read). */
function safeRunKey() {
    try {
        return runKey();
    } catch {
        return undefined;
    }
}

function replay(entry) {
    for (const [stream, text] of entry.output) {
        (stream === 'stderr' ? process.stderr : process.stdout).write(text);
    }
}

const key = safeRunKey();
if (key) {
    const file = path.join(cacheDir, `${key}.json`);
    let entry;
    try {
        entry = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
        // not kept: the gate runs
    }
    if (entry) {
        replay(entry);
        process.stdout.write('(the project is unchanged since this gate last passed: its output is given again)\n');
        // Last use, so pruning keeps what is still being hit.
        fs.utimesSync(file, new Date(), new Date());
        process.exit(0);
    }
    const output = [];
    for (const stream of ['stdout', 'stderr']) {
        const write = process[stream].write.bind(process[stream]);
        process[stream].write = (chunk, ...rest) => {
            output.push([stream, typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')]);
            return write(chunk, ...rest);
        };
    }
    process.on('exit', (code) => {
        // A crash (an uncaught error, printed by Node itself and not through process.stderr) exits non-zero too.
        // A file edited while the gate ran: what it checked is not what the key describes.
        if (code !== 0 || safeRunKey() !== key) {
            return;
        }
        try {
            writeWhole(file, JSON.stringify({ output }));
            keepNewest(cacheDir, '.json', KEEP);
        } catch {
            // a read-only node_modules only costs the run next time
        }
    });
}
