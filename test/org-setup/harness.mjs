// What the org-setup tests share: a throwaway copy of the project per test, the environment that puts the fake
// `sf` (test/org-setup/fake-sf) first on PATH with a scenario, and readers of the calls the fake recorded.
import { after } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fakeBin = path.join(root, 'test', 'org-setup', 'fake-sf');
const PROJECT_FILES = ['sfdx-project.json', 'spec', 'force-app', 'config/per-org', 'manifest', '.github'];

const projects = [];
after(() => projects.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A copy of the project's sources in a temp folder, with where the fake logs and reads its scenario. */
export function project() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'org-setup-test-'));
    projects.push(dir);
    for (const f of PROJECT_FILES) {
        fs.cpSync(path.join(root, f), path.join(dir, 'project', f), { recursive: true });
    }
    return {
        dir,
        cwd: path.join(dir, 'project'),
        log: path.join(dir, 'sf-calls.jsonl'),
        scenario: path.join(dir, 'scenario.json')
    };
}

/** The environment of a run against the fake: its log, its scenario, and PATH (the fake first, when withFake). */
export function fakeEnv(p, scenario = {}, withFake = true) {
    fs.writeFileSync(p.scenario, JSON.stringify(scenario));
    const node = path.dirname(process.execPath);
    return {
        ...process.env,
        FAKE_SF_LOG: p.log,
        FAKE_SF_SCENARIO: p.scenario,
        PATH: withFake ? `${fakeBin}${path.delimiter}${node}` : node
    };
}

/** Every argv the fake was called with, in order. */
export function readCalls(p) {
    return fs.existsSync(p.log)
        ? fs
              .readFileSync(p.log, 'utf8')
              .trim()
              .split('\n')
              .filter(Boolean)
              .map((l) => JSON.parse(l).argv)
        : [];
}

/** The sf command of an argv: its words before the first flag. */
export const commandOf = (argv) => {
    const first = argv.findIndex((a) => a.startsWith('-'));
    return argv.slice(0, first < 0 ? argv.length : first).join(' ');
};

/** The value after each `flag` in argv. */
export const valuesOf = (argv, flag) => argv.filter((a, i) => argv[i - 1] === flag);
