#!/usr/bin/env node
// Gate: the GitHub Actions workflow files, offline.
//   node scripts/gates/workflows.mjs [file-or-dir...]   (default: .github/workflows)
//  1. Each file validates against GitHub's workflow schema (@action-validator/core, the WebAssembly build of
//     action-validator: SchemaStore's github-workflow.json plus its own checks).
//  2. No `if:` reads `secrets` (GitHub rejects the file: "secrets cannot be directly referenced in if:
//     conditionals"; route the secret through `env`), and no job-level `if:` reads `env`, which a job's
//     condition cannot see (docs.github.com/en/actions/learn-github-actions/contexts#context-availability:
//     jobs.<job_id>.if has github, needs, vars and inputs only).
//  3. No step installs a package globally (npm install -g / --global, npm i -g, yarn global add, pnpm add -g):
//     the workflows use the project's own tools, pinned in package.json and installed by npm ci, so CI runs the
//     same sf CLI as a laptop.
// The gate tests call checkWorkflows() in their own process (the WebAssembly validator loaded once).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';
import { collectFiles, fail, finish, rel, targets } from './lib/common.mjs';

const GATE = 'workflows';

/** Every `if` in the workflow, with where it is and whether it is a job's own condition. */
function conditions(workflow) {
    const found = [];
    for (const [jobId, job] of Object.entries(workflow?.jobs ?? {})) {
        if (job?.if !== undefined) {
            found.push({ at: `jobs.${jobId}.if`, expression: String(job.if), job: true });
        }
        (job?.steps ?? []).forEach((step, i) => {
            if (step?.if !== undefined) {
                found.push({ at: `jobs.${jobId}.steps[${i}].if`, expression: String(step.if), job: false });
            }
        });
    }
    return found;
}

const GLOBAL_INSTALL =
    /\b(npm\s+(install|i|add)\b[^\n]*\s(-g|--global)\b|yarn\s+global\s+add\b|pnpm\s+(add|install|i)\b[^\n]*\s(-g|--global)\b)/;

/** Every step's `run` script, with where it is. */
function runs(workflow) {
    return Object.entries(workflow?.jobs ?? {}).flatMap(([jobId, job]) =>
        (job?.steps ?? []).flatMap((step, i) =>
            typeof step?.run === 'string' ? [{ at: `jobs.${jobId}.steps[${i}]`, script: step.run }] : []
        )
    );
}

/**
 * Checks each workflow file.
 * @param {string[]} files absolute paths of the .yml/.yaml files
 * @returns {string[]} one line per finding
 */
export function checkWorkflows(files) {
    const findings = [];
    for (const file of files) {
        const text = fs.readFileSync(file, 'utf8');
        const state = validateWorkflow(text);
        for (const error of state.errors ?? []) {
            const where = error.path ?? (error.location ? `line ${error.location.line}` : '');
            findings.push(
                `${rel(file)}: ${where} ${error.title}${error.detail ? ` (${error.detail})` : ''}`.replace(
                    / {2,}/g,
                    ' '
                )
            );
        }
        let workflow;
        try {
            workflow = parse(text);
        } catch (error) {
            findings.push(`${rel(file)}: not YAML (${error.message})`);
            continue;
        }
        for (const { at, expression, job } of conditions(workflow)) {
            if (/\bsecrets\./.test(expression)) {
                findings.push(
                    `${rel(file)}: ${at} reads secrets, which GitHub does not allow in if:; route the secret through env`
                );
            }
            if (job && /\benv\./.test(expression)) {
                findings.push(
                    `${rel(file)}: ${at} reads env, which a job's if: cannot see; use a job output (needs.<job>.outputs)`
                );
            }
        }
        for (const { at, script } of runs(workflow)) {
            if (GLOBAL_INSTALL.test(script)) {
                findings.push(
                    `${rel(file)}: ${at} installs a package globally; use the project's own (npm ci, then node_modules/.bin)`
                );
            }
        }
    }
    return findings;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const paths = targets(GATE, ['.github/workflows']);
    const files = collectFiles(paths, (f) => /\.ya?ml$/.test(f));
    if (files.length === 0) {
        fail(GATE, `no workflow files under ${paths.map(rel).join(', ')}`);
    }
    finish(GATE, files.length, checkWorkflows(files));
}
