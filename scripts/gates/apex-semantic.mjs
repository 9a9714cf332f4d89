#!/usr/bin/env node
// Gate: Apex semantics (undefined variables, calls to methods that do not exist, type mismatches, unknown fields
// and types) with apex-ls (io.github.apexdevtools.apexls.CheckForIssues, bundled by
// @salesforce/code-analyzer-pmd-engine with Salesforce's standard and SObject type stubs), offline on Java 17.
//   node scripts/gates/run.mjs apex-semantic [package-dir...]   (default: force-app force-app/core, the probe, fixtures)
//   node scripts/gates/apex-semantic.mjs --list                 print the generated ExternalService model
// Each package directory is one view, checked alone: force-app as a whole, force-app/core without the receipts and
// samples it must deploy without, and the Apex `npm run org:setup` generates to probe an org's ExternalService names
// (scripts/org-setup/probe.mjs). Every view of every run, and the pmd gate's scans, run in one JVM (lib/java.mjs).
// ExternalService.* types exist only in an org (generated when the registration deploys), so the gate writes an Apex
// model of them (lib/external-service-model.mjs) into a temp workspace, which apex-ls loads as a dependency package
// under the namespace ExternalService (sfdx-project.json "plugins": {"dependencies": [{"namespace", "path"}]}): a
// wrong type, field or method name (e.g. `type` instead of `z0type`) is then a finding.
// apex-ls's platform stubs lack DataWeave and type Cache.SessionPartition/OrgPartition wrongly (seen on
// trailheadapps/apex-recipes); if this package ever uses them, allow that exact message here, never a category.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateExternalServiceModel } from './lib/external-service-model.mjs';
import { jvmTask, jvmWorkDir } from './lib/java.mjs';
import { fail, parseArgs, rel, requireFiles, root } from './lib/common.mjs';
import { probePlan, renderProbe } from '../org-setup/probe.mjs';

const SPEC = path.join(root, 'spec', 'cpaas-messaging-apps.openapi.json');
const DEFAULT_VIEWS = ['force-app', 'force-app/core'];

/** The ExternalService names the model holds, one a line, under a header line. */
export function modelListing() {
    const { names } = generateExternalServiceModel(SPEC, 'CPaasMessagingApps');
    return [`// ExternalService model generated from ${rel(SPEC)} (INFERRED names; confirm in an org)`, ...names];
}

/** The org:setup probe as a class, as the org compiles it (its body inside one method). */
function writeProbe(dir, classMeta) {
    const body = renderProbe(probePlan(root).entities)
        .apex.split('\n')
        .filter((l) => !l.startsWith('//'))
        .map((l) => `        ${l}`);
    const source = `public with sharing class OrgSetupProbe {\n    public static void probe() {\n${body.join('\n')}\n    }\n}\n`;
    fs.mkdirSync(path.join(dir, 'classes'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'classes', 'OrgSetupProbe.cls'), source);
    fs.writeFileSync(path.join(dir, 'classes', 'OrgSetupProbe.cls-meta.xml'), classMeta);
    return dir;
}

let model; // the generated ExternalService model's folder, written once per process: { temp, apiVersion, classMeta }

/** Writes the ExternalService model once, under this process's JVM folder (parallel runs must not share it). */
function writeModel() {
    const temp = path.join(jvmWorkDir(), 'apex-semantic');
    const apiVersion = JSON.parse(fs.readFileSync(path.join(root, 'sfdx-project.json'), 'utf8')).sourceApiVersion;
    const classMeta = `<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>${apiVersion}</apiVersion>\n    <status>Active</status>\n</ApexClass>\n`;
    const modelDir = path.join(temp, 'externalService', 'classes');
    fs.mkdirSync(modelDir, { recursive: true });
    for (const [className, source] of generateExternalServiceModel(SPEC, 'CPaasMessagingApps').files) {
        fs.writeFileSync(path.join(modelDir, `${className}.cls`), source);
        fs.writeFileSync(path.join(modelDir, `${className}.cls-meta.xml`), classMeta);
    }
    return { temp, apiVersion, classMeta };
}

/** A view's apex-ls workspace: the package directory as `pkg`, with the model as a dependency package. */
function workspaceOf(dir, { temp, apiVersion }) {
    const workspace = fs.mkdtempSync(path.join(temp, 'view-'));
    fs.symlinkSync(dir, path.join(workspace, 'pkg'), 'dir');
    fs.symlinkSync(path.join(temp, 'externalService'), path.join(workspace, 'externalService'), 'dir');
    const project = {
        packageDirectories: [{ path: 'pkg', default: true }],
        namespace: '',
        sourceApiVersion: apiVersion,
        plugins: { dependencies: [{ namespace: 'ExternalService', path: 'externalService' }] }
    };
    fs.writeFileSync(path.join(workspace, 'sfdx-project.json'), JSON.stringify(project));
    return workspace;
}

/** A run: its package directories, one view each, and for the project's run the probe's too. */
export async function check(args) {
    const dirs = parseArgs(args, { paths: DEFAULT_VIEWS }).paths;
    const files = requireFiles(dirs, (f) => f.endsWith('.cls') || f.endsWith('.trigger'), '.cls or .trigger');
    model ??= writeModel();
    const probe = { dir: path.join(model.temp, 'probe'), name: 'the generated org:setup probe' };
    const views = [
        ...dirs.map((dir) => ({ dir, name: rel(dir) })),
        ...(args.length ? [] : [{ ...probe, dir: writeProbe(probe.dir, model.classMeta) }])
    ].map((view) => ({ ...view, workspace: workspaceOf(view.dir, model), viewCount: dirs.length + !args.length }));
    const outputs = await Promise.all(views.map((view) => jvmTask(['apex-ls', view.workspace])));
    const reports = outputs.map(({ stdout }) => {
        try {
            return JSON.parse(stdout.slice(stdout.indexOf('{')));
        } catch {
            return { unreadable: stdout.slice(0, 2000) };
        }
    });
    const failed = outputs.find((o) => o.status !== 0);
    if (failed && !reports.some((r) => r.unreadable !== undefined || r.files?.some((f) => f.messages?.length))) {
        fail(`apex-ls exited with ${failed.status} without a finding: ${failed.stderr.slice(0, 2000)}`);
    }
    return { count: files.length, findings: reports.flatMap((report, i) => viewFindings(views[i], report)) };
}

/** One finding per apex-ls message, at the file's project path. */
function viewFindings({ workspace, viewCount, ...view }, report) {
    if (report.unreadable !== undefined) {
        return [`apex-ls gave no report for ${view.name}: ${report.unreadable}`];
    }
    const linked = path.join(workspace, 'pkg');
    const inView = viewCount > 1 ? ` (view ${view.name})` : '';
    return (report.files ?? []).flatMap((entry) => {
        const file = entry.path.startsWith(linked) ? view.dir + entry.path.slice(linked.length) : entry.path;
        const where = entry.path.includes(`${path.sep}externalService${path.sep}`)
            ? `(generated ExternalService model) ${path.basename(file)}`
            : view.name.startsWith('the generated')
              ? `(${view.name}) ${path.basename(file)}`
              : rel(file);
        return (entry.messages ?? []).map((m) => {
            const message = m.message.split(linked).join(view.name);
            return `${where}:${m.start?.line ?? 0}:${(m.start?.offset ?? 0) + 1} ${m.category}: ${message}${inView}`;
        });
    });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    console.log(modelListing().join('\n'));
}
