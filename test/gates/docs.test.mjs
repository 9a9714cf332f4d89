// Tests of the check:docs gate: the project's docs pass; a label changed without `npm run docs`, a generated table
// edited by hand, an unknown block, an error code without a meaning, one without
// its own label, one whose label is missing, a broken link, a broken anchor, an issue number,
// "item N", a "new" marker, a path outside the repository and an overlong README each fail.
// The generator and the link check run in this process (syncDocs, checkLinks); the command line runs on the project.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCES, readProjectFile, syncDocs } from '../../scripts/docs.mjs';
import { checkLinks, checkProse, checkReadmeSize } from '../../scripts/gates/docs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = path.join(root, 'test', 'gates', 'fixtures', 'docs');

test('the project docs pass: tables current, links resolve', () => {
    const r = spawnSync(process.execPath, ['scripts/gates/docs.mjs'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^docs: checked \d+ file\(s\)$/m);
});

test('a Custom Label changed without regenerating fails, naming the doc and the table', async () => {
    const read = (file) => {
        const text = readProjectFile(file);
        return file === SOURCES.labels
            ? text.replace(/(<fullName>WhatsAppOtp_Error_Cooldown<\/fullName>[\s\S]*?<value>)[^<]*/, '$1Slow down.')
            : text;
    };
    const findings = await syncDocs({ read });
    assert.deepEqual(findings, [
        'docs/flow-actions.md: the generated block "error-codes" differs from its source; run npm run docs (hand edits go in the source)'
    ]);
});

test('a generated table edited by hand, and an unknown block, fail', async () => {
    const findings = (await syncDocs({ files: [path.join(fixtures, 'hand-edited.md')] })).filter(
        (f) => !f.includes('is in no doc')
    );
    assert.deepEqual(findings, [
        'test/gates/fixtures/docs/hand-edited.md: the generated block "error-codes" differs from its source; run npm run docs (hand edits go in the source)',
        'test/gates/fixtures/docs/hand-edited.md: unknown generated block "no-such-table"'
    ]);
});

test('an error code without a meaning fails, naming the code', async () => {
    const read = (file) =>
        file === SOURCES.meanings ? readProjectFile(file).replace(/\n\s*"BUSY": "[^"]*",/, '') : readProjectFile(file);
    await assert.rejects(syncDocs({ read }), /docs\/error-code-meanings\.json: no meaning for BUSY/);
});

test('an error code without its own label fails, naming the code (the preview reads the same map)', async () => {
    // The bad fixture: a constant PAUSED that labelFor has no arm for, so it would show the fallback's message.
    const read = (file) =>
        file === SOURCES.exception
            ? readProjectFile(file).replace(
                  /(public static final String BUSY = 'BUSY';)/,
                  "$1 public static final String PAUSED = 'PAUSED';"
              )
            : readProjectFile(file);
    await assert.rejects(syncDocs({ read }), /WhatsAppOtpException\.cls: PAUSED has no label \(add `when 'PAUSED'`/);
});

test('an error code whose label is not a Custom Label fails, naming both', async () => {
    const read = (file) =>
        file === SOURCES.labels
            ? readProjectFile(file).replace('<fullName>WhatsAppOtp_Error_Busy</fullName>', '<fullName>Gone</fullName>')
            : readProjectFile(file);
    await assert.rejects(syncDocs({ read }), /no label WhatsAppOtp_Error_Busy \(used for BUSY\)/);
});

test('a missing file, a missing heading and a missing heading in another file fail; good links pass', async () => {
    const findings = await checkLinks([path.join(fixtures, 'broken-links.md')]);
    assert.equal(findings.length, 3, findings.join('\n'));
    assert.match(findings[0], /broken-links\.md:3:\d+ Cannot find file `no-such-guide\.md`/);
    assert.match(findings[1], /broken-links\.md:3:\d+ Cannot find heading for `#no-such-heading`/);
    assert.match(
        findings[2],
        /broken-links\.md:4:\d+ Cannot find heading for `#no-such-section` in `(\.\.\/)*docs\/admin-guide\.md`/
    );
});

test('an issue number, "item N", a "new" marker and a path outside the repository fail; owner/repo#N passes', (t) => {
    // The fixture spells the stale words as placeholders, so the repository itself never holds them.
    const text = fs
        .readFileSync(path.join(fixtures, 'stale-prose.md'), 'utf8')
        .replace('{{issue}}', 'issue')
        .replace('{{item}}', 'item')
        .replace('{{outside}}', ['', 'work', 'shared', 'notes'].join('/'));
    const file = path.join(root, '.tmp', `stale-prose-${process.pid}.md`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    t.after(() => fs.rmSync(file, { force: true }));
    const where = path.relative(root, file).split(path.sep).join('/');
    assert.deepEqual(checkProse([file]), [
        `${where}:3 an issue number (cite upstream threads as owner/repo#N)`,
        `${where}:5 "item N"`,
        `${where}:9 a "new" marker (say what it does, not when it came)`,
        `${where}:11 a path outside the repository`
    ]);
});

test('a README over 250 lines or 20 KB fails; the project README passes', () => {
    assert.deepEqual(checkReadmeSize(fs.readFileSync(path.join(root, 'README.md'), 'utf8')), []);
    assert.match(checkReadmeSize('line\n'.repeat(251)).join(''), /^README\.md: 251 lines, 1255 bytes; keep it at most/);
    assert.match(checkReadmeSize(`${'x'.repeat(21000)}\n`).join(''), /^README\.md: 1 lines, 21001 bytes/);
});
