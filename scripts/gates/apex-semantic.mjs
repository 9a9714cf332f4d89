#!/usr/bin/env node
// Gate: Apex semantics (undefined variables, calls to methods that do not exist, type mismatches, unknown
// fields and types) on every class and trigger, with apex-ls (io.github.apexdevtools.apexls.CheckForIssues,
// bundled by @salesforce/code-analyzer-pmd-engine with Salesforce's standard and SObject type stubs),
// offline on Java 17, in one JVM run.
//   node scripts/gates/apex-semantic.mjs [package-dir]   (default: force-app)
//   node scripts/gates/apex-semantic.mjs --list          print the generated ExternalService model and exit
//
// ExternalService.* types exist only in an org (generated when the ExternalServiceRegistration deploys),
// so apex-ls alone reports them as Missing. Instead of allowing that by name, this gate generates, at run
// time, an Apex model of those types from spec/cpaas-messaging-apps.openapi.json following the documented
// External Services naming rules (lib/external-service-model.mjs), writes it into a git-ignored temp
// workspace (.tmp/apex-semantic-<pid>; never force-app, never deployed) and has apex-ls load it as a dependency
// package under the namespace ExternalService (sfdx-project.json "plugins": {"dependencies":
// [{"namespace", "path"}]}). The gateway is then checked for real: a wrong type, field or method name
// (e.g. `type` instead of `z0type`) is a finding. --keep leaves the workspace for inspection. The package directory is linked into that workspace,
// so custom objects, fields, labels and custom metadata are seen as in the project.
//
// Known apex-ls gaps (its platform stubs, not our code): on trailheadapps/apex-recipes it reports DataWeave
// (DataWeaveScriptResource, DataWeaveScriptException) as missing and Cache.SessionPartition/OrgPartition as not
// assignable to Cache.Partition. This package uses none of them; if it ever does, allow that exact message here
// with the reason, never a whole category.
// Verified on a sample: a missing method, an undefined variable, a String assigned to an Integer, and a
// field missing from the ExternalService model are each reported.
import fs from 'node:fs';
import path from 'node:path';
import { generateExternalServiceModel } from './lib/external-service-model.mjs';
import { javaExecutable, javaLib, runJavaShared } from './lib/java.mjs';
import { collectFiles, fail, finish, rel, requireExisting, root, targets } from './lib/common.mjs';

const GATE = 'apex-semantic';
const SERVICE = 'CPaasMessagingApps';
const SPEC = path.join(root, 'spec', 'cpaas-messaging-apps.openapi.json');
const NAMESPACE = 'ExternalService';

const model = generateExternalServiceModel(SPEC, SERVICE);
if (process.argv.includes('--list')) {
    console.log(`// ExternalService model generated from ${rel(SPEC)} (INFERRED names; confirm in an org)`);
    console.log(model.names.join('\n'));
    process.exit(0);
}

const [packageDir] = targets(['force-app']);
requireExisting(GATE, [packageDir]);
const files = collectFiles([packageDir], (f) => f.endsWith('.cls') || f.endsWith('.trigger'));
if (files.length === 0) {
    fail(GATE, `no .cls or .trigger files under ${rel(packageDir)}`);
}
const java = javaExecutable(GATE);
const lib = javaLib(GATE);

// The temp workspace: sfdx-project.json, a link to the package directory, and the model as a dependency.
// One workspace per run (parallel runs must not share it); removed at exit unless --keep.
const workspace = path.join(root, '.tmp', `apex-semantic-${process.pid}`);
fs.rmSync(workspace, { recursive: true, force: true });
if (!process.argv.includes('--keep')) {
    process.on('exit', () => fs.rmSync(workspace, { recursive: true, force: true }));
}
const modelClasses = path.join(workspace, 'externalService', 'classes');
fs.mkdirSync(modelClasses, { recursive: true });
fs.symlinkSync(packageDir, path.join(workspace, 'pkg'), 'dir');
const apiVersion = JSON.parse(fs.readFileSync(path.join(root, 'sfdx-project.json'), 'utf8')).sourceApiVersion ?? '65.0';
for (const [className, source] of model.files) {
    fs.writeFileSync(path.join(modelClasses, `${className}.cls`), source);
    fs.writeFileSync(
        path.join(modelClasses, `${className}.cls-meta.xml`),
        `<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>${apiVersion}</apiVersion>\n    <status>Active</status>\n</ApexClass>\n`
    );
}
fs.writeFileSync(
    path.join(workspace, 'sfdx-project.json'),
    JSON.stringify(
        {
            packageDirectories: [{ path: 'pkg', default: true }],
            namespace: '',
            sourceApiVersion: apiVersion,
            plugins: { dependencies: [{ namespace: NAMESPACE, path: 'externalService' }] }
        },
        null,
        4
    )
);

const MAIN = 'io.github.apexdevtools.apexls.CheckForIssues';
const run = runJavaShared(
    java,
    lib,
    MAIN,
    ['--nocache', '--format', 'json', '--detail', 'errors', '--workspace', workspace],
    {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024
    }
);
if (run.error) {
    fail(GATE, `could not start apex-ls: ${run.error.message}`);
}
const jsonStart = run.stdout.indexOf('{');
let report;
try {
    report = JSON.parse(run.stdout.slice(jsonStart));
} catch {
    fail(GATE, [
        `apex-ls produced no report (exit ${run.status})`,
        run.stdout.slice(0, 2000),
        run.stderr.slice(0, 2000)
    ]);
}

// Map workspace paths back to the project.
const toProject = (p) => {
    const linked = path.join(workspace, 'pkg') + path.sep;
    return p.startsWith(linked) ? path.join(packageDir, p.slice(linked.length)) : p;
};
const findings = [];
for (const entry of report.files ?? []) {
    const file = toProject(entry.path);
    const inModel = file.startsWith(path.join(workspace, 'externalService'));
    for (const m of entry.messages ?? []) {
        const where = `${inModel ? `(generated ExternalService model) ${rel(file)}` : rel(file)}:${m.start?.line ?? 0}:${(m.start?.offset ?? 0) + 1}`;
        const message = m.message.split(path.join(workspace, 'pkg')).join(rel(packageDir));
        findings.push(`${where} ${m.category}: ${message}`);
    }
}
if (run.status !== 0 && findings.length === 0) {
    findings.push(`apex-ls exited with ${run.status}: ${run.stderr.slice(0, 2000)}`);
}
finish(GATE, files.length, findings);
