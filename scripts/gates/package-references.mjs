// Gate: a package directory names nothing outside itself and the packages it declares as dependencies.
//   node scripts/gates/run.mjs package-references [project-dir]   (default: this project)
// sfdx-project.json splits force-app into the connection, the core that depends on it, the optional receipt endpoint
// that depends on both, and the samples (no package, so they may name anything). The core must deploy, and one day
// install as an unlocked package, without the receipts or the samples, so nothing in it may name one of their
// components: no permission-set entry, quick-action target, flow action, LWC `@salesforce/apex` import, Apex
// identifier or string. A component's name is what other metadata calls it: the file name (classes, pages, flows,
// quick actions, permission sets, sites, static resources), `Object.Field` for a field, the folder for objects and
// LWC bundles; it is compared with every element text of -meta.xml files and every identifier of Apex, JavaScript
// and HTML outside comments. (The Apex compiler's own check of the core alone is apex-semantic's force-app/core view.)
import fs from 'node:fs';
import path from 'node:path';
import { blankComments, collectFiles, existing, lineAt, parseArgs, rel } from './lib/common.mjs';

const META = /\.([A-Za-z]+)-meta\.xml$/;
const SOURCE = /\.(cls|trigger|page|component|js|html)$/;

/** The names other metadata uses for the components of one package directory. */
function componentNames(dir) {
    return new Set(
        collectFiles([dir.abs], (f) => META.test(f) || SOURCE.test(f)).flatMap((file) => {
            const parts = path.relative(dir.abs, file).split(path.sep);
            const base = path.basename(file).replace(META, '').replace(SOURCE, '');
            const [lwc, objects] = [parts.indexOf('lwc'), parts.indexOf('objects')];
            if (lwc >= 0) {
                return [parts[lwc + 1]];
            }
            const object = parts[objects + 1];
            return objects < 0 ? [base] : parts.length > objects + 3 ? [object, `${object}.${base}`] : [object];
        })
    );
}

/** Each packaged directory's own dependencies, transitively, by package name. */
function allowedDirs(dir, byPackage, seen = new Set()) {
    for (const dependency of dir.dependencies ?? []) {
        const target = byPackage.get(dependency.package);
        if (target && !seen.has(target)) {
            seen.add(target);
            allowedDirs(target, byPackage, seen);
        }
    }
    return seen;
}

export function check(args) {
    const [projectDir] = parseArgs(args, { paths: ['.'] }).paths;
    const [projectFile] = existing([path.join(projectDir, 'sfdx-project.json')]);
    const dirs = JSON.parse(fs.readFileSync(projectFile, 'utf8')).packageDirectories.map((d) => ({
        ...d,
        abs: path.join(projectDir, d.path)
    }));
    const byPackage = new Map(dirs.filter((d) => d.package).map((d) => [d.package, d]));
    const names = new Map(dirs.map((d) => [d, componentNames(d)]));
    const findings = [];
    let count = 0;
    for (const dir of dirs.filter((d) => d.package)) {
        const allowed = new Set([dir, ...allowedDirs(dir, byPackage)]);
        const own = new Set([...allowed].flatMap((d) => [...names.get(d)]));
        const forbidden = new Map();
        for (const other of dirs.filter((d) => !allowed.has(d))) {
            for (const name of names.get(other)) {
                if (!own.has(name)) {
                    forbidden.set(name, other.path);
                }
            }
        }
        for (const file of collectFiles([dir.abs], (f) => META.test(f) || SOURCE.test(f))) {
            count++;
            for (const { line, word } of references(file)) {
                if (forbidden.has(word)) {
                    findings.push(
                        `${rel(file)}:${line} names ${word} from ${forbidden.get(word)}, which ${dir.path} does not depend on`
                    );
                }
            }
        }
    }
    return { count, findings };
}

/** Element texts of an XML file, or identifiers outside comments of a source file (strings kept: a class named in a
 * string, e.g. Type.forName, is a reference too), with their lines. */
function references(file) {
    const text = fs.readFileSync(file, 'utf8');
    if (META.test(file)) {
        return [...text.matchAll(/>([^<>]+)</g)].map((m) => ({ line: lineAt(text, m.index), word: m[1].trim() }));
    }
    return [...blankComments(text).matchAll(/[A-Za-z_]\w*(\.[A-Za-z_]\w*)?/g)].flatMap((m) => [
        { line: lineAt(text, m.index), word: m[0] },
        ...(m[1] ? [{ line: lineAt(text, m.index), word: m[0].slice(0, m[0].indexOf('.')) }] : [])
    ]);
}
