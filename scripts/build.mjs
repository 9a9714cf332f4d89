#!/usr/bin/env node
// Compiles the TypeScript component sources in src-ts/lwc into the JavaScript that deploys,
// force-app/core/lwc/<bundle>/<file>.js, each with a one-line "generated from" header.
//
//   node scripts/build.mjs           write the compiled files into force-app
//   node scripts/build.mjs --check   compile in memory and fail if force-app differs (build-sync gate;
//                                    type errors are the typecheck gate's, see compile())
//
// The compiled JS is committed so that any Salesforce tool can deploy the repo without a build step;
// --check is what keeps it honest.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outRoot = path.join(root, 'force-app', 'core', 'lwc');
const HEADER_PREFIX = '// Generated from ';
const check = process.argv.includes('--check');

const rel = (p) => path.relative(root, p).split(path.sep).join('/');

export function header(sourceFile) {
    return `${HEADER_PREFIX}${rel(sourceFile)} by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.\n`;
}

/** tsconfig.build.json, parsed. */
function buildConfig() {
    const configPath = path.join(root, 'tsconfig.build.json');
    const config = ts.readConfigFile(configPath, ts.sys.readFile);
    if (config.error) {
        throw new Error(ts.formatDiagnostic(config.error, formatHost));
    }
    return ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, configPath);
}

/**
 * Compiles every component source; returns Map<outputPath, text> and the diagnostics.
 * Each file is emitted on its own (ts.transpileModule; tsconfig has isolatedModules, so a file's JavaScript
 * never depends on another file's types), which both modes share: --check compares exactly what a build
 * writes. Only a build that writes (typeCheck) also builds the whole program, to refuse to write
 * ill-typed code; --check leaves type errors to the typecheck gate, which checks every src-ts file with
 * the same compiler options, and so skips the program (most of its time: the DOM library's types).
 */
export function compile({ typeCheck = true } = {}) {
    const parsed = buildConfig();
    const diagnostics = [...parsed.errors];
    if (typeCheck) {
        const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
        diagnostics.push(...ts.getPreEmitDiagnostics(program));
    }
    const outputs = new Map();
    const { rootDir, outDir } = parsed.options;
    for (const source of parsed.fileNames.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))) {
        const result = ts.transpileModule(fs.readFileSync(source, 'utf8'), {
            compilerOptions: parsed.options,
            fileName: source,
            reportDiagnostics: true
        });
        diagnostics.push(...(result.diagnostics ?? []));
        const out = path.join(outDir, path.relative(rootDir, source)).replace(/\.ts$/, '.js');
        outputs.set(path.resolve(out), header(source) + result.outputText);
    }
    return { outputs, diagnostics };
}

const formatHost = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n'
};

/** Compiled files in force-app that carry the generated header (so stale ones are found too). */
function committedGeneratedFiles() {
    const found = [];
    if (!fs.existsSync(outRoot)) {
        return found;
    }
    for (const bundle of fs.readdirSync(outRoot)) {
        const dir = path.join(outRoot, bundle);
        if (!fs.statSync(dir).isDirectory()) {
            continue;
        }
        for (const file of fs.readdirSync(dir)) {
            const full = path.join(dir, file);
            if (file.endsWith('.js') && fs.readFileSync(full, 'utf8').startsWith(HEADER_PREFIX)) {
                found.push(full);
            }
        }
    }
    return found;
}

function main() {
    const { outputs, diagnostics } = compile({ typeCheck: !check });
    if (diagnostics.length) {
        console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost));
        console.error(`build: ${diagnostics.length} TypeScript error(s); fix them before building.`);
        process.exit(1);
    }
    if (!check) {
        for (const [file, text] of outputs) {
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(file, text);
        }
        console.log(`build: compiled ${outputs.size} file(s) from src-ts/lwc into force-app/core/lwc`);
        return;
    }
    const problems = [];
    for (const [file, text] of outputs) {
        if (!fs.existsSync(file)) {
            problems.push(`${rel(file)}: missing; run npm run build and commit the result`);
        } else if (fs.readFileSync(file, 'utf8') !== text) {
            problems.push(
                `${rel(file)}: differs from a fresh build of its src-ts source (edited by hand, or not rebuilt); run npm run build`
            );
        }
    }
    for (const file of committedGeneratedFiles()) {
        if (!outputs.has(file)) {
            problems.push(`${rel(file)}: generated file has no TypeScript source in src-ts/lwc; delete it`);
        }
    }
    console.log(`build-sync: checked ${outputs.size} compiled file(s) against src-ts`);
    if (problems.length) {
        for (const p of problems) {
            console.error(`build-sync: ${p}`);
        }
        process.exit(1);
    }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    main();
}
