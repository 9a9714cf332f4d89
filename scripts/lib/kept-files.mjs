// The two file habits every cache here shares: a file is written whole and then renamed into place (so a
// run in parallel reads the old file or the new one, never half of one), and a cache folder keeps only its
// newest few entries (so it does not grow run after run). Only node:fs and node:path, so a preload can use it.
import fs from 'node:fs';
import path from 'node:path';

/** Writes `data` to `file` through a temporary sibling and a rename; creates the folder. */
export function writeWhole(file, data) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.${process.pid}`, data);
    fs.renameSync(`${file}.${process.pid}`, file);
}

/** Keeps the `count` files of `dir` ending in `suffix` that were written or touched last; removes the rest. */
export function keepNewest(dir, suffix, count) {
    const entries = fs
        .readdirSync(dir)
        .filter((name) => name.endsWith(suffix))
        .map((name) => ({ name, time: fs.statSync(path.join(dir, name)).mtimeMs }))
        .sort((a, b) => b.time - a.time);
    for (const { name } of entries.slice(count)) {
        fs.rmSync(path.join(dir, name), { force: true });
    }
}
