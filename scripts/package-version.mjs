#!/usr/bin/env node
// `npm run package:version -- --target-dev-hub <alias>`: unlocked package versions of the packages that
// sfdx-project.json declares (connection, then core, then receipts: each depends on the ones before it), with the
// project's sf. Run by a maintainer with a Dev Hub, and by the "Package versions" workflow.
//   --create     first run only: `sf package create` for each package that has no packageAliases entry (sf
//                writes the 0Ho alias into sfdx-project.json; the maintainer commits it). Never in a workflow.
//   --promote    promote each version this run creates (only a promoted version installs in production; an
//                unpromoted one installs only in scratch orgs and sandboxes: "Code Coverage for Unlocked
//                Packages", developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_unlocked_pkg_code_coverage.htm)
//   --dry-run    print every command and run none
//   --check-aliases  say which packages lack an alias and write ready=true|false to $GITHUB_OUTPUT
// Versions are created with --code-coverage (promotion needs 75 %, computed only then) and
// --installation-key-bypass: the source is public, so an installation key would protect nothing.
// Without packageAliases for every package (and without --create) it changes nothing and says so.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sf as runSf, StepError } from './org-setup/sf.mjs';

/** The packages of sfdx-project.json in file order: [{ name, path, description, alias }]. */
export function packagesOf(project) {
    return (project.packageDirectories ?? [])
        .filter((d) => d.package)
        .map((d) => ({
            name: d.package,
            path: d.path,
            description: d.versionDescription ?? '',
            alias: project.packageAliases?.[d.package]
        }));
}

export function parseArgs(argv) {
    const options = { create: false, promote: false, dryRun: false, checkAliases: false, wait: '120' };
    const flags = {
        '--create': 'create',
        '--promote': 'promote',
        '--dry-run': 'dryRun',
        '--check-aliases': 'checkAliases'
    };
    for (let i = 0; i < argv.length; i++) {
        if (flags[argv[i]]) {
            options[flags[argv[i]]] = true;
        } else if (argv[i] === '--target-dev-hub' || argv[i] === '-v') {
            options.devHub = argv[++i];
        } else if (argv[i] === '--wait') {
            options.wait = argv[++i];
        } else {
            throw new StepError(`unknown argument ${argv[i]}`, 'see the header of scripts/package-version.mjs');
        }
    }
    if (!options.devHub && !options.checkAliases && !options.dryRun) {
        throw new StepError(
            '--target-dev-hub is required',
            'pass the alias of your Dev Hub (npx sf org login web --set-default-dev-hub --alias devhub)'
        );
    }
    return options;
}

const command = {
    create: (p, hub) => [
        'package',
        'create',
        '--name',
        p.name,
        '--package-type',
        'Unlocked',
        '--path',
        p.path,
        '--no-namespace',
        '--description',
        p.description,
        '--target-dev-hub',
        hub
    ],
    version: (p, hub, wait) => [
        'package',
        'version',
        'create',
        '--package',
        p.name,
        '--code-coverage',
        '--installation-key-bypass',
        '--wait',
        wait,
        '--target-dev-hub',
        hub
    ],
    promote: (id, hub) => ['package', 'version', 'promote', '--package', id, '--no-prompt', '--target-dev-hub', hub]
};

/**
 * Runs package:version with `argv`; io = { cwd, stdout, env, spawn } (each optional). Returns the exit code.
 */
export function main(argv, io = {}) {
    const cwd = io.cwd ?? process.cwd();
    const env = io.env ?? process.env;
    const out = io.stdout ?? process.stdout;
    const say = (text) => out.write(`${text}\n`);
    let options;
    try {
        options = parseArgs(argv);
    } catch (error) {
        say(`package:version: ${error.message}\n  fix: ${error.fix}`);
        return 2;
    }
    const project = JSON.parse(fs.readFileSync(path.join(cwd, 'sfdx-project.json'), 'utf8'));
    const packages = packagesOf(project);
    const missing = packages.filter((p) => !p.alias).map((p) => p.name);
    if (options.checkAliases) {
        const ready = packages.length > 0 && missing.length === 0;
        say(
            ready
                ? `package:version: every package has its alias (${packages.map((p) => p.name).join(', ')})`
                : `package:version: no packageAliases for ${missing.join(', ')}: a maintainer runs npm run package:version -- --target-dev-hub <alias> --create once and commits sfdx-project.json`
        );
        if (env.GITHUB_OUTPUT) {
            fs.appendFileSync(env.GITHUB_OUTPUT, `ready=${ready}\n`);
        }
        return 0;
    }
    const hub = options.devHub ?? '<dev hub>';
    const sf = (args) => runSf(args, cwd, { env, spawn: io.spawn });
    const show = (args) => say(`  sf ${args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
    if (options.dryRun) {
        say('package:version --dry-run: nothing is run. The commands, in order:');
        if (options.create) {
            packages.filter((p) => !p.alias).forEach((p) => show(command.create(p, hub)));
        }
        packages.forEach((p) => show(command.version(p, hub, options.wait)));
        if (options.promote) {
            packages.forEach((p) => show(command.promote(`<04t of ${p.name}, from its version create>`, hub)));
        }
        if (missing.length && !options.create) {
            say(`(a real run skips everything: no packageAliases for ${missing.join(', ')}; see --create)`);
        }
        return 0;
    }
    try {
        if (missing.length && !options.create) {
            say(
                `package:version: skipped, nothing changed: sfdx-project.json has no packageAliases for ${missing.join(', ')}. A maintainer runs npm run package:version -- --target-dev-hub <alias> --create once and commits the aliases sf writes.`
            );
            return 0;
        }
        const must = (args, what) => {
            show(args);
            const r = sf(args);
            if (!r.ok) {
                throw new StepError(
                    `${what}: ${r.json.message ?? 'failed'}`,
                    'read the message above; rerun when fixed'
                );
            }
            return r.result ?? {};
        };
        if (options.create) {
            for (const p of packages.filter((q) => !q.alias)) {
                const r = must(command.create(p, hub), `the package ${p.name} was not created`);
                say(
                    `    created ${p.name} (${r.Id ?? 'id in sfdx-project.json'}); commit sfdx-project.json's packageAliases`
                );
            }
        }
        const created = [];
        for (const p of packages) {
            const r = must(command.version(p, hub, options.wait), `no version of ${p.name} was created`);
            const id = r.SubscriberPackageVersionId;
            say(
                `    ${p.name}: ${id} (${r.Status ?? 'status unknown'}${r.CodeCoverage == null ? '' : `, coverage ${r.CodeCoverage} %`})`
            );
            created.push({ p, id });
        }
        if (options.promote) {
            for (const { p, id } of created) {
                must(command.promote(id, hub), `${p.name} ${id} was not promoted`);
                say(`    promoted ${p.name} ${id}`);
            }
        }
        say(
            `package:version: done. Install in dependency order, each with: npx sf package install --package <04t> --target-org <alias> --wait 30 --no-prompt${options.promote ? '' : ' (unpromoted: scratch orgs and sandboxes only)'}`
        );
        return 0;
    } catch (error) {
        if (!(error instanceof StepError)) {
            throw error;
        }
        say(`package:version: ${error.message}\n  fix: ${error.fix}`);
        return 1;
    }
}

const entry = process.argv[1] && fs.realpathSync(path.resolve(process.argv[1]));
if (entry === fileURLToPath(import.meta.url)) {
    process.exitCode = main(process.argv.slice(2));
}
