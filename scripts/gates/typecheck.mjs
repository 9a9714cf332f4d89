#!/usr/bin/env node
// Gate: TypeScript type check, the same as `tsc -p tsconfig.json --noEmit`, through the compiler API
// so the number of checked files can be printed.
//   node scripts/gates/typecheck.mjs [project-dir-or-tsconfig.json]   (default: tsconfig.json at the root)
// Counts the program's files that sit under the project's src-ts (library .d.ts files are not counted).
// The gate tests call typecheck() in their own process (TypeScript loaded once for every case).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { fileURLToPath } from 'node:url';
import { finish, rel, requireExisting, root, targets } from './lib/common.mjs';

const GATE = 'typecheck';

/**
 * Type-checks the project of a tsconfig.json (or of the folder holding one).
 * @param {string} target absolute path of the tsconfig.json or its folder
 * @returns {{ count: number, findings: string[] }} the src-ts files checked, and one line per diagnostic
 */
export function typecheck(target) {
    const configPath = fs.statSync(target).isDirectory() ? path.join(target, 'tsconfig.json') : target;
    const projectDir = path.dirname(configPath);

    const config = ts.readConfigFile(configPath, ts.sys.readFile);
    if (config.error) {
        return { count: 0, findings: [ts.flattenDiagnosticMessageText(config.error.messageText, '\n')] };
    }
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, projectDir, { noEmit: true }, configPath);
    // Incremental (the compiler's own .tsbuildinfo, as `tsc --incremental` keeps it): a file whose text, and
    // whose dependencies' types, are unchanged since the last run keeps that run's diagnostics instead of being
    // checked again. The build info lives in node_modules/.cache/typecheck/ (`npm ci` empties it), one per
    // tsconfig; TypeScript discards it when the compiler version or options differ.
    const buildInfo = path.join(
        root,
        'node_modules',
        '.cache',
        'typecheck',
        `${crypto.createHash('sha256').update(path.resolve(configPath)).digest('hex').slice(0, 16)}.tsbuildinfo`
    );
    fs.mkdirSync(path.dirname(buildInfo), { recursive: true });
    const builder = ts.createIncrementalProgram({
        rootNames: parsed.fileNames,
        options: { ...parsed.options, incremental: true, tsBuildInfoFile: buildInfo },
        projectReferences: parsed.projectReferences
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
