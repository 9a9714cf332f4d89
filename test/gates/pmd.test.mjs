// Tests of the check:pmd gate (PMD 7 with config/pmd-ruleset.xml, and reasons on suppressions).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = 'test/gates/fixtures/apex';

function runGate(...args) {
    const r = spawnSync(process.execPath, ['scripts/gates/pmd.mjs', ...args], { cwd: root, encoding: 'utf8' });
    return { status: r.status, out: r.stdout + r.stderr };
}

// One PMD run over both fixtures (the JVM start is most of its cost): the good one must have no finding.
let both;
function runBoth() {
    both ??= runGate(`${fixtures}/good`, `${fixtures}/bad-pmd`);
    assert.equal(both.status, 1, both.out);
    assert.match(both.out, /^pmd: checked 5 file\(s\)$/m);
    return both.out;
}

test('documented Apex with one query outside loops and a reasoned suppression passes', () => {
    assert.doesNotMatch(runBoth(), /^pmd: .*fixtures\/apex\/good\//m);
});

test('a SOQL query inside a loop and a suppression without a reason fail, naming file:line', () => {
    const out = runBoth();
    assert.match(out, /bad-pmd\/classes\/QueryInLoop\.cls:13:\d+ OperationWithLimitsInLoop:/);
    assert.match(
        out,
        /bad-pmd\/classes\/SilentSuppression\.cls:9 @SuppressWarnings\('PMD\.\.\.'\) without a comment giving the reason/
    );
});

test('without Java the gate fails with install instructions instead of skipping', () => {
    const env = { ...process.env, PATH: path.join(os.tmpdir(), 'no-java-on-this-path'), JAVA_HOME: '' };
    const r = spawnSync(process.execPath, ['scripts/gates/pmd.mjs', `${fixtures}/good`], {
        cwd: root,
        encoding: 'utf8',
        env
    });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /Java was not found.*install a JDK 17, e\.g\. apt-get install openjdk-17-jdk-headless/);
});
