// Tests of the check:build-sync gate (`node scripts/build.mjs --check`): a compiled JS file edited by hand
// must fail it. build.mjs works on the project it sits in, so the test runs a copy of it in a temp project
// (build.mjs, the tsconfigs, a one-component src-ts, node_modules linked) and never touches force-app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function tempProject() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'build-sync-'));
    fs.mkdirSync(path.join(dir, 'scripts'));
    fs.copyFileSync(path.join(root, 'scripts', 'build.mjs'), path.join(dir, 'scripts', 'build.mjs'));
    for (const f of ['tsconfig.json', 'tsconfig.build.json']) {
        fs.copyFileSync(path.join(root, f), path.join(dir, f));
    }
    fs.cpSync(path.join(root, 'test', 'gates', 'fixtures', 'build-sync', 'src-ts'), path.join(dir, 'src-ts'), {
        recursive: true
    });
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    return dir;
}

const build = (dir, ...args) => {
    const r = spawnSync(process.execPath, ['scripts/build.mjs', ...args], { cwd: dir, encoding: 'utf8' });
    return { status: r.status, out: r.stdout + r.stderr };
};

/**
 * Writes what `npm run build` writes in the temp project, through the copy's own compile() (so its root is
 * the temp project): the emitted text is the same in both modes; only the whole-program type check, which
 * a build adds and the typecheck gate covers, is left out (the DOM library's types are most of its time).
 */
async function buildIn(dir) {
    const { compile } = await import(pathToFileURL(path.join(dir, 'scripts', 'build.mjs')).href);
    const { outputs, diagnostics } = compile({ typeCheck: false });
    assert.deepEqual(diagnostics, []);
    for (const [file, text] of outputs) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
    }
}

// (That a fresh build passes --check is what the check:build-sync gate itself shows on the real project.)
test('a compiled file edited by hand fails --check, naming the file', async (t) => {
    const dir = tempProject();
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));

    await buildIn(dir);
    const compiled = path.join(dir, 'force-app', 'main', 'default', 'lwc', 'demo', 'demo.js');
    assert.match(fs.readFileSync(compiled, 'utf8'), /^\/\/ Generated from src-ts\/lwc\/demo\/demo\.ts/);

    fs.appendFileSync(compiled, '// a hand edit\n');
    const edited = build(dir, '--check');
    assert.equal(edited.status, 1, edited.out);
    assert.match(edited.out, /force-app\/main\/default\/lwc\/demo\/demo\.js: differs from a fresh build/);
});
