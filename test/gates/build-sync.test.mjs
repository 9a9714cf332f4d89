// Tests of the check:build-sync gate (`node scripts/build.mjs --check`): any difference between the generated
// force-app/core/lwc and a fresh build of src-ts/lwc fails it: a compiled file edited by hand, a copied template gone
// stale, a file no source makes. build.mjs works on the project it sits in, so the test runs a copy of it in a temp project
// (build.mjs, the tsconfigs, a one-component src-ts, node_modules linked) and never touches force-app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function tempProject() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'build-sync-'));
    fs.mkdirSync(path.join(dir, 'scripts'));
    fs.copyFileSync(path.join(root, 'scripts', 'build.mjs'), path.join(dir, 'scripts', 'build.mjs'));
    for (const f of ['tsconfig.json', 'tsconfig.build.json']) {
        fs.copyFileSync(path.join(root, f), path.join(dir, f));
    }
    fs.cpSync(path.join(root, 'test', 'gates', 'fixtures', 'build-sync', 'src-ts'), path.join(dir, 'src-ts'), {
        recursive: true
    });
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    return dir;
}

/**
 * `node scripts/build.mjs --check` in the temp project, after what `npm run build` writes there and then an
 * edit of the output: EDIT_FILE (in force-app/core/lwc/demo) gets EDIT_TEXT appended. Both happen in a module preloaded into the same process (--import), so
 * TypeScript loads once: it writes the build through the copy's own compile() (so its root is the temp
 * project); the emitted text is the same in both modes; only the whole-program type check, which a build
 * adds and the typecheck gate covers, is left out (the DOM library's types are most of its time).
 */
const PRELOAD = `import fs from 'node:fs';
import path from 'node:path';
// build.mjs runs its main() when it is the script node was started with: not for this import of it.
const script = process.argv[1];
process.argv[1] = '';
const { compile } = await import('./build.mjs?prebuild');
process.argv[1] = script;
const { outputs, diagnostics } = compile({ typeCheck: false });
for (const [file, text] of outputs) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
}
// What was built, for the test to look at.
const result = { outputs: [...outputs], diagnostics: diagnostics.map((d) => d.messageText) };
fs.writeFileSync('build-result.json', JSON.stringify(result));
fs.appendFileSync(path.join(process.cwd(), 'force-app/core/lwc/demo', process.env.EDIT_FILE), process.env.EDIT_TEXT);
`;

// (That a fresh build passes --check is what the check:build-sync gate itself shows on the real project.)
for (const [what, file, text, finding] of [
    ['a compiled file edited by hand', 'demo.js', '// a hand edit\n', 'demo.js: differs from a fresh build'],
    ['a stale copied template', 'demo.html', '<!-- stale -->\n', 'demo.html: differs from a fresh build'],
    ['a file no source makes', 'extra.css', 'p {}\n', 'extra.css: no source in src-ts/lwc makes this file']
]) {
    test(`${what} fails --check, naming the file`, (t) => {
        const dir = tempProject();
        t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
        fs.writeFileSync(path.join(dir, 'scripts', 'build-then-edit.mjs'), PRELOAD);

        const r = spawnSync(
            process.execPath,
            ['--import', './scripts/build-then-edit.mjs', 'scripts/build.mjs', '--check'],
            { cwd: dir, encoding: 'utf8', env: { ...process.env, EDIT_FILE: file, EDIT_TEXT: text } }
        );
        const out = r.stdout + r.stderr;
        const output = (name) => path.join(dir, 'force-app', 'core', 'lwc', 'demo', name);
        // The build compiled the .ts with its header and copied the template as it is; the edit came after it.
        const resultFile = path.join(dir, 'build-result.json');
        assert.ok(fs.existsSync(resultFile), out);
        const { outputs, diagnostics } = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
        assert.deepEqual(diagnostics, []);
        const built = new Map(outputs);
        assert.deepEqual([...built.keys()].sort(), [output('demo.html'), output('demo.js')]);
        assert.match(built.get(output('demo.js')), /^\/\/ Generated from src-ts\/lwc\/demo\/demo\.ts/);
        assert.equal(
            built.get(output('demo.html')),
            fs.readFileSync(path.join(dir, 'src-ts/lwc/demo/demo.html'), 'utf8')
        );

        assert.equal(r.status, 1, out);
        assert.ok(out.includes(`force-app/core/lwc/demo/${finding}`), out);
    });
}
