// Tests of the check:docs gate: the project's docs pass; a label changed without `npm run docs`, a generated table
// edited by hand, an unknown block, an error code without a meaning, a broken link and a broken anchor each fail.
// The generator and the link check run in this process (syncDocs, checkLinks); the command line runs on the project.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCES, readProjectFile, syncDocs } from '../../scripts/docs.mjs';
import { checkLinks } from '../../scripts/gates/docs.mjs';

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
