#!/usr/bin/env node
// Gate: Lightning Flow Scanner (@flow-scanner/lightning-flow-scanner-core) over every flow, zero results.
// Every rule the scanner has runs (its beta rules too), at severity error, with the overrides and the
// exceptions of the committed configuration config/flow-scanner.json:
//   { "betaMode": true,
//     "rules": { "<Rule>": { "expression": "..." } },
//     "exceptions": { "<FlowName>": { "<Rule>": { "<element name, or *>": "<why this result is safe>" } } } }
// The scanner's own exceptions are plain name lists; here each one maps to its reason, and an exception
// without a reason, or naming a rule the scanner does not have, is a finding.
//   node scripts/gates/flows.mjs [paths...]   (default: force-app)   --config <file> (default: config/flow-scanner.json)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import scanner from '@flow-scanner/lightning-flow-scanner-core';
import { collectFiles, fail, finish, option, rel, requireExisting, targets } from './lib/common.mjs';

const GATE = 'flows';

/**
 * Scans every flow under the given paths with the configuration in configFile. The gate tests call it in
 * their own process (the scanner loaded once for every case).
 * @returns {{ count: number, findings: string[], error?: string }} the flows scanned and one line per
 *   finding, or why the gate cannot run (no flows, a configuration that is not JSON)
 */
export async function checkFlows(paths, configFile) {
    const files = collectFiles(paths, (f) => f.endsWith('.flow-meta.xml'));
    if (files.length === 0) {
        return { count: 0, findings: [], error: `no .flow-meta.xml files under ${paths.map(rel).join(', ')}` };
    }

    const findings = [];
    let config;
    try {
        config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
    } catch (error) {
        return { count: files.length, findings, error: `${rel(configFile)}: not valid JSON: ${error.message}` };
    }
    for (const key of Object.keys(config)) {
        if (!['betaMode', 'rules', 'exceptions'].includes(key)) {
            findings.push(`${rel(configFile)}: unknown key "${key}" (betaMode, rules, exceptions)`);
        }
    }
    const betaMode = config.betaMode === true;
    const known = new Set(scanner.getRules(undefined, { betaMode }).map((rule) => rule.name));
    const rules = Object.fromEntries([...known].map((name) => [name, { severity: 'error' }]));
    for (const [name, override] of Object.entries(config.rules ?? {})) {
        if (!known.has(name)) {
            findings.push(`${rel(configFile)}: rules.${name}: no such Lightning Flow Scanner rule`);
            continue;
        }
        rules[name] = { ...override, severity: 'error' };
    }
    const exceptions = {};
    for (const [flowName, byRule] of Object.entries(config.exceptions ?? {})) {
        for (const [ruleName, byResult] of Object.entries(byRule)) {
            const where = `${rel(configFile)}: exceptions.${flowName}.${ruleName}`;
            if (!known.has(ruleName)) {
                findings.push(`${where}: no such Lightning Flow Scanner rule`);
                continue;
            }
            if (typeof byResult !== 'object' || byResult === null || Array.isArray(byResult)) {
                findings.push(`${where}: must map each excepted result to its reason, e.g. { "Element_Name": "why" }`);
                continue;
            }
            for (const [result, reason] of Object.entries(byResult)) {
                if (typeof reason !== 'string' || !/\w{3}/.test(reason)) {
                    findings.push(`${where}.${result}: an exception without a reason; say why this result is safe`);
                }
            }
            exceptions[flowName] = { ...exceptions[flowName], [ruleName]: Object.keys(byResult) };
        }
    }

    const parsed = await scanner.parse(files);
    for (const flow of parsed) {
        if (flow.errorMessage) {
            findings.push(`${rel(flow.uri)}: the scanner could not parse it: ${flow.errorMessage}`);
        }
    }
    for (const result of scanner.scan(parsed, { betaMode, rules, exceptions })) {
        const file = rel(result.flow.fsPath ?? result.flow.uri ?? result.flow.name);
        for (const ruleResult of result.ruleResults) {
            if (ruleResult.errorMessage) {
                findings.push(`${file}: rule ${ruleResult.ruleName} could not run: ${ruleResult.errorMessage}`);
            }
            if (!ruleResult.occurs) {
                continue;
            }
            const summary = ruleResult.ruleDefinition?.label ?? ruleResult.ruleName;
            for (const detail of ruleResult.details) {
                findings.push(
                    `${file}:${detail.lineNumber ?? 0} ${ruleResult.ruleName}: ${detail.name} (${detail.type}): ${summary}`
                );
            }
        }
    }

    return { count: files.length, findings };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const [configFile] = requireExisting(GATE, [option('config', 'config/flow-scanner.json')]);
    const paths = targets(GATE, ['force-app'], ['--config']);
    const { count, findings, error } = await checkFlows(paths, configFile);
    if (error) {
        fail(GATE, error);
    }
    finish(GATE, count, findings);
}
