#!/usr/bin/env node
// Gate: Apex semantics (undefined variables, calls to methods that do not exist, type mismatches, unknown fields
// and types) with apex-ls (io.github.apexdevtools.apexls.CheckForIssues, bundled by
// @salesforce/code-analyzer-pmd-engine with Salesforce's standard and SObject type stubs), offline on Java 17.
//   node scripts/gates/apex-semantic.mjs [package-dir...]   (default: force-app force-app/core)
//   node scripts/gates/apex-semantic.mjs --list             print the generated ExternalService model and exit
// Each package directory is one view, checked alone, all views in one JVM (lib/ApexLsViews.java): force-app as a
// whole, and force-app/core without the receipts and samples it must deploy without.
//
// ExternalService.* types exist only in an org (generated when the ExternalServiceRegistration deploys), so this
// gate generates an Apex model of them from spec/cpaas-messaging-apps.openapi.json by the documented External
// Services naming rules (lib/external-service-model.mjs) into a git-ignored temp workspace per view
// (.tmp/apex-semantic-<pid>; never deployed), which apex-ls loads as a dependency package under the namespace
// ExternalService (sfdx-project.json "plugins": {"dependencies": [{"namespace", "path"}]}). A wrong type, field or
// method name (e.g. `type` instead of `z0type`) is then a finding. --keep leaves the workspaces for inspection.
//
// Known apex-ls gaps (its platform stubs, not our code): on trailheadapps/apex-recipes it reports DataWeave
// (DataWeaveScriptResource, DataWeaveScriptException) as missing and Cache.SessionPartition/OrgPartition as not
// assignable to Cache.Partition. This package uses none of them; if it ever does, allow that exact message here
// with the reason, never a whole category.
import fs from 'node:fs';
import path from 'node:path';
import { generateExternalServiceModel } from './lib/external-service-model.mjs';
import { javaAndLib, runJavaShared } from './lib/java.mjs';
import { collectFiles, fail, finish, rel, root, targets } from './lib/common.mjs';

const GATE = 'apex-semantic';
const SPEC = path.join(root, 'spec', 'cpaas-messaging-apps.openapi.json');
const model = generateExternalServiceModel(SPEC, 'CPaasMessagingApps');
if (process.argv.includes('--list')) {
    console.log(`// ExternalService model generated from ${rel(SPEC)} (INFERRED names; confirm in an org)`);
    console.log(model.names.join('\n'));
    process.exit(0);
}

const views = targets(GATE, ['force-app', 'force-app/core']);
const files = collectFiles(views, (f) => f.endsWith('.cls') || f.endsWith('.trigger'));
if (files.length === 0) {
    fail(GATE, `no .cls or .trigger files under ${views.map(rel).join(', ')}`);
}
const { java, lib } = javaAndLib(GATE);

// One workspace per run (parallel runs must not share it), one folder per view; removed at exit unless --keep.
const temp = path.join(root, '.tmp', `apex-semantic-${process.pid}`);
if (!process.argv.includes('--keep')) {
    process.on('exit', () => fs.rmSync(temp, { recursive: true, force: true }));
}
const apiVersion = JSON.parse(fs.readFileSync(path.join(root, 'sfdx-project.json'), 'utf8')).sourceApiVersion;
const classMeta = `<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>${apiVersion}</apiVersion>\n    <status>Active</status>\n</ApexClass>\n`;
const modelDir = path.join(temp, 'externalService', 'classes');
fs.mkdirSync(modelDir, { recursive: true });
for (const [className, source] of model.files) {
    fs.writeFileSync(path.join(modelDir, `${className}.cls`), source);
    fs.writeFileSync(path.join(modelDir, `${className}.cls-meta.xml`), classMeta);
}
const workspaces = views.map((packageDir, i) => {
    const workspace = path.join(temp, `view${i}`);
    fs.mkdirSync(workspace);
    fs.symlinkSync(packageDir, path.join(workspace, 'pkg'), 'dir');
    fs.symlinkSync(path.join(temp, 'externalService'), path.join(workspace, 'externalService'), 'dir');
    const project = {
        packageDirectories: [{ path: 'pkg', default: true }],
        namespace: '',
        sourceApiVersion: apiVersion,
        plugins: { dependencies: [{ namespace: 'ExternalService', path: 'externalService' }] }
    };
    fs.writeFileSync(path.join(workspace, 'sfdx-project.json'), JSON.stringify(project));
    return workspace;
});

const launcher = path.join(path.dirname(new URL(import.meta.url).pathname), 'lib', 'ApexLsViews.java');
const run = runJavaShared(java, lib, launcher, workspaces, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (run.error) {
    fail(GATE, `could not start apex-ls: ${run.error.message}`);
}
const findings = [];
const reports = run.stdout.split(/^#view \d+$/m).slice(1);
if (reports.length !== views.length) {
    fail(GATE, [
        `apex-ls produced no report (exit ${run.status})`,
        run.stdout.slice(0, 2000),
        run.stderr.slice(0, 2000)
    ]);
}
reports.forEach((text, i) => {
    const linked = path.join(workspaces[i], 'pkg');
    const inView = views.length > 1 ? ` (view ${rel(views[i])})` : '';
    let report;
    try {
        report = JSON.parse(text.slice(text.indexOf('{')));
    } catch {
        findings.push(`apex-ls gave no report for ${rel(views[i])}: ${text.slice(0, 2000)}`);
        return;
    }
    for (const entry of report.files ?? []) {
        const file = entry.path.startsWith(linked) ? views[i] + entry.path.slice(linked.length) : entry.path;
        const where = entry.path.includes(`${path.sep}externalService${path.sep}`)
            ? `(generated ExternalService model) ${path.basename(file)}`
            : rel(file);
        for (const m of entry.messages ?? []) {
            const message = m.message.split(linked).join(rel(views[i]));
            findings.push(
                `${where}:${m.start?.line ?? 0}:${(m.start?.offset ?? 0) + 1} ${m.category}: ${message}${inView}`
            );
        }
    }
});
if (run.status !== 0 && findings.length === 0) {
    findings.push(`apex-ls exited with ${run.status}: ${run.stderr.slice(0, 2000)}`);
}
finish(GATE, files.length, findings);
