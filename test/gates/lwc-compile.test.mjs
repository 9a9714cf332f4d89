// Tests of the check:lwc gate (@lwc/compiler transformSync on every bundle file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = 'test/gates/fixtures/lwc';

function runGate(...args) {
    const r = spawnSync(process.execPath, ['scripts/gates/lwc-compile.mjs', ...args], { cwd: root, encoding: 'utf8' });
    return { status: r.status, out: r.stdout + r.stderr };
}

// One run over both fixtures (loading the compiler is most of the cost): the good one must have no finding.
let both;
function runBoth() {
    both ??= runGate(`${fixtures}/good/lwc`, `${fixtures}/bad/lwc`);
    assert.equal(both.status, 1, both.out);
    assert.match(both.out, /^lwc-compile: checked 5 file\(s\)$/m);
    return both.out;
}

test('a bundle the platform compiler accepts passes (js, html, css)', () => {
    assert.doesNotMatch(runBoth(), /^lwc-compile: .*fixtures\/lwc\/good\//m);
});

test('a template the compiler refuses fails, naming file:line', () => {
    assert.match(
        runBoth(),
        /brokenTemplate\/brokenTemplate\.html:3:\d+ LWC1166: 'if:true' directive cannot be used with 'lwc:if'/
    );
});

test('exactly one @lwc/compiler version is installed (a second copy breaks the compiler)', () => {
    // What `npm ls @lwc/compiler` shows, without npm's start-up cost: every installed copy's version.
    const versions = new Set();
    const walk = (dir, depth) => {
        const pkg = path.join(dir, '@lwc', 'compiler', 'package.json');
        if (fs.existsSync(pkg)) {
            versions.add(JSON.parse(fs.readFileSync(pkg, 'utf8')).version);
        }
        if (depth === 0) {
            return;
        }
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            if (!entry.isDirectory()) {
                continue;
            }
            const scoped = entry.name.startsWith('@')
                ? fs.readdirSync(path.join(dir, entry.name)).map((n) => path.join(entry.name, n))
                : [entry.name];
            for (const name of scoped) {
                const nested = path.join(dir, name, 'node_modules');
                if (fs.existsSync(nested)) {
                    walk(nested, depth - 1);
                }
            }
        }
    };
    walk(path.join(root, 'node_modules'), 3);
    assert.deepEqual([...versions], ['8.28.2']);
});
