// The project's sf on this Node, and the manifests org:setup and the admin guide deploy: the receipt endpoint's
// removal manifest names exactly what force-app/receipts deploys, and the destructive-changes manifest names every
// Apex class deleted since the newest git tag.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { manifest, MANIFEST, removedClasses } from '../../scripts/org-setup/removed-classes.mjs';

const temp = (prefix) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

// The only test that runs the real sf: org:setup and the workflows drive it, and the root overrides of package.json
// keep its HTTP layer (@jsforce/jsforce-node 3.10.16, the last release for Node 18+, over undici 7) on this Node.
test('the project sf logs in with an access token against a local stub (its HTTP layer runs on this Node)', async () => {
    const requests = [];
    const ids = { organization_id: '00D000000000001EAA', user_id: '005000000000001AAA' };
    const answers = [
        [/^\/services\/oauth2\/userinfo/, { preferred_username: 'admin@example.com', ...ids }],
        [/\/data\/?$/, [{ version: '65.0', url: '/services/data/v65.0' }]],
        [/\/sobjects\/User\//, { Id: '005000000000001AAA', Username: 'admin@example.com' }],
        [/./, { records: [] }]
    ];
    const server = http.createServer((req, res) => {
        requests.push(req.url);
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(answers.find(([pattern]) => pattern.test(req.url))[1]));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    // Its own HOME (sf keeps config and auth files there), telemetry and version checks off.
    const home = temp('sf-home-');
    const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home, XDG_CACHE_HOME: home };
    const off = ['DISABLE_TELEMETRY', 'SKIP_NEW_VERSION_CHECK', 'DISABLE_AUTOUPDATE', 'USE_GENERIC_UNIX_KEYCHAIN'];
    // No log file either: sf writes it through a pino transport, a worker thread (SF_DISABLE_LOG_FILE:
    // forcedotcom/sfdx-core src/logger/logger.ts).
    for (const name of [...off, 'DISABLE_LOG_FILE']) {
        env[`SF_${name}`] = 'true';
    }
    env.SF_ACCESS_TOKEN = '00D000000000001!stub.token';
    const url = `http://127.0.0.1:${server.address().port}`;
    const args = ['org', 'login', 'access-token', '--instance-url', url, '--no-prompt', '--json'];
    const child = spawn(path.resolve('node_modules/.bin/sf'), args, { env });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    await new Promise((resolve) => child.on('close', resolve));
    server.close();
    server.closeAllConnections();
    fs.rmSync(home, { recursive: true, force: true });
    assert.equal(JSON.parse(stdout).result?.username, 'admin@example.com', stdout);
    assert.equal(requests[0], '/services/oauth2/userinfo');
});

test('the removal manifest names exactly the components of force-app/receipts, beside a package.xml that deploys nothing', () => {
    // Each source file's type: its folder's (a folder that holds only one type), else its suffix's, as SDR resolves
    // them (its registry JSON alone, as the metadata gate reads it: the whole library takes 1.5 CPU-s to load).
    const { types, strictDirectoryNames, suffixes } = createRequire(import.meta.url)(
        '@salesforce/source-deploy-retrieve/lib/src/registry/metadataRegistry.json'
    );
    const source = fs
        .readdirSync('force-app/receipts', { recursive: true })
        .map((f) => /([^/]+)\/([^/]+)\.(\w+)-meta\.xml$/.exec(f))
        .filter(Boolean)
        .map(([, dir, name, suffix]) => `${types[strictDirectoryNames[dir] ?? suffixes[suffix]].name}:${name}`);
    const read = (file) => fs.readFileSync(path.join('manifest/remove-receipts', file), 'utf8');
    const listed = [...read('destructiveChanges.xml').matchAll(/<types>([\s\S]*?)<\/types>/g)].flatMap(([, t]) =>
        [...t.matchAll(/<members>([^<]+)<\/members>/g)].map((m) => `${t.match(/<name>([^<]+)<\/name>/)[1]}:${m[1]}`)
    );
    assert.deepEqual(listed.sort(), source.sort());
    assert.doesNotMatch(read('package.xml'), /<types>/);
});

test('the destructive-changes manifest lists every .cls deleted since the newest tag, none without a tag', () => {
    const repo = temp('removed-classes-');
    const git = (...args) =>
        assert.equal(spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo }).status, 0);
    const write = (file, text = 'public class X {}') => {
        fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
        fs.writeFileSync(path.join(repo, file), text);
    };
    git('init', '-q');
    ['a/Old.cls', 'a/Moved.cls', 'a/Kept.cls', 'a/Early.cls'].forEach((f) => write(f));
    git('add', '.');
    git('commit', '-qm', 'one');
    git('rm', '-q', 'a/Early.cls');
    git('commit', '-qm', 'before the tag');
    assert.deepEqual(removedClasses(repo), { tag: undefined, classes: [] }, 'no tag: nothing to remove');
    git('tag', 'v0.1.0');
    git('rm', '-q', 'a/Old.cls', 'a/Moved.cls');
    write('b/Moved.cls', 'public class Moved { Integer changed; }');
    git('add', '.');
    git('commit', '-qm', 'two');
    const removed = removedClasses(repo);
    fs.rmSync(repo, { recursive: true, force: true });
    assert.deepEqual(removed, { tag: 'v0.1.0', classes: ['Old'] });
    assert.match(manifest(removed, '65.0'), /<types>\n {8}<members>Old<\/members>\n {8}<name>ApexClass<\/name>/);
    // This repository: with no tag yet (0.1.0 is installed nowhere) the checked-in manifest names no class.
    const here = removedClasses(process.cwd());
    const { sourceApiVersion } = JSON.parse(fs.readFileSync('sfdx-project.json', 'utf8'));
    assert.equal(fs.readFileSync(MANIFEST, 'utf8'), manifest(here, sourceApiVersion));
    assert.ok(here.tag || !here.classes.length, 'without a tag the manifest is empty');
});
