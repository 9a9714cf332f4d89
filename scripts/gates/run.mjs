#!/usr/bin/env node
// Runs gates in one process: each on the project (its default paths: zero findings), then on each of its fixture
// runs in test/gates/fixtures/cases.json (exactly the lines the case lists, in any order), so every gate is proven
// on a bad fixture in the run that checks the project. A gate that cannot run fails; one gate's failure does not
// stop the others; every line names its gate.
//   node scripts/gates/run.mjs <gate>[,<gate>...]      the project and the fixtures
//   node scripts/gates/run.mjs <gate> [args...]        one run on the given arguments (the gate's own usage)
// A gate's check(args) returns (or resolves to) { count, noun?, notes?, findings }; a GateError is a gate that cannot run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GateError, root } from './lib/common.mjs';

export const CASES = path.join(root, 'test/gates/fixtures/cases.json');

/** What a gate call returns, or the GateError that says it could not run. */
const attempt = (run) =>
    Promise.resolve()
        .then(run)
        .catch((error) => (error instanceof GateError ? error : Promise.reject(error)));

/** A run's printed lines (what it checked, its notes, its findings, or why it could not run) and its verdict. */
function outcome(result) {
    if (result instanceof GateError) {
        return { lines: result.message.split('\n'), failed: true };
    }
    const lines = [`checked ${result.count} ${result.noun ?? 'file(s)'}`, ...(result.notes ?? []), ...result.findings];
    return { lines, failed: result.findings.length > 0 };
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

/** Runs the gates named in argv[0] (comma-separated), with argv's other arguments if given; whether all passed. */
export async function main(argv) {
    const [names = '', ...args] = argv;
    const gates = names.split(',').filter(Boolean);
    const cases = JSON.parse(fs.readFileSync(CASES, 'utf8'));
    if (!gates.length || (args.length && gates.length > 1) || gates.some((g) => !cases[g])) {
        console.error(`usage: run.mjs <gate>[,<gate>...] [args for one gate]; gates: ${Object.keys(cases).join(' ')}`);
        return false;
    }
    let passed = true;
    // Every run of every gate starts before any is awaited, so the JVM gates' tasks share one JVM (lib/java.mjs).
    // An unexpected error (a missing package, a bug) fails its gate; the others still run.
    const loaded = await Promise.all(gates.map((gate) => import(`./${gate}.mjs`).catch((e) => e)));
    const jobs = gates.map((gate, g) => {
        const fixtures = args.length ? [] : cases[gate];
        const runs = [args, ...fixtures.map((c) => c.args)].map((a) => attempt(() => loaded[g].check(a)));
        const outcomes = Promise.all(runs).then(
            (all) => all.map(outcome),
            (error) => error
        );
        return { gate, fixtures, outcomes };
    });
    for (const job of jobs) {
        const { gate, fixtures } = job;
        const outcomes = await job.outcomes;
        if (!Array.isArray(outcomes)) {
            console.error(`${gate}: could not run: ${outcomes.stack}`);
            passed = false;
            continue;
        }
        const [project, ...proofs] = outcomes;
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
