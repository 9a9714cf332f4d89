// Runs the Salesforce CLI (`sf` on PATH: under `npm run`, the project's own node_modules/.bin/sf, pinned in
// package.json, since npm run puts node_modules/.bin first on PATH:
// https://docs.npmjs.com/cli/v11/commands/npm-run-script), always with --json, and reads its envelope:
// { status: 0 | 1, result, warnings } on success, { status: 1, name, message, data? } on an error
// (@salesforce/sf-plugins-core SfCommand JSON output). Nothing secret ever reaches argv.
import { spawnSync } from 'node:child_process';

/** Thrown by a step that cannot go on; `fix` tells the admin what to do. */
export class StepError extends Error {
    constructor(message, fix) {
        super(message);
        this.fix = fix;
    }
}

/**
 * Runs `sf <args> --json` in `cwd`, with `env` (default this process's) and `spawn` (default spawnSync; the tests'
 * fake takes the same arguments and returns the same result).
 * @returns {{ ok: boolean, json: any, result: any }}
 */
export function sf(args, cwd, { env = process.env, spawn = spawnSync } = {}) {
    const run = spawn('sf', [...args, '--json'], {
        cwd,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        env: { ...env, SF_NO_COLOR: 'true', FORCE_COLOR: '0' }
    });
    if (run.error) {
        throw new StepError(
            run.error.code === 'ENOENT' ? 'the Salesforce CLI (sf) is not on PATH' : `sf: ${run.error.message}`,
            "run npm ci in the project (it installs the project's sf), then start this through npm run, which puts node_modules/.bin first on PATH"
        );
    }
    const stdout = run.stdout ?? '';
    try {
        const json = JSON.parse(stdout.slice(stdout.indexOf('{')));
        return { ok: run.status === 0 && !json.status, json, result: json.result ?? json.data };
    } catch {
        throw new StepError(
            `sf ${args.slice(0, 3).join(' ')} printed no JSON (exit ${run.status}): ${(run.stderr || stdout).slice(0, 500)}`,
            'update the Salesforce CLI (npm ci) and rerun'
        );
    }
}

/** The problems of a failed sf call, one a line (a deploy's componentFailures or failed files, else its message). */
export function problemsOf(response) {
    const failures = [].concat(response.result?.details?.componentFailures ?? []);
    const files = failures.length ? [] : (response.result?.files ?? []).filter((f) => f.state === 'Failed');
    const lines = [
        ...failures.map(
            (f) => `${f.componentType ?? ''} ${f.fullName}${f.lineNumber ? ` line ${f.lineNumber}` : ''}: ${f.problem}`
        ),
        ...files.map((f) => `${f.type} ${f.fullName}: ${f.error}`)
    ];
    return lines.length ? lines : [response.json.message ?? 'failed'];
}

/** Runs one sf command; throws a StepError with its problems when it fails. */
export function mustSf(run, args, what, fix) {
    const response = run(args);
    if (!response.ok) {
        throw new StepError(`${what}:\n    ${problemsOf(response).join('\n    ')}`, fix);
    }
    return response;
}
