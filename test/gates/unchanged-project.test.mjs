// The unchanged-project preload (scripts/gates/lib/unchanged-project.mjs): a pass is given again only while
// every file of the project is the same; a failure, an outside path or a file edited mid-run is never kept.
// Each case runs a stand-in gate in a temp project that has the preload at the same place as here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const preload = path.resolve(here, '..', '..', 'scripts', 'gates', 'lib', 'unchanged-project.mjs');
const keptFiles = path.resolve(here, '..', '..', 'scripts', 'lib', 'kept-files.mjs');

// Counts its runs in .tmp (outside the key), prints a line, and exits with the code in src/exit-code;
// with EDIT_DURING_RUN set it edits a project file before it ends.
const STAND_IN_GATE = `
import fs from 'node:fs';
fs.mkdirSync('.tmp', { recursive: true });
fs.appendFileSync('.tmp/runs.log', 'run\\n');
console.log('stand-in: checked ' + fs.readdirSync('src').length + ' file(s)');
console.error('stand-in: a note on stderr');
if (process.env.EDIT_DURING_RUN) fs.writeFileSync('src/a.txt', 'edited while the gate ran');
process.exit(Number(fs.readFileSync('src/exit-code', 'utf8')));
`;

describe('unchanged-project preload', () => {
    let project;

    beforeEach(() => {
        project = fs.mkdtempSync(path.join(os.tmpdir(), 'unchanged-project-test-'));
        fs.mkdirSync(path.join(project, 'scripts', 'gates', 'lib'), { recursive: true });
        fs.mkdirSync(path.join(project, 'scripts', 'lib'));
        fs.copyFileSync(preload, path.join(project, 'scripts', 'gates', 'lib', 'unchanged-project.mjs'));
        fs.copyFileSync(keptFiles, path.join(project, 'scripts', 'lib', 'kept-files.mjs'));
        fs.writeFileSync(path.join(project, 'scripts', 'gates', 'stand-in.mjs'), STAND_IN_GATE);
        fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "p", "type": "module" }');
        fs.writeFileSync(path.join(project, 'package-lock.json'), '{}');
        fs.mkdirSync(path.join(project, 'src'));
        fs.writeFileSync(path.join(project, 'src', 'a.txt'), 'a');
        fs.writeFileSync(path.join(project, 'src', 'exit-code'), '0');
    });

    afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

    function gate(args = ['src'], env = {}) {
        const r = spawnSync(
            process.execPath,
            ['--import=./scripts/gates/lib/unchanged-project.mjs', 'scripts/gates/stand-in.mjs', ...args],
            { cwd: project, encoding: 'utf8', env: { ...process.env, ...env } }
        );
        return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    }
    const runs = () => fs.readFileSync(path.join(project, '.tmp', 'runs.log'), 'utf8').split('\n').length - 1;

    it('gives a pass again, stdout and stderr, without running the gate, while the project is unchanged', () => {
        const first = gate();
        const second = gate();
        assert.equal(first.status, 0);
        assert.equal(second.status, 0);
        assert.equal(runs(), 1, 'the gate ran once');
        assert.equal(
            second.stdout,
            `${first.stdout}(the project is unchanged since this gate last passed: its output is given again)\n`
        );
        assert.equal(second.stderr, first.stderr);
    });

    it('runs the gate again after a file is edited, added or removed, and keeps each passing project', () => {
        gate();
        fs.writeFileSync(path.join(project, 'src', 'a.txt'), 'b');
        gate();
        fs.writeFileSync(path.join(project, 'docs.md'), 'new');
        gate();
        fs.rmSync(path.join(project, 'src', 'a.txt'));
        gate();
        assert.equal(runs(), 4, 'each changed project ran the gate');
        fs.writeFileSync(path.join(project, 'src', 'a.txt'), 'a');
        fs.rmSync(path.join(project, 'docs.md'));
        gate();
        assert.equal(runs(), 4, 'the project as at first is given the first run again');
    });

    it('runs the gate again with other arguments', () => {
        gate(['src']);
        gate(['src', '--verbose']);
        assert.equal(runs(), 2);
    });

    it('never keeps a failure: a failing gate runs, and fails, every time', () => {
        fs.writeFileSync(path.join(project, 'src', 'exit-code'), '1');
        assert.equal(gate().status, 1);
        const again = gate();
        assert.equal(again.status, 1);
        assert.doesNotMatch(again.stdout, /unchanged since/);
        assert.equal(runs(), 2);
    });

    it('never keeps a run given a path outside the project', () => {
        const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'unchanged-project-outside-'));
        try {
            gate([outside]);
            gate([outside]);
            assert.equal(runs(), 2);
        } finally {
            fs.rmSync(outside, { recursive: true, force: true });
        }
    });

    it('does not keep a pass when a project file changed while the gate ran', () => {
        gate(['src'], { EDIT_DURING_RUN: '1' });
        // Back to the project the first run started from: had that run been kept, this would replay it.
        fs.writeFileSync(path.join(project, 'src', 'a.txt'), 'a');
        gate();
        assert.equal(runs(), 2, 'what the first run checked is not what its key described');
    });
});
