#!/usr/bin/env node
// `npm run package:version -- --target-dev-hub <alias>`: unlocked package versions of the packages sfdx-project.json
// declares (connection, then core, then receipts: each depends on the ones before it), with the project's sf. Run by
// a maintainer with a Dev Hub, and by the "Package versions" workflow.
//   --create     first run only: `sf package create` for each package without a packageAliases entry (sf writes
//                the 0Ho alias into sfdx-project.json; the maintainer commits it). Never in a workflow.
//   --promote    promote each version this run creates (only a promoted version installs in production: "Code
//                Coverage for Unlocked Packages",
//                developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_unlocked_pkg_code_coverage.htm)
//   --dry-run    print every command the run would run, and run none
//   --check-aliases  say which packages lack an alias and write ready=true|false to $GITHUB_OUTPUT
// Versions are created with --code-coverage (promotion needs 75 %, computed only then) and
// --installation-key-bypass: the source is public, so an installation key would protect nothing.
// Without packageAliases for every package (and without --create) it changes nothing and says so.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sf, StepError } from './org-setup/sf.mjs';

const FLAGS = ['--create', '--promote', '--dry-run', '--check-aliases'];
const words = (text) => text.split(' ');
const command = {
    create: (p, hub) => [
        ...words('package create --package-type Unlocked --no-namespace --name'),
        p.package,
        ...['--path', p.path, '--description', p.versionDescription ?? '', '--target-dev-hub', hub]
    ],
    version: (p, hub, wait) => [
        ...words('package version create --code-coverage --installation-key-bypass --package'),
        p.package,
        ...['--wait', wait, '--target-dev-hub', hub]
    ],
    promote: (id, hub) => [...words('package version promote --no-prompt --package'), id, '--target-dev-hub', hub]
};
const shown = (args) => `  sf ${args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`;

/** Runs package:version with `argv`; io = { cwd, stdout, env, spawn } (each optional). Returns the exit code. */
export function main(argv, io = {}) {
    const { cwd = process.cwd(), env = process.env, stdout = process.stdout } = io;
    const say = (text) => stdout.write(`${text}\n`);
    const o = { wait: '120' };
    for (let i = 0; i < argv.length; i++) {
        if (FLAGS.includes(argv[i])) {
            o[argv[i]] = true;
        } else if (['--target-dev-hub', '-v', '--wait'].includes(argv[i]) && argv[i + 1]) {
            o[argv[i] === '--wait' ? 'wait' : 'hub'] = argv[++i];
        } else {
            say(`package:version: unknown argument ${argv[i]} (see the header of scripts/package-version.mjs)`);
            return 2;
        }
    }
    const project = JSON.parse(fs.readFileSync(path.join(cwd, 'sfdx-project.json'), 'utf8'));
    const packages = (project.packageDirectories ?? []).filter((d) => d.package);
    const missing = packages.filter((p) => !project.packageAliases?.[p.package]);
    const names = (list) => list.map((p) => p.package).join(', ');
    const aliases = `no packageAliases for ${names(missing)}: a maintainer runs npm run package:version -- --target-dev-hub <alias> --create once and commits sfdx-project.json`;
    if (o['--check-aliases']) {
        say(`package:version: ${missing.length ? aliases : `every package has its alias (${names(packages)})`}`);
        if (env.GITHUB_OUTPUT) {
            fs.appendFileSync(env.GITHUB_OUTPUT, `ready=${packages.length > 0 && !missing.length}\n`);
        }
        return 0;
    }
    if (!o.hub && !o['--dry-run']) {
        say(
            'package:version: --target-dev-hub is required (npx sf org login web --set-default-dev-hub --alias devhub)'
        );
        return 2;
    }
    if (missing.length && !o['--create']) {
        say(`package:version: skipped, nothing changed: sfdx-project.json has ${aliases}.`);
        return 0;
    }
    const hub = o.hub ?? '<dev hub>';
    const dry = o['--dry-run'];
    if (dry) {
        say('package:version --dry-run: nothing is run. The commands, in order:');
    }
    // One path for the run and the dry run: a dry run prints each command, answers it with placeholders and reports
    // no result.
    const report = dry ? () => {} : say;
    const must = (args, what, placeholder) => {
        say(shown(args));
        const r = dry ? { ok: true, result: placeholder } : sf(args, cwd, { env, spawn: io.spawn });
        if (!r.ok) {
            throw new StepError(`${what}: ${r.json.message ?? 'failed'}`, 'read the message above; rerun when fixed');
        }
        return r.result ?? {};
    };
    try {
        for (const p of o['--create'] ? missing : []) {
            const r = must(command.create(p, hub), `the package ${p.package} was not created`, { Id: '<0Ho>' });
            report(`    created ${p.package} (${r.Id}); commit sfdx-project.json's packageAliases`);
        }
        // Promoted only once every version exists: a promoted version cannot be taken back.
        const created = packages.map((p) => {
            const placeholder = { SubscriberPackageVersionId: `<04t of ${p.package}>` };
            const r = must(command.version(p, hub, o.wait), `no version of ${p.package} was created`, placeholder);
            report(`    ${p.package}: ${r.SubscriberPackageVersionId} (${r.Status}, coverage ${r.CodeCoverage} %)`);
            return [p, r.SubscriberPackageVersionId];
        });
        for (const [p, id] of o['--promote'] ? created : []) {
            must(command.promote(id, hub), `${p.package} ${id} was not promoted`);
        }
    } catch (error) {
        if (!(error instanceof StepError)) {
            throw error;
        }
        say(`package:version: ${error.message}\n  fix: ${error.fix}`);
        return 1;
    }
    if (dry) {
        return 0;
    }
    const install = 'npx sf package install --package <04t> --target-org <alias> --wait 30 --no-prompt';
    const where = o['--promote'] ? '' : ' (unpromoted: scratch orgs and sandboxes only)';
    say(`package:version: done. Install in dependency order: ${install}${where}`);
    return 0;
}

const entry = process.argv[1] && fs.realpathSync(path.resolve(process.argv[1]));
if (entry === fileURLToPath(import.meta.url)) {
    process.exitCode = main(process.argv.slice(2));
}
