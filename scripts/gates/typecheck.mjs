#!/usr/bin/env node
// Gate: TypeScript type check, the same as `tsc -p tsconfig.json --noEmit`, through the compiler API
// so the number of checked files can be printed.
//   node scripts/gates/typecheck.mjs [project-dir-or-tsconfig.json]   (default: tsconfig.json at the root)
// Counts the program's files that sit under the project's src-ts (library .d.ts files are not counted).
// The gate tests call typecheck() in their own process (TypeScript loaded once for every case).
//
// Two caches, both in node_modules/.cache/typecheck/ (`npm ci` empties them):
//  - the whole result (count and findings, pass or fail) of the last check of each tsconfig, replayed
//    without loading TypeScript (loading it is most of a warm run) while everything that check read is as
//    it was: see storedResult();
//  - the compiler's own incremental build info, so that a check that does run re-checks only what changed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { keepNewest, writeWhole } from '../lib/kept-files.mjs';
import { finish, rel, requireExisting, root, targets } from './lib/common.mjs';

const GATE = 'typecheck';
const require = createRequire(import.meta.url);
const CACHE_DIR = path.join(root, 'node_modules', '.cache', 'typecheck');
const KEEP_RESULTS = 8;
const sha = (data) => crypto.createHash('sha256').update(data).digest('hex');

/**
 * Type-checks the project of a tsconfig.json (or of the folder holding one).
 * @param {string} target absolute path of the tsconfig.json or its folder
 * @param {{ cacheDir?: string }} [options] where the caches live (the tests use a temp folder)
 * @returns {{ count: number, findings: string[], cached: boolean }} the src-ts files checked, one line per
 *   diagnostic, and whether the result was replayed from the result cache
 */
export function typecheck(target, { cacheDir = CACHE_DIR } = {}) {
    const configPath = path.resolve(fs.statSync(target).isDirectory() ? path.join(target, 'tsconfig.json') : target);
    cacheDir = path.resolve(cacheDir);
    const name = sha(configPath).slice(0, 16);
    const resultFile = path.join(cacheDir, `${name}.result.json`);
    const key = lookupKey(configPath);
    const stored = storedResult(resultFile, key);
    if (stored) {
        return { ...stored, cached: true };
    }
    const inputs = new Inputs();
    const result = check(configPath, path.join(cacheDir, `${name}.tsbuildinfo`), inputs);
    storeResult(cacheDir, resultFile, { key, ...inputs.toJSON(), ...result });
    return { ...result, cached: false };
}

/**
 * What a stored result is looked up by, known without loading TypeScript: package-lock.json, the compiler's
 * version, this gate's own code (it writes the findings), the Node version, and the tsconfig's path and
 * text. The rest of the key, the parsed options and root files, needs the compiler to work out; they are
 * stored with the result (`program`) together with everything they were worked out from (extended
 * tsconfigs, the folders the include patterns walked), which storedResult() checks instead.
 */
function lookupKey(configPath) {
    const hash = crypto.createHash('sha256');
    const lock = path.join(root, 'package-lock.json');
    hash.update(fs.existsSync(lock) ? fs.readFileSync(lock) : '');
    hash.update('\0').update(JSON.parse(fs.readFileSync(require.resolve('typescript/package.json'), 'utf8')).version);
    for (const file of [
        fileURLToPath(import.meta.url),
        path.join(path.dirname(fileURLToPath(import.meta.url)), 'lib', 'common.mjs')
    ]) {
        hash.update('\0').update(fs.readFileSync(file));
    }
    hash.update('\0').update(process.version).update('\0').update(configPath).update('\0');
    hash.update(fs.existsSync(configPath) ? fs.readFileSync(configPath) : '');
    return hash.digest('hex');
}

/**
 * Everything a check read from the file system, recorded as it ran: each file read (sources, library .d.ts
 * files, package.json files, tsconfigs) with the hash of its bytes (null: it did not exist); each path
 * probed for being a file or a folder, with the answer; each folder listed (the include patterns' walk,
 * @types lookups), with the hash of its listing; each real path resolved. A stored result is good while
 * every one of them gives the same answer again: the compiler, given the same answers, reaches the same
 * options, the same root files, the same program and so the same diagnostics.
 */
class Inputs {
    program = undefined;
    reads = new Map();
    probes = new Map();
    listings = new Map();
    realpaths = new Map();

    read(file) {
        if (!this.reads.has(file)) {
            this.reads.set(file, hashOfFile(file));
        }
    }
    probe(file, kind, answer) {
        this.probes.set(`${kind}:${file}`, answer);
    }
    list(dir) {
        const entries = listing(dir);
        this.listings.set(dir, sha(JSON.stringify(entries)));
        return entries;
    }
    realpath(file, answer) {
        this.realpaths.set(file, answer);
    }
    toJSON() {
        return {
            program: this.program,
            reads: [...this.reads],
            probes: [...this.probes],
            listings: [...this.listings],
            realpaths: [...this.realpaths]
        };
    }
}

function hashOfFile(file) {
    try {
        return sha(fs.readFileSync(file));
    } catch {
        return null;
    }
}

function kindOf(file) {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    return { f: Boolean(stat?.isFile()), d: Boolean(stat?.isDirectory()) };
}

/** A folder's files and subfolders (symbolic links followed), as the compiler's own ts.sys lists them. */
function listing(dir) {
    const files = [];
    const directories = [];
    let entries = [];
    try {
        entries = fs.readdirSync(dir || '.', { withFileTypes: true });
    } catch {
        return { files, directories };
    }
    for (const dirent of entries) {
        const stat = dirent.isSymbolicLink()
            ? fs.statSync(path.join(dir, dirent.name), { throwIfNoEntry: false })
            : dirent;
        if (stat?.isFile()) {
            files.push(dirent.name);
        } else if (stat?.isDirectory()) {
            directories.push(dirent.name);
        }
    }
    return { files: files.sort(), directories: directories.sort() };
}

function realpathOf(file) {
    try {
        return fs.realpathSync.native(file);
    } catch {
        return file;
    }
}

/** The stored result for this lookup key, when every recorded input still gives the recorded answer. */
function storedResult(resultFile, key) {
    let entry;
    try {
        entry = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    } catch {
        return undefined;
    }
    const same =
        entry.key === key &&
        entry.reads.every(([file, hash]) => hashOfFile(file) === hash) &&
        entry.probes.every(([probe, answer]) => {
            const [kind, file] = [probe[0], probe.slice(2)];
            return kindOf(file)[kind] === answer;
        }) &&
        entry.listings.every(([dir, hash]) => sha(JSON.stringify(listing(dir))) === hash) &&
        entry.realpaths.every(([file, answer]) => realpathOf(file) === answer);
    return same ? { count: entry.count, findings: entry.findings } : undefined;
}

/** Writes the result whole, then renames it into place; keeps the newest KEEP_RESULTS. */
function storeResult(cacheDir, resultFile, entry) {
    try {
        writeWhole(resultFile, JSON.stringify(entry));
        keepNewest(cacheDir, '.result.json', KEEP_RESULTS);
    } catch {
        // a read-only node_modules only costs a full check next time
    }
}

/** The compiler's file system (ts.sys), with every answer it gives recorded in `inputs`. */
function recordingSystem(ts, inputs, buildInfo) {
    const sys = ts.sys;
    const realpath = (file) => {
        const answer = sys.realpath ? sys.realpath(file) : file;
        inputs.realpath(file, answer);
        return answer;
    };
    return {
        ...sys,
        readFile(file, encoding) {
            // The build info is the compiler's own cache, rewritten by every run: not an input.
            if (path.resolve(file) !== buildInfo) {
                inputs.read(path.resolve(file));
            }
            return sys.readFile(file, encoding);
        },
        fileExists(file) {
            const answer = sys.fileExists(file);
            inputs.probe(path.resolve(file), 'f', answer);
            return answer;
        },
        directoryExists(dir) {
            const answer = sys.directoryExists(dir);
            inputs.probe(path.resolve(dir), 'd', answer);
            return answer;
        },
        getDirectories: (dir) => inputs.list(path.resolve(dir)).directories.slice(),
        realpath,
        // ts.sys.readDirectory is ts.matchFiles over its own folder listing; the same here, over a recorded one.
        readDirectory: (dir, extensions, excludes, includes, depth) =>
            ts.matchFiles(
                dir,
                extensions,
                excludes,
                includes,
                sys.useCaseSensitiveFileNames,
                process.cwd(),
                depth,
                (d) => inputs.list(path.resolve(d || '.')),
                realpath
            )
    };
}

/** The check itself: `tsc --noEmit` through the compiler API, every file system answer recorded. */
function check(configPath, buildInfo, inputs) {
    const ts = require('typescript');
    if (typeof ts.matchFiles !== 'function') {
        throw new Error(`typescript ${ts.version} has no ts.matchFiles; the typecheck gate cannot record its inputs`);
    }
    const system = recordingSystem(ts, inputs, buildInfo);
    const projectDir = path.dirname(configPath);

    const config = ts.readConfigFile(configPath, system.readFile);
    if (config.error) {
        return { count: 0, findings: [ts.flattenDiagnosticMessageText(config.error.messageText, '\n')] };
    }
    const parsed = ts.parseJsonConfigFileContent(config.config, system, projectDir, { noEmit: true }, configPath);
    inputs.program = { options: parsed.options, rootNames: parsed.fileNames };
    // Incremental (the compiler's own .tsbuildinfo, as `tsc --incremental` keeps it): a file whose text, and
    // whose dependencies' types, are unchanged since the last run keeps that run's diagnostics instead of being
    // checked again. One build info per tsconfig; TypeScript discards it when the compiler version or options
    // differ.
    fs.mkdirSync(path.dirname(buildInfo), { recursive: true });
    const options = { ...parsed.options, incremental: true, tsBuildInfoFile: buildInfo };
    const builder = ts.createIncrementalProgram({
        rootNames: parsed.fileNames,
        options,
        projectReferences: parsed.projectReferences,
        host: ts.createIncrementalCompilerHost(options, system)
    });
    const program = builder.getProgram();
    // What ts.getPreEmitDiagnostics reports, through the builder so that unchanged files reuse the stored ones.
    const diagnostics = [
        ...parsed.errors,
        ...builder.getConfigFileParsingDiagnostics(),
        ...builder.getOptionsDiagnostics(),
        ...builder.getSyntacticDiagnostics(),
        ...builder.getGlobalDiagnostics(),
        ...builder.getSemanticDiagnostics()
    ];
    builder.emit(); // with noEmit, writes only the build info
    const srcDir = path.join(projectDir, 'src-ts') + path.sep;
    const checked = program.getSourceFiles().filter((f) => path.resolve(f.fileName).startsWith(srcDir));

    const findings = diagnostics.map((d) => {
        const message = ts.flattenDiagnosticMessageText(d.messageText, '\n    ');
        if (!d.file || d.start === undefined) {
            return `TS${d.code}: ${message}`;
        }
        const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
        return `${rel(d.file.fileName)}:${line + 1}:${character + 1} TS${d.code}: ${message}`;
    });
    if (checked.length === 0 && findings.length === 0) {
        findings.push(`${rel(configPath)}: the program has no files under ${rel(srcDir)}; nothing was type-checked`);
    }
    return { count: checked.length, findings };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const [target] = targets(['tsconfig.json']);
    requireExisting(GATE, [target]);
    const { count, findings } = typecheck(target);
    finish(GATE, count, findings);
}
