// `npm start` on a port something else holds: one line that says what to do, and a non-zero exit (no stack).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const server = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'server.mjs');

test('npm start on a busy port says "port N in use; set PORT" and exits non-zero', async (t) => {
    const holder = net.createServer();
    await new Promise((resolve) => holder.listen(0, '127.0.0.1', resolve));
    t.after(() => holder.close());
    const { port } = holder.address();
    const child = spawn(process.execPath, [server], { env: { ...process.env, PORT: String(port) } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    assert.equal(code, 1, stderr);
    assert.match(stderr, new RegExp(`^port ${port} in use; set PORT`, 'm'));
    assert.doesNotMatch(stderr, /EADDRINUSE|at Server\./, 'no stack');
});
