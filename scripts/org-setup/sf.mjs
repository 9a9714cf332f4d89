// Runs the Salesforce CLI (`sf` on PATH: under `npm run`, the project's own node_modules/.bin/sf, pinned in
// package.json, since npm run puts node_modules/.bin first on PATH:
// https://docs.npmjs.com/cli/v11/commands/npm-run-script), always with --json, and reads its envelope:
// { status: 0 | 1, result, warnings } on success, { status: 1, name, message, data? } on an error
// (@salesforce/sf-plugins-core SfCommand JSON output). Never passes a secret: nothing secret reaches argv.
import { spawnSync } from 'node:child_process';

/** Thrown by a step that cannot go on; `fix` tells the admin what to do. */
export class StepError extends Error {
    constructor(message, fix) {
        super(message);
        this.fix = fix;
    }
}

/**
 * Runs `sf <args> --json` in `cwd`, with `env` (default this process's) and `spawn` (default spawnSync; a test's
 * stand-in takes the same arguments and returns the same result).
 * @returns {{ ok: boolean, json: object, result: any, stderr: string }}
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
            run.error.code === 'ENOENT'
                ? 'the Salesforce CLI (sf) is not on PATH'
                : `sf could not start: ${run.error.message}`,
            "run npm ci in the project (it installs the project's sf), then start this through npm run (org:setup, org:tests, package:version), which puts node_modules/.bin first on PATH"
        );
    }
    const stdout = run.stdout ?? '';
    let json;
    try {
        json = JSON.parse(stdout.slice(stdout.indexOf('{')));
    } catch {
        throw new StepError(
            `sf ${args.slice(0, 3).join(' ')} printed no JSON (exit ${run.status}): ${(run.stderr || stdout).slice(0, 500)}`,
            'update the Salesforce CLI (sf update) and rerun'
        );
    }
    const ok = run.status === 0 && (json.status ?? 0) === 0;
    return { ok, json, result: json.result ?? json.data, stderr: run.stderr ?? '' };
}

/** The problems of a failed deploy, one a line (componentFailures of project deploy start's result). */
export function deployProblems(response) {
    const failures = [].concat(response.result?.details?.componentFailures ?? []);
    const lines = failures.map(
        (f) =>
            `${f.componentType ?? f.type ?? ''} ${f.fullName ?? ''}${f.lineNumber ? ` line ${f.lineNumber}` : ''}: ${f.problem ?? f.error ?? ''}`
    );
    const files = (response.result?.files ?? []).filter((f) => f.state === 'Failed');
    if (!failures.length) {
        lines.push(...files.map((f) => `${f.type} ${f.fullName}: ${f.error}`));
    }
    if (!lines.length) {
        lines.push(response.json.message ?? response.result?.errorMessage ?? 'the deploy did not succeed');
    }
    return lines;
}
