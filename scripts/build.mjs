#!/usr/bin/env node
// Generates force-app/core/lwc whole from the component sources in src-ts/lwc: each <bundle>/*.ts is compiled
// into <bundle>/*.js with a one-line "generated from" header, every other file of the bundle (.html, .css,
// .js-meta.xml) is copied as it is, and __tests__ and .d.ts files stay behind. A file no source makes is deleted.
//
//   node scripts/build.mjs           write force-app/core/lwc
//   node scripts/build.mjs --check   build in memory and fail on any difference from force-app (build-sync gate;
//                                    type errors are the typecheck gate's, see compile())
//   node scripts/build.mjs --watch   build, then build again on every change under src-ts (npm run dev)
//
// The output is committed so that any Salesforce tool can deploy the repo without a build step; --check is what
// keeps it honest.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rel = (p) => path.relative(root, p).split(path.sep).join('/');
const formatHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };

/** tsconfig.build.json, parsed: its rootDir (src-ts/lwc) and outDir (force-app/core/lwc) are the two trees. */
function buildConfig() {
    const configPath = path.join(root, 'tsconfig.build.json');
    const config = ts.readConfigFile(configPath, ts.sys.readFile);
    if (config.error) {
        throw new Error(ts.formatDiagnostic(config.error, formatHost));
    }
    return ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, configPath);
}

/** Every file under `dir` (none if it does not exist), as absolute paths. */
const filesUnder = (dir) =>
    fs.existsSync(dir)
        ? fs
              .readdirSync(dir, { recursive: true, withFileTypes: true })
              .filter((entry) => entry.isFile())
              .map((entry) => path.join(entry.parentPath, entry.name))
        : [];

/**
 * Builds every bundle in memory; returns Map<outputPath, text> (the whole output tree), the output root and the
 * diagnostics. Each .ts file is emitted on its own (ts.transpileModule; tsconfig has isolatedModules, so a file's
 * JavaScript never depends on another file's types), which both modes share: --check compares exactly what a
 * build writes. Only a build that writes (typeCheck) also builds the whole program, to refuse to write ill-typed
 * code; --check leaves type errors to the typecheck gate, which checks every src-ts file with the same compiler
 * options, and so skips the program (most of its time: the DOM library's types).
 */
let oldProgram;
export function compile({ typeCheck = true } = {}) {
    const parsed = buildConfig();
    const { rootDir, outDir } = parsed.options;
    const diagnostics = [...parsed.errors];
    if (typeCheck) {
        // The last program is handed back, so a rebuild in watch mode re-reads only the files that changed.
        const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, oldProgram });
        oldProgram = program;
        diagnostics.push(...ts.getPreEmitDiagnostics(program));
    }
    const outputs = new Map();
    for (const source of filesUnder(rootDir)) {
        const inBundle = path.relative(rootDir, source);
        if (inBundle.split(path.sep).includes('__tests__') || source.endsWith('.d.ts')) {
            continue;
        }
        const out = path.resolve(outDir, inBundle);
        const text = fs.readFileSync(source, 'utf8');
        if (!source.endsWith('.ts')) {
            outputs.set(out, text);
            continue;
        }
        const result = ts.transpileModule(text, {
            compilerOptions: parsed.options,
            fileName: source,
            reportDiagnostics: true
        });
        diagnostics.push(...(result.diagnostics ?? []));
        const header = `// Generated from ${rel(source)} by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.\n`;
        outputs.set(out.replace(/\.ts$/, '.js'), header + result.outputText);
    }
    return { outputs, outDir: path.resolve(outDir), diagnostics };
}

/** Writes the output tree: every built file, and no other file (an emptied folder goes too). */
function write({ outputs, outDir }) {
    for (const file of filesUnder(outDir).filter((f) => !outputs.has(f))) {
        fs.rmSync(file);
    }
    for (const [file, text] of outputs) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) {
            fs.writeFileSync(file, text);
        }
    }
    for (const dir of fs.readdirSync(outDir).map((d) => path.join(outDir, d))) {
        if (fs.readdirSync(dir).length === 0) {
            fs.rmdirSync(dir);
        }
    }
}

/** What differs between the output tree in force-app and a fresh build. */
function differences({ outputs, outDir }) {
    const problems = filesUnder(outDir)
        .filter((f) => !outputs.has(f))
        .map((f) => `${rel(f)}: no source in src-ts/lwc makes this file; run npm run build`);
    for (const [file, text] of outputs) {
        if (!fs.existsSync(file)) {
            problems.push(`${rel(file)}: missing; run npm run build and commit the result`);
        } else if (fs.readFileSync(file, 'utf8') !== text) {
            problems.push(
                `${rel(file)}: differs from a fresh build of src-ts (edited by hand, or not rebuilt); run npm run build`
            );
        }
    }
    return problems;
}

function build({ check }) {
    const built = compile({ typeCheck: !check });
    if (built.diagnostics.length) {
        console.error(ts.formatDiagnosticsWithColorAndContext(built.diagnostics, formatHost));
        console.error(`build: ${built.diagnostics.length} TypeScript error(s); fix them before building.`);
        return false;
    }
    if (!check) {
        write(built);
        console.log(`build: wrote ${built.outputs.size} file(s) from src-ts/lwc into ${rel(built.outDir)}`);
        return true;
    }
    const problems = differences(built);
    console.log(`build-sync: checked ${built.outputs.size} generated file(s) against src-ts`);
    problems.forEach((p) => console.error(`build-sync: ${p}`));
    return problems.length === 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const ok = build({ check: process.argv.includes('--check') });
    if (process.argv.includes('--watch')) {
        // A burst of saves builds once; a failed build waits for the next change (the preview keeps its last page).
        let timer;
        fs.watch(path.join(root, 'src-ts'), { recursive: true }, () => {
            clearTimeout(timer);
            timer = setTimeout(() => build({ check: false }), 100);
        });
    } else if (!ok) {
        process.exit(1);
    }
}
