// Tests of the format:check script (the Prettier CLI with prettier-plugin-apex and @prettier/plugin-xml).
// Prettier's Apex parser also stands for the Apex syntax check: a class that does not parse fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const prettier = createRequire(import.meta.url).resolve('prettier/bin/prettier.cjs');
const fixtures = 'test/gates/fixtures/prettier';

// One run over both fixtures (loading Prettier and its plugins is most of the cost). .prettierignore skips the
// fixtures, so the run reads an ignore file that does not exist instead.
let both;
function runBoth() {
    const r = (both ??= spawnSync(
        process.execPath,
        [
            prettier,
            '--check',
            '--ignore-path',
            `${fixtures}/no-such-ignore-file`,
            `${fixtures}/good`,
            `${fixtures}/bad`
        ],
        // No colour codes in the output the tests read, also where CI=true makes Prettier's terminal check say yes.
        { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } }
    ));
    assert.equal(r.status, 2, r.stdout + r.stderr);
    return r.stdout + r.stderr;
}

test('formatted Apex and JavaScript pass', () => {
    assert.doesNotMatch(runBoth(), /fixtures\/prettier\/good\//);
});

test('unformatted Apex and JavaScript fail, naming each file', () => {
    const out = runBoth();
    assert.match(out, /\[warn\] test\/gates\/fixtures\/prettier\/bad\/Unformatted\.cls$/m);
    assert.match(out, /\[warn\] test\/gates\/fixtures\/prettier\/bad\/unformatted\.js$/m);
});

test("Apex that does not parse (a missing ';') fails, naming the file and the token", () => {
    assert.match(
        runBoth(),
        /\[error\] test\/gates\/fixtures\/prettier\/bad\/MissingSemicolon\.cls: Error: Unexpected token 'return'/
    );
});
