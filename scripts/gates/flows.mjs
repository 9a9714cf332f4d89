// Gate: Lightning Flow Scanner (@flow-scanner/lightning-flow-scanner-core) over every flow, zero results. Every rule
// the scanner has runs (its beta rules too), at severity error, with the overrides and exceptions of
// config/flow-scanner.json:
//   { "betaMode": true, "rules": { "<Rule>": { "expression": "..." } },
//     "exceptions": { "<FlowName>": { "<Rule>": { "<element name, or *>": "<why this result is safe>" } } } }
// The scanner's own exceptions are plain name lists; here each maps to its reason, and an exception without a
// reason, or naming a rule the scanner does not have, is a finding.
//   node scripts/gates/run.mjs flows [paths...]   (default: force-app)   --config <file> (default: config/flow-scanner.json)
import fs from 'node:fs';
import scanner from '@flow-scanner/lightning-flow-scanner-core';
import { fail, parseArgs, rel, requireFiles } from './lib/common.mjs';

export async function check(args) {
    const { paths, config: configFile } = parseArgs(args, { paths: ['force-app'], config: 'config/flow-scanner.json' });
    const files = requireFiles(paths, (f) => f.endsWith('.flow-meta.xml'), '.flow-meta.xml');
    let config;
    try {
        config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
    } catch (error) {
        fail(`${rel(configFile)}: not valid JSON: ${error.message}`);
    }
    const { findings, rules, exceptions, betaMode } = readConfig(config, configFile);
    const parsed = await scanner.parse(files);
    for (const flow of parsed.filter((f) => f.errorMessage)) {
        findings.push(`${rel(flow.uri)}: the scanner could not parse it: ${flow.errorMessage}`);
    }
    for (const result of scanner.scan(parsed, { betaMode, rules, exceptions })) {
        const file = rel(result.flow.fsPath ?? result.flow.uri ?? result.flow.name);
        for (const { ruleName, errorMessage, occurs, ruleDefinition, details } of result.ruleResults) {
            if (errorMessage) {
                findings.push(`${file}: rule ${ruleName} could not run: ${errorMessage}`);
            }
            for (const detail of occurs ? details : []) {
                const summary = ruleDefinition?.label ?? ruleName;
                findings.push(
                    `${file}:${detail.lineNumber ?? 0} ${ruleName}: ${detail.name} (${detail.type}): ${summary}`
                );
            }
        }
    }
    return { count: files.length, findings };
}

/** The scanner's rules and exceptions from config/flow-scanner.json, and the config's own findings. */
function readConfig(config, configFile) {
    const findings = Object.keys(config)
        .filter((key) => !['betaMode', 'rules', 'exceptions'].includes(key))
        .map((key) => `${rel(configFile)}: unknown key "${key}" (betaMode, rules, exceptions)`);
    const betaMode = config.betaMode === true;
    const known = new Set(scanner.getRules(undefined, { betaMode }).map((rule) => rule.name));
    const rules = Object.fromEntries([...known].map((name) => [name, { severity: 'error' }]));
    for (const [name, override] of Object.entries(config.rules ?? {})) {
        if (known.has(name)) {
            rules[name] = { ...override, severity: 'error' };
        } else {
            findings.push(`${rel(configFile)}: rules.${name}: no such Lightning Flow Scanner rule`);
        }
    }
    const exceptions = {};
    for (const [flowName, byRule] of Object.entries(config.exceptions ?? {})) {
        for (const [ruleName, byResult] of Object.entries(byRule)) {
            const where = `${rel(configFile)}: exceptions.${flowName}.${ruleName}`;
            if (!known.has(ruleName)) {
                findings.push(`${where}: no such Lightning Flow Scanner rule`);
            } else if (typeof byResult !== 'object' || byResult === null || Array.isArray(byResult)) {
                findings.push(`${where}: must map each excepted result to its reason, e.g. { "Element_Name": "why" }`);
            } else {
                for (const [result, reason] of Object.entries(byResult)) {
                    if (typeof reason !== 'string' || !/\w{3}/.test(reason)) {
                        findings.push(`${where}.${result}: an exception without a reason; say why this result is safe`);
                    }
                }
                exceptions[flowName] = { ...exceptions[flowName], [ruleName]: Object.keys(byResult) };
            }
        }
    }
    return { findings, rules, exceptions, betaMode };
}
