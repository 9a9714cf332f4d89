// Tests of the check:source gate (@salesforce/source-deploy-retrieve resolve + convert).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = 'test/gates/fixtures/source';

function runGate(...args) {
    const r = spawnSync(process.execPath, ['scripts/gates/source-structure.mjs', ...args], {
        cwd: root,
        encoding: 'utf8'
    });
    return { status: r.status, out: r.stdout + r.stderr };
}

// One run over both fixtures (loading the library is most of the cost): the good one must have no finding.
let both;
function runBoth() {
    both ??= runGate(`${fixtures}/good`, `${fixtures}/bad`);
    assert.equal(both.status, 1, both.out);
    assert.match(both.out, /^source-structure: checked 4 file\(s\)$/m);
    return both.out;
}

test('a class with its -meta.xml converts to Metadata API format', () => {
    const out = runBoth();
    assert.match(out, /^source-structure: 1 metadata component\(s\)$/m);
    assert.doesNotMatch(out, /^source-structure: .*fixtures\/source\/good\//m);
});

test('a class without its -meta.xml and a stray file fail, naming each file', () => {
    const out = runBoth();
    assert.match(out, /bad\/main\/default\/classes\/NoMetaFile\.cls: not part of any metadata component/);
    assert.match(out, /bad\/main\/default\/classes\/notes\.txt: not part of any metadata component/);
});
