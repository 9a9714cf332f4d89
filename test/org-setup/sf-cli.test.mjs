// The project's own Salesforce CLI (node_modules/.bin/sf, pinned in package.json) runs on this Node: its HTTP
// layer reaches a local stub (the root overrides keep @jsforce/jsforce-node on a release for Node 20), and it
// converts source offline. Each run has its own HOME (sf keeps its config, auth files and logs there), with
// telemetry and the new-version check off, so nothing leaves the machine but the stub's requests.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { root } from './harness.mjs';

const SF = path.join(root, 'node_modules', '.bin', 'sf');

/** Runs the project's sf with an isolated HOME; resolves { status, stdout, stderr, home }. */
function sf(args, extraEnv = {}) {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sf-home-'));
    const env = {
        ...process.env,
        HOME: home,
        USERPROFILE: home,
        XDG_CONFIG_HOME: path.join(home, '.config'),
        XDG_DATA_HOME: path.join(home, '.local', 'share'),
        XDG_CACHE_HOME: path.join(home, '.cache'),
        SF_DISABLE_TELEMETRY: 'true',
        SF_SKIP_NEW_VERSION_CHECK: 'true',
        SF_DISABLE_AUTOUPDATE: 'true',
        SF_USE_GENERIC_UNIX_KEYCHAIN: 'true',
        // As under npm run: the project's bin first (sf starts `sf` itself for some hooks).
        PATH: `${path.dirname(SF)}${path.delimiter}${process.env.PATH}`,
        ...extraEnv
    };
    return new Promise((resolve) => {
        const child = spawn(SF, args, { cwd: root, env });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (status) => {
            fs.rmSync(home, { recursive: true, force: true });
            resolve({ status, stdout, stderr });
        });
    });
}

// The two start sf at the same time: each is mostly sf's own start-up.
describe('the project sf', { concurrency: 2 }, () => {
    test('the project sf logs in with an access token against a local stub, which sees its requests', async () => {
        const requests = [];
        const server = http.createServer((req, res) => {
            requests.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
            res.setHeader('Content-Type', 'application/json');
            if (req.url.startsWith('/services/oauth2/userinfo')) {
                // OpenID Connect UserInfo, as an org answers it.
                return res.end(
                    JSON.stringify({
                        preferred_username: 'admin@example.com',
                        organization_id: '00D000000000001EAA',
                        user_id: '005000000000001AAA'
                    })
                );
            }
            if (req.url.includes('/sobjects/User/')) {
                return res.end(JSON.stringify({ Id: '005000000000001AAA', Username: 'admin@example.com' }));
            }
            if (/\/services\/data\/?$/.test(req.url)) {
                return res.end(JSON.stringify([{ version: '65.0', url: '/services/data/v65.0' }]));
            }
            return res.end(JSON.stringify({ totalSize: 0, done: true, records: [] }));
        });
        await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
        const url = `http://127.0.0.1:${server.address().port}`;
        try {
            const r = await sf(['org', 'login', 'access-token', '--instance-url', url, '--no-prompt', '--json'], {
                SF_ACCESS_TOKEN: '00D000000000001!stub.token'
            });
            const json = JSON.parse(r.stdout);
            assert.equal(json.status, 0, r.stdout + r.stderr);
            assert.equal(json.result.username, 'admin@example.com');
            assert.equal(requests[0].url, '/services/oauth2/userinfo');
            assert.equal(requests[0].authorization, 'Bearer 00D000000000001!stub.token');
            assert.ok(requests.some((q) => q.url.includes('/sobjects/User/005000000000001AAA')));
        } finally {
            server.close();
            server.closeAllConnections();
        }
    });

    test('the project sf converts force-app/core to Metadata API format, and the removal manifest names exactly force-app/receipts', async () => {
        const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sf-convert-'));
        try {
            const convert = (dir) =>
                sf([
                    'project',
                    'convert',
                    'source',
                    '--source-dir',
                    dir,
                    '--output-dir',
                    path.join(out, path.basename(dir)),
                    '--json'
                ]);
            const [core, receipts] = await Promise.all([convert('force-app/core'), convert('force-app/receipts')]);
            assert.equal(JSON.parse(core.stdout).status, 0, core.stdout + core.stderr);
            assert.match(fs.readFileSync(path.join(out, 'core', 'package.xml'), 'utf8'), /<name>ApexClass<\/name>/);
            assert.equal(JSON.parse(receipts.stdout).status, 0, receipts.stdout + receipts.stderr);
            const members = (xml) =>
                [...xml.matchAll(/<types>([\s\S]*?)<\/types>/g)]
                    .flatMap(([, t]) => {
                        const type = t.match(/<name>([^<]+)<\/name>/)[1];
                        return [...t.matchAll(/<members>([^<]+)<\/members>/g)].map(([, m]) => `${type}:${m}`);
                    })
                    .sort();
            assert.deepEqual(
                members(
                    fs.readFileSync(path.join(root, 'manifest', 'remove-receipts', 'destructiveChanges.xml'), 'utf8')
                ),
                members(fs.readFileSync(path.join(out, 'receipts', 'package.xml'), 'utf8'))
            );
            assert.doesNotMatch(
                fs.readFileSync(path.join(root, 'manifest', 'remove-receipts', 'package.xml'), 'utf8'),
                /<types>/,
                'the package.xml beside it deploys nothing'
            );
        } finally {
            fs.rmSync(out, { recursive: true, force: true });
        }
    });
});
