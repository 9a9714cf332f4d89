// Tests of scripts/run-gates.mjs (`npm test`): a failing gate and a gate whose script file is missing both
// count as failures, the critical path is printed, and the last line is the summary. Runs a copy of the runner in a temp project whose
// package.json defines three tiny scripts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

test('failures and missing script files are counted; the critical path and then the summary close the output', (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'run-gates-'));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.mkdirSync(path.join(dir, 'scripts'));
    fs.copyFileSync(path.join(root, 'scripts', 'run-gates.mjs'), path.join(dir, 'scripts', 'run-gates.mjs'));
    fs.cpSync(path.join(root, 'scripts', 'lib'), path.join(dir, 'scripts', 'lib'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'scripts', 'ok.mjs'), "console.log('ok: checked 1 file(s)');\n");
    fs.writeFileSync(
        path.join(dir, 'package.json'),
        JSON.stringify({
            scripts: {
                'check:ok': 'node scripts/ok.mjs',
                'check:fails': 'node -e "console.error(\'bad: x.cls:3 finding\'); process.exit(1)"',
                'check:missing': 'node scripts/gates/not-written-yet.mjs'
            }
        })
    );
    const r = spawnSync(process.execPath, ['scripts/run-gates.mjs', 'check:ok', 'check:fails', 'check:missing'], {
        cwd: dir,
        encoding: 'utf8'
    });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /===== check:ok: PASS in [\d.]+ s =====\nok: checked 1 file\(s\)/);
    assert.match(r.stdout, /===== check:fails: FAIL \(exit 1\) in [\d.]+ s =====\nbad: x\.cls:3 finding/);
    assert.match(r.stdout, /===== check:missing: FAIL.*\nscripts\/gates\/not-written-yet\.mjs does not exist/);
    assert.match(r.stdout, /^critical path: .+ = [\d.]+ s$/m);
    assert.equal(r.stdout.trimEnd().split('\n').at(-1), 'gates: 1 passed, 2 failed');
});
