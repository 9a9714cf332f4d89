// Runs the Salesforce CLI (`sf` on PATH: under `npm run`, the project's own node_modules/.bin/sf, pinned in
// package.json: https://docs.npmjs.com/cli/v11/commands/npm-run-script), always with --json, and returns its
// envelope: { status: 0, result } on success, { status: 1, name, message, result? } on an error
// (@salesforce/sf-plugins-core SfCommand JSON output). Nothing secret ever reaches argv.
import { spawnSync } from 'node:child_process';

/** Thrown by a step that cannot go on; `fix` tells the admin what to do. */
export class StepError extends Error {
    constructor(message, fix) {
        super(message);
        this.fix = fix;
    }
}

const NPM = "run npm ci (it installs the project's sf), then start this through npm run (node_modules/.bin on PATH)";

/** Runs `sf <args> --json` in cwd with env; the envelope it prints. */
export function sf(args, cwd, env = process.env) {
    const options = { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...env, SF_NO_COLOR: 'true' } };
    const run = spawnSync('sf', [...args, '--json'], options);
    if (run.error) {
        const missing = run.error.code === 'ENOENT';
        throw new StepError(missing ? 'the Salesforce CLI (sf) is not on PATH' : `sf: ${run.error.message}`, NPM);
    }
    try {
        return JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
    } catch {
        const printed = (run.stderr || run.stdout).slice(0, 500);
        throw new StepError(`sf ${args.slice(0, 3).join(' ')} printed no JSON: ${printed}`, NPM);
    }
}

/** Runs one sf command with `run`; throws a StepError with its problems (a deploy's component failures, else its message). */
export function mustSf(run, args, what, fix) {
    const r = run(args);
    if (r.status) {
        const failures = [].concat(r.result?.details?.componentFailures ?? []);
        const at = (f) => (f.lineNumber ? ` line ${f.lineNumber}` : '');
        const problems = failures.map((f) => `${f.componentType} ${f.fullName}${at(f)}: ${f.problem}`);
        throw new StepError(`${what}:\n    ${(problems.length ? problems : [r.message]).join('\n    ')}`, fix);
    }
    return r;
}
