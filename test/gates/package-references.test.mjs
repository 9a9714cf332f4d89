// Tests of the check:package-references gate: a package directory names nothing outside itself and its
// declared dependencies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const seeded = 'test/gates/fixtures/package-references/seeded';

let run;
function seededRun() {
    run ??= spawnSync(process.execPath, ['scripts/gates/package-references.mjs', seeded], {
        cwd: root,
        encoding: 'utf8'
    });
    assert.equal(run.status, 1, run.stdout + run.stderr);
    return run.stderr;
}

test('a core permission set that grants a receipt class fails, naming file:line and the directory', () => {
    assert.match(
        seededRun(),
        /core\/permissionsets\/Agent\.permissionset-meta\.xml:8 names ReceiptResource from force-app\/receipts/
    );
});

test('a core quick action that targets a sample flow fails', () => {
    assert.match(
        seededRun(),
        /core\/quickActions\/Contact\.Go\.quickAction-meta\.xml:3 names Sample_Flow from force-app\/samples/
    );
});

test('core Apex that calls a receipt class fails, and the same name in a comment does not', () => {
    const out = seededRun();
    assert.match(out, /core\/classes\/CoreService\.cls:7 names ReceiptStore/);
    assert.doesNotMatch(out, /CoreService\.cls:1 /);
});

test('a core LWC @salesforce/apex import of a receipt class fails', () => {
    assert.match(seededRun(), /core\/lwc\/card\/card\.js:2 names ReceiptStore/);
});

test('a package may name its dependencies: the receipt classes call the core and the connection without a finding', () => {
    const out = seededRun();
    assert.doesNotMatch(out, /receipts\/classes/);
    assert.match(out, /package-references: 4 finding\(s\)/);
});
