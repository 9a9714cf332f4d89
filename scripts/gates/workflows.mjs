// Gate: the GitHub Actions workflow files, offline.
//   node scripts/gates/run.mjs workflows [file-or-dir...]   (default: .github/workflows)
//  1. Each file validates against GitHub's workflow schema (@action-validator/core, the WebAssembly build of
//     action-validator: SchemaStore's github-workflow.json plus its own checks).
//  2. No `if:` reads `secrets` (GitHub rejects the file: "secrets cannot be directly referenced in if:
//     conditionals"; route the secret through `env`), and no job-level `if:` reads `env`, which a job's
//     condition cannot see (docs.github.com/en/actions/learn-github-actions/contexts#context-availability:
//     jobs.<job_id>.if has github, needs, vars and inputs only).
//  3. No step installs a package globally (npm install -g / --global, npm i -g, yarn global add, pnpm add -g):
//     the workflows use the project's own tools, pinned in package.json and installed by npm ci, so CI runs the
//     same sf CLI as a laptop.
import fs from 'node:fs';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';
import { parseArgs, rel, requireFiles } from './lib/common.mjs';

const GLOBAL_INSTALL =
    /\b(npm\s+(install|i|add)\b[^\n]*\s(-g|--global)\b|yarn\s+global\s+add\b|pnpm\s+(add|install|i)\b[^\n]*\s(-g|--global)\b)/;

export function check(args) {
    const files = requireFiles(
        parseArgs(args, { paths: ['.github/workflows'] }).paths,
        (f) => /\.ya?ml$/.test(f),
        'workflow'
    );
    return { count: files.length, findings: files.flatMap(findingsOf) };
}

/** One line per finding in one workflow file. */
function findingsOf(file) {
    const text = fs.readFileSync(file, 'utf8');
    const findings = (validateWorkflow(text).errors ?? []).map((error) => {
        const where = error.path ?? (error.location ? `line ${error.location.line}` : '');
        const detail = error.detail ? ` (${error.detail})` : '';
        return `${rel(file)}: ${where} ${error.title}${detail}`.replace(/ {2,}/g, ' ');
    });
    let workflow;
    try {
        workflow = parse(text);
    } catch (error) {
        return [...findings, `${rel(file)}: not YAML (${error.message})`];
    }
    for (const [jobId, job] of Object.entries(workflow?.jobs ?? {})) {
        const conditions = [
            [`jobs.${jobId}.if`, job?.if, true],
            ...(job?.steps ?? []).map((step, i) => [`jobs.${jobId}.steps[${i}].if`, step?.if, false])
        ];
        for (const [at, expression, isJob] of conditions.filter(([, e]) => e !== undefined)) {
            if (/\bsecrets\./.test(String(expression))) {
                findings.push(
                    `${rel(file)}: ${at} reads secrets, which GitHub does not allow in if:; route the secret through env`
                );
            }
            if (isJob && /\benv\./.test(String(expression))) {
                findings.push(
                    `${rel(file)}: ${at} reads env, which a job's if: cannot see; use a job output (needs.<job>.outputs)`
                );
            }
        }
        (job?.steps ?? []).forEach((step, i) => {
            if (typeof step?.run === 'string' && GLOBAL_INSTALL.test(step.run)) {
                findings.push(
                    `${rel(file)}: jobs.${jobId}.steps[${i}] installs a package globally; use the project's own (npm ci, then node_modules/.bin)`
                );
            }
        });
    }
    return findings;
}
