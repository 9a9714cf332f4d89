#!/usr/bin/env node
// `npm run build` generates force-app/core/lwc whole from src-ts/lwc, and the optional console package's
// force-app/console/lwc from src-ts/console/lwc: each <bundle>/*.ts becomes <bundle>/*.js with a "generated from"
// header, the bundle's other files are copied, __tests__ and .d.ts stay behind, and any other file is deleted. The
// output is committed so any Salesforce tool deploys the repo without a build step. --check (check:build-sync) fails
// on any difference from a fresh build; --watch (npm run dev) builds again on every change under src-ts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// require, not import: importing this large CommonJS file has Node scan all of it for named exports first, work the
// build never needs.
const ts = createRequire(import.meta.url)('typescript');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rel = (p) => path.relative(root, p).split(path.sep).join('/');
const formatHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };

/** Every file under `dir` (none if it does not exist), as absolute paths. */
const filesUnder = (dir) =>
    fs.existsSync(dir)
        ? fs
              .readdirSync(dir, { recursive: true, withFileTypes: true })
              .filter((entry) => entry.isFile())
              .map((entry) => path.join(entry.parentPath, entry.name))
        : [];

/**
 * Builds every bundle in memory: { outputs: Map<outputPath, text>, trees, diagnostics }. Each .ts file is emitted on
 * its own (transpileModule; tsconfig has isolatedModules), so --check compares exactly what a build writes. Types
 * are the typecheck gate's (tsc --incremental), not checked a second time here.
 */
export function compile() {
    // tsconfig.build.json: its rootDir (src-ts/lwc) and outDir (force-app/core/lwc) are the core's trees.
    const host = {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (error) => {
            throw new Error(ts.formatDiagnostic(error, formatHost));
        }
    };
    const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.build.json'), undefined, host);
    // [source tree, output tree] pairs: the core's, then the optional console package's (sfdx-project.json).
    const trees = [
        [parsed.options.rootDir, path.resolve(parsed.options.outDir)],
        [path.join(root, 'src-ts/console/lwc'), path.join(root, 'force-app/console/lwc')]
    ];
    const diagnostics = [...parsed.errors];
    const outputs = new Map();
    for (const [rootDir, outDir] of trees) {
        const sources = filesUnder(rootDir).filter(
            (f) => !f.endsWith('.d.ts') && !f.includes(`${path.sep}__tests__${path.sep}`)
        );
        for (const source of sources) {
            const out = path.resolve(outDir, path.relative(rootDir, source));
            const text = fs.readFileSync(source, 'utf8');
            if (!source.endsWith('.ts')) {
                outputs.set(out, text);
                continue;
            }
            const compilerOptions = { ...parsed.options, rootDir, outDir };
            const result = ts.transpileModule(text, { compilerOptions, fileName: source, reportDiagnostics: true });
            diagnostics.push(...(result.diagnostics ?? []));
            const header = `// Generated from ${rel(source)} by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.\n`;
            outputs.set(out.replace(/\.ts$/, '.js'), header + result.outputText);
        }
    }
    return { outputs, trees, diagnostics };
}

/** Builds; with `check`, only reports what differs. Returns whether it succeeded. */
function build({ check }) {
    const { outputs, trees, diagnostics } = compile();
    if (diagnostics.length) {
        console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost));
        console.error(`build: ${diagnostics.length} TypeScript syntax error(s); fix them before building.`);
        return false;
    }
    // What differs between the output trees in force-app and a fresh build, as [file, problem, text to write].
    const differs = 'differs from a fresh build of src-ts, or is missing; run npm run build';
    const problems = [
        ...trees.flatMap(([rootDir, outDir]) =>
            filesUnder(outDir)
                .filter((f) => !outputs.has(f))
                .map((f) => [f, `no source in ${rel(rootDir)} makes this file; run npm run build`])
        ),
        ...[...outputs]
            .filter(([file, text]) => !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text)
            .map(([file, text]) => [file, differs, text])
    ];
    if (check) {
        console.log(`build-sync: checked ${outputs.size} generated file(s) against src-ts`);
        problems.forEach(([file, problem]) => console.error(`build-sync: ${rel(file)}: ${problem}`));
        // In a git work tree, generated files that differ from the commit while the sources do not: the commit holds
        // a stale build. This is what --check finds in CI, where `npm ci` (prepare) has just rebuilt the tree.
        const changed = (paths) => {
            const git = spawnSync('git', ['status', '--porcelain', '--', ...paths], { cwd: root, encoding: 'utf8' });
            return git.status === 0 ? git.stdout.split('\n').filter(Boolean) : [];
        };
        const sources = changed(['src-ts', 'tsconfig.build.json', 'scripts/build.mjs']);
        const stale = sources.length ? [] : changed(trees.map(([, outDir]) => rel(outDir))).map((l) => l.slice(3));
        stale.forEach((file) => console.error(`build-sync: ${file}: the commit's copy is stale; commit the build`));
        return problems.length === 0 && stale.length === 0;
    }
    // Every built file and no other; unchanged files are not touched, and a bundle folder left empty goes too.
    for (const [file, , text] of problems) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        text === undefined ? fs.rmSync(file) : fs.writeFileSync(file, text);
        if (fs.readdirSync(path.dirname(file)).length === 0) {
            fs.rmdirSync(path.dirname(file));
        }
    }
    console.log(`build: wrote ${outputs.size} file(s) from src-ts into ${trees.map(([, o]) => rel(o)).join(', ')}`);
    return true;
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
