#!/usr/bin/env node
// Runs gates in one process: each on the project (its default paths: zero findings), then on each of its fixture
// runs in test/gates/fixtures/cases.json (exactly the lines the case lists, in any order), so every gate is proven
// on a bad fixture in the run that checks the project. A gate that cannot run fails; one gate's failure does not
// stop the others; every line names its gate.
//   node scripts/gates/run.mjs <gate>[,<gate>...]      the project and the fixtures
//   node scripts/gates/run.mjs <gate> [args...]        one run on the given arguments (the gate's own usage)
// A gate's check returns { count, noun?, notes?, findings }; a GateError is a gate that cannot run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GateError, root } from './lib/common.mjs';
import { runJvmTasks } from './lib/java.mjs';

export const CASES = path.join(root, 'test/gates/fixtures/cases.json');

const attempt = async (run) => {
    try {
        return await run();
    } catch (error) {
        if (error instanceof GateError) {
            return error;
        }
        throw error;
    }
};

/**
 * A gate's runs, prepared: a gate module exports check(args), or prepare(args) and checkAll(prepared runs) to analyse
 * every run in one go; a JVM gate also exports jvmTasks(prepared runs), and its checkAll gets those tasks' outputs.
 */
async function prepareJob(gate, argsList, module) {
    module ??= await import(`./${gate}.mjs`);
    const results = [];
    for (const args of argsList) {
        results.push(await attempt(() => (module.prepare ?? module.check)(args)));
    }
    const ready = results.filter((r) => !(r instanceof GateError));
    const tasks = module.jvmTasks && ready.length ? await attempt(() => module.jvmTasks(ready)) : [];
    return { module, results, ready, tasks };
}

/** Each run's printed lines (what it checked, its notes, its findings, or why it could not run) and its verdict. */
async function finishJob({ module, results, ready, tasks }, outputs) {
    const failure = [tasks, outputs].find((x) => x instanceof GateError);
    const checked =
        failure ?? (module.checkAll && ready.length ? await attempt(() => module.checkAll(ready, outputs)) : ready);
    return results.map((r) => {
        const result = r instanceof GateError ? r : (checked[ready.indexOf(r)] ?? checked);
        const lines = [
            `checked ${result.count} ${result.noun ?? 'file(s)'}`,
            ...(result.notes ?? []),
            ...(result.findings ?? [])
        ];
        return result instanceof GateError
            ? { lines: result.message.split('\n'), failed: true }
            : { lines, failed: result.findings.length > 0 };
    });
}

/**
 * What differs between a fixture run's printed lines and its case's: one line per missing or unexpected line. A case
 * line ending in … stands for any line that starts with the rest (a list an installed package may extend).
 */
export function compareCase(expected, printed) {
    const matches = (e, l) => (e.endsWith('…') ? l.startsWith(e.slice(0, -1)) : e === l);
    return [
        ...expected.filter((e) => !printed.some((l) => matches(e, l))).map((e) => `expected, not printed: ${e}`),
        ...printed.filter((l) => !expected.some((e) => matches(e, l))).map((l) => `printed, not expected: ${l}`)
    ];
}

/**
 * Runs the gates named in argv[0] (comma-separated), with argv's other arguments if given; whether all passed.
 * `modules` holds gate modules already loaded (a gate run as the main module cannot import itself again).
 */
export async function main(argv, modules = {}) {
    const [names = '', ...args] = argv;
    const gates = names.split(',').filter(Boolean);
    const cases = JSON.parse(fs.readFileSync(CASES, 'utf8'));
    if (!gates.length || (args.length && gates.length > 1) || gates.some((g) => !cases[g])) {
        console.error(`usage: run.mjs <gate>[,<gate>...] [args for one gate]; gates: ${Object.keys(cases).join(' ')}`);
        return false;
    }
    let passed = true;
    const couldNotRun = (gate, error) => {
        // An unexpected error (a missing package, a bug) fails this gate; the others still run.
        console.error(`${gate}: could not run: ${error.stack}`);
        passed = false;
    };
    const jobs = [];
    for (const gate of gates) {
        const fixtures = args.length ? [] : cases[gate];
        await prepareJob(gate, [args, ...fixtures.map((c) => c.args)], modules[gate]).then(
            (job) => jobs.push({ ...job, gate, fixtures }),
            (error) => couldNotRun(gate, error)
        );
    }
    // Every JVM gate's tasks in one JVM: one start-up and one warm-up of the jars they share.
    const tasks = jobs.flatMap((job) => (Array.isArray(job.tasks) ? job.tasks : []));
    const outputs = tasks.length ? await attempt(() => runJvmTasks(tasks)) : [];
    for (const job of jobs) {
        const own = !job.tasks.length
            ? []
            : outputs instanceof GateError
              ? outputs
              : outputs.splice(0, job.tasks.length);
        const results = await finishJob(job, own).catch((error) => couldNotRun(job.gate, error));
        if (!results) {
            continue;
        }
        const { gate, fixtures } = job;
        const [project, ...proofs] = results;
        const problems = proofs.flatMap((p, i) =>
            compareCase(fixtures[i].prints, p.lines).map((d) => `fixture run [${fixtures[i].args.join(' ')}]: ${d}`)
        );
        project.lines.forEach((line) => console.log(`${gate}: ${line}`));
        if (fixtures.length) {
            console.log(`${gate}: proven on ${fixtures.length} fixture run(s), ${problems.length} difference(s)`);
        }
        problems.forEach((p) => console.error(`${gate}: ${p}`));
        passed &&= !project.failed && problems.length === 0;
    }
    return passed;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    process.exitCode = (await main(process.argv.slice(2))) ? 0 : 1;
}
