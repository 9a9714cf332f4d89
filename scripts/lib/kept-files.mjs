// A file written whole and then renamed into place, so a run in parallel reads the old file or the new one,
// never half of one (the preview's bundle cache, the metadata gate's schema cache).
import fs from 'node:fs';
import path from 'node:path';

/** Writes `data` to `file` through a temporary sibling and a rename; creates the folder. */
export function writeWhole(file, data) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.${process.pid}`, data);
    fs.renameSync(`${file}.${process.pid}`, file);
}
