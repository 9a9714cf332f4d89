// The gates' own proofs that are not a check:* run. Every gate of scripts/gates proves itself on its fixtures in the
// run that checks the project (scripts/gates/run.mjs and test/gates/fixtures/cases.json); here: that each of those
// gates has a bad fixture, the stock tools' rows (lint, format:check, check:build-sync), the no-Java failure, and the
// model and encoding rules the gates and the org:setup probe share. Each test fails for one reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { XMLParser } from 'fast-xml-parser';
import {
    encodeName,
    encodeProperty,
    nameCandidates,
    storedOperationName
} from '../../scripts/gates/lib/external-service-model.mjs';
import { javaAndLib } from '../../scripts/gates/lib/java.mjs';
import { root } from '../../scripts/gates/lib/common.mjs';
import { CASES, compareCase } from '../../scripts/gates/run.mjs';
import { modelListing } from '../../scripts/gates/apex-semantic.mjs';
import { withSchema } from '../../scripts/sync-external-service.mjs';

const F = path.join(root, 'test/gates/fixtures');

test('every gate scripts/gates/run.mjs runs has a fixture run that fails', () => {
    const cases = JSON.parse(fs.readFileSync(CASES, 'utf8'));
    for (const [gate, runs] of Object.entries(cases)) {
        assert.ok(fs.existsSync(path.join(root, 'scripts/gates', `${gate}.mjs`)), `${gate}: no such gate`);
        assert.ok(
            runs.some((r) => r.prints.length > 1 || !r.prints[0]?.startsWith('checked ')),
            `${gate}: no fixture run with a finding`
        );
    }
});

test('a fixture run differs from its case by a line missing and by a line too many', () => {
    assert.deepEqual(compareCase(['a', 'b'], ['b', 'c']), ['expected, not printed: a', 'printed, not expected: c']);
    assert.deepEqual(compareCase(['a', 'b'], ['b', 'a']), []);
    assert.deepEqual(compareCase(['allowed: x…'], ['allowed: x, y']), []);
});

test('the JVM gates without Java fail with install instructions instead of skipping', () => {
    const noJava = { PATH: path.join(os.tmpdir(), 'no-java-on-this-path'), JAVA_HOME: '' };
    assert.throws(
        () => javaAndLib(noJava),
        /Java was not found.*install a JDK 17, e\.g\. apt-get install openjdk-17-jdk-headless/
    );
});

test('apex-semantic --list prints the ExternalService names inferred from the spec', () => {
    const names = modelListing();
    for (const name of [
        'ExternalService.CPaasMessagingApps.Sendx2dMessage(Sendx2dMessage_Request input): Sendx2dMessage_Response throws Sendx2dMessage_ResponseException',
        'ExternalService.CPaasMessagingApps_content_template_components_parameters.z0type: String (spec: type)',
        'ExternalService.CPaasMessagingApps.sendx2dmessagex2dmany_ResponseException.Code400: CPaasMessagingApps_errorx2dresponse'
    ]) {
        assert.ok(names.includes(name), name);
    }
});

test('lint: a typescript-eslint rule fails on src-ts', async () => {
    // The LWC rules' proof is the lint run itself: src-ts disables @lwc/lwc/no-async-operation where it must, and
    // reportUnusedDisableDirectives fails that run if the rule stops applying to src-ts.
    const [result] = await new ESLint({ cwd: root, ignore: false }).lintFiles([`${F}/eslint/bad/src-ts/loose.ts`]);
    const found = result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
    assert.deepEqual(found, ['1:38 @typescript-eslint/no-explicit-any']);
});

test('format:check: unformatted Apex and Apex that does not parse fail', async () => {
    // That formatted Apex passes is the format:check run itself, over every class of the project.
    const check = async (name) => {
        const file = path.join(F, 'prettier/bad', name);
        const options = { ...(await prettier.resolveConfig(file)), filepath: file };
        return prettier.check(fs.readFileSync(file, 'utf8'), options).then(String, (error) => error.message);
    };
    assert.equal(await check('Unformatted.cls'), 'false');
    assert.match(await check('MissingSemicolon.cls'), /Unexpected token 'return'/);
});

test('build-sync: a stale or hand-edited generated file, a file no source makes and a stale commit fail --check', async () => {
    // build.mjs works on the project it sits in: a temp project with its copy, its tsconfigs and one component, in a
    // git repository whose commit holds a hand-edited demo.js, a stale demo.html and an extra.css. On disk demo.js is
    // then rebuilt, as npm ci's prepare does in CI: the disk matches a fresh build, the commit does not. The fresh
    // build comes from the temp project's own compile (without the type check a write runs: not what this is about).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'build-sync-'));
    const run = (file, args) => spawnSync(file, args, { cwd: dir, encoding: 'utf8' });
    try {
        fs.cpSync(path.join(F, 'build-sync', 'src-ts'), path.join(dir, 'src-ts'), { recursive: true });
        for (const f of ['scripts/build.mjs', 'tsconfig.json', 'tsconfig.build.json']) {
            fs.cpSync(path.join(root, f), path.join(dir, f));
        }
        fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
        fs.writeFileSync(path.join(dir, '.gitignore'), 'node_modules\n');
        const { compile } = await import(pathToFileURL(path.join(dir, 'scripts/build.mjs')).href);
        const out = path.join(dir, 'force-app/core/lwc/demo');
        const fresh = path.join(out, 'demo.js');
        compile({ typeCheck: false }).outputs.forEach((text, file) => {
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(file, text);
        });
        const built = fs.readFileSync(fresh, 'utf8');
        fs.appendFileSync(fresh, '// a hand edit\n');
        fs.writeFileSync(path.join(out, 'demo.html'), '<!-- stale -->\n');
        fs.writeFileSync(path.join(out, 'extra.css'), 'p {}\n');
        run('git', ['init', '-q']);
        run('git', ['add', '.']);
        run('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'stale build']);
        fs.writeFileSync(fresh, built);
        const { status, stdout, stderr } = run(process.execPath, ['scripts/build.mjs', '--check']);
        const text = stdout + stderr;
        assert.equal(status, 1, text);
        for (const line of [
            'force-app/core/lwc/demo/demo.html: differs from a fresh build',
            'force-app/core/lwc/demo/extra.css: no source in src-ts/lwc makes this file',
            "force-app/core/lwc/demo/demo.js: the commit's copy is stale"
        ]) {
            assert.ok(text.includes(line), `${line}\n${text}`);
        }
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
});

test('exactly one @lwc/compiler version is installed (a second copy breaks the compiler)', () => {
    // What `npm ls @lwc/compiler` shows, without npm's start-up: every copy the lockfile has npm ci install.
    const { packages } = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
    const copies = Object.entries(packages).filter(([where]) => where.endsWith('node_modules/@lwc/compiler'));
    assert.deepEqual([...new Set(copies.map(([, p]) => p.version))], ['8.28.2']);
});

test('the ExternalService model encodes names and reserved words as Salesforce documents them', () => {
    // Salesforce Help, "Apex Reserved Keywords" (External Services): its own examples.
    assert.equal(encodeName('5getOpen-bankingV2.2Atms'), 'x35getOpenx2dbankingV2x2e2Atms');
    assert.equal(encodeName('fixed_array_of_AutoContext'), 'fixedx5farrayx5fofx5fAutoContext');
    assert.equal(encodeName('send-message-many'), 'sendx2dmessagex2dmany');
    assert.equal(storedOperationName('Create Leads'), 'createx20leads');
    // Reserved (the Apex list, and `type` and `user`, which External Services adds), then seen unrenamed in compiled code.
    for (const word of ['user', 'date', 'currency', 'integer', 'string', 'type', 'datetime', 'boolean']) {
        assert.equal(encodeProperty(word), `z0${word}`);
    }
    for (const plain of ['index', 'text', 'name', 'content', 'parameters', 'status', 'code', 'message']) {
        assert.equal(encodeProperty(plain), plain);
    }
});

test('the org:setup probe tries the model name first, then the alternatives the evidence leaves', () => {
    assert.deepEqual(nameCandidates('property', 'user'), ['z0user', 'user']);
    assert.deepEqual(nameCandidates('property', 'type'), ['z0type']);
    assert.deepEqual(nameCandidates('property', 'msisdn'), ['msisdn']);
    assert.deepEqual(nameCandidates('operation', 'Send-Message'), ['Sendx2dMessage', 'SendMessage']);
});

test('the sync script embeds a spec so that XML parsing gives back the same JSON, markup characters included', () => {
    const spec = { info: { description: `Tom's "quoted" <b>bold</b> & more` }, paths: {} };
    const xml = withSchema(
        '<ExternalServiceRegistration><schema>old</schema></ExternalServiceRegistration>',
        JSON.stringify(spec, null, 4)
    );
    assert.ok(!xml.includes('<b>'), xml);
    const parsed = new XMLParser({ parseTagValue: false, trimValues: false }).parse(xml);
    assert.deepEqual(JSON.parse(parsed.ExternalServiceRegistration.schema), spec);
});
