// Tests of the check:build-sync gate (`node scripts/build.mjs --check`): a compiled JS file edited by hand
// must fail it. build.mjs works on the project it sits in, so the test runs a copy of it in a temp project
// (build.mjs, the tsconfigs, a one-component src-ts, node_modules linked) and never touches force-app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

// (That a fresh build passes --check is what the check:build-sync gate itself shows on the real project.)
test('a compiled file edited by hand fails --check, naming the file', (t) => {
    const dir = tempProject();
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));

    const built = build(dir);
    assert.equal(built.status, 0, built.out);
    const compiled = path.join(dir, 'force-app', 'main', 'default', 'lwc', 'demo', 'demo.js');
    assert.match(fs.readFileSync(compiled, 'utf8'), /^\/\/ Generated from src-ts\/lwc\/demo\/demo\.ts/);

    fs.appendFileSync(compiled, '// a hand edit\n');
    const edited = build(dir, '--check');
    assert.equal(edited.status, 1, edited.out);
    assert.match(edited.out, /force-app\/main\/default\/lwc\/demo\/demo\.js: differs from a fresh build/);
});
