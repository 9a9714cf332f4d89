// Tests of the typecheck gate (tsc --noEmit through the compiler API). The checks run in this process
// through the gate's own typecheck() (TypeScript loaded once, not once per case); the command line (the
// `typecheck:` lines, the exit status) runs once, on the failing fixture. The fixtures' results come from
// the gate's result cache once they have been checked, as the gate's own results do; the cache itself is
// tested on a temp project with its own cache folder, so those cases always run the compiler where they
// must.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { typecheck } from '../../scripts/gates/typecheck.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = path.join(root, 'test', 'gates', 'fixtures', 'typecheck');

test('a well-typed project passes and its src-ts files are counted', () => {
    const { count, findings } = typecheck(path.join(fixtures, 'good'));
    assert.deepEqual(findings, []);
    assert.equal(count, 1);
});

test('a type error fails, naming file:line:column', () => {
    const { findings } = typecheck(path.join(fixtures, 'bad', 'tsconfig.json'));
    assert.equal(findings.length, 1, findings.join('\n'));
    assert.match(findings[0], /bad\/src-ts\/wrong\.ts:5:36 TS2345: Argument of type 'string' is not assignable/);
});

test('the command line prints the count and each finding, and exits 1 on a finding', () => {
    const r = spawnSync(process.execPath, ['scripts/gates/typecheck.mjs', 'test/gates/fixtures/typecheck/bad'], {
        cwd: root,
        encoding: 'utf8'
    });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^typecheck: checked 1 file\(s\)$/m);
    assert.match(
        r.stderr,
        /^typecheck: test\/gates\/fixtures\/typecheck\/bad\/src-ts\/wrong\.ts:5:36 TS2345: Argument of type 'string'/m
    );
    assert.match(r.stderr, /^typecheck: 1 finding\(s\)$/m);
});

// A temp project and cache folder. Without the default library (its .d.ts files are most of a small
// check's time) the project declares the few global types the compiler needs in a library file of its own.
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'typecheck-cache-'));
after(() => fs.rmSync(temp, { recursive: true, force: true }));
const project = path.join(temp, 'project');
const cacheDir = path.join(temp, 'cache');
const write = (file, text) => {
    fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    fs.writeFileSync(path.join(project, file), text);
};
write(
    'tsconfig.json',
    JSON.stringify({
        compilerOptions: { noLib: true, strict: true, noEmit: true, types: [] },
        include: ['src-ts/**/*.ts', 'lib/*.d.ts']
    })
);
write(
    'lib/core.d.ts',
    [
        'Array<T>',
        'Boolean',
        'CallableFunction',
        'Function',
        'IArguments',
        'NewableFunction',
        'Number',
        'Object',
        'RegExp',
        'String'
    ]
        .map((name) => `interface ${name} {}\n`)
        .join('')
);
write('src-ts/ok.ts', 'export function twice(value: number): number {\n    return value * 2;\n}\n');

// The three cases below run in order on the same temp project, each from where the one before left it.
test('an unchanged project replays its stored result instead of being checked again', () => {
    assert.deepEqual(typecheck(project, { cacheDir }), { count: 1, findings: [], cached: false });
    assert.deepEqual(typecheck(project, { cacheDir }), { count: 1, findings: [], cached: true });
});

test('an edited source is checked again, and its failing result is replayed failing', () => {
    fs.appendFileSync(path.join(project, 'src-ts', 'ok.ts'), 'export const wrong: number = twice("2");\n');
    const edited = typecheck(project, { cacheDir });
    assert.equal(edited.cached, false);
    assert.equal(edited.findings.length, 1, edited.findings.join('\n'));
    assert.match(edited.findings[0], /src-ts\/ok\.ts:4:36 TS2345: Argument of type 'string' is not assignable/);
    assert.deepEqual(typecheck(project, { cacheDir }), { ...edited, cached: true });
});

test('an edited library file, or a new file under an include pattern, is checked again', () => {
    const before = typecheck(project, { cacheDir });
    assert.equal(before.cached, true);
    // The library file is read like any source: a change to it misses too.
    fs.appendFileSync(path.join(project, 'lib', 'core.d.ts'), 'declare const fromLibrary: number;\n');
    assert.deepEqual(typecheck(project, { cacheDir }), { ...before, cached: false });

    // A new file changes the root files, though no file the last check read has changed.
    write('src-ts/more.ts', 'export const more: string = 1;\n');
    const added = typecheck(project, { cacheDir });
    assert.equal(added.cached, false);
    assert.equal(added.count, 2);
    assert.match(added.findings.join('\n'), /src-ts\/more\.ts:1:14 TS2322: Type 'number' is not assignable/);
});
