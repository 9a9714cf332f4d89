// The name probe: anonymous Apex that declares every ExternalService.* type the gateway names and touches every
// member the gateway uses, generated from the same model the apex-semantic gate checks the gateway against
// (scripts/gates/lib/external-service-model.mjs). The probe never calls 8x8: its body sits in a branch that
// cannot run, so it only has to compile.
//
// An anonymous-Apex compile error names only the first name that does not exist, at a line and column
// (ExecuteAnonymousResult: compiled, compileProblem, line, column;
// developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_executeanonymous_result.htm). Each probe
// line belongs to one name; where the evidence leaves candidates (model.nameCandidates) the probe is run again
// with each other candidate, each in its own `sf apex run`, to learn what the org calls it.
import fs from 'node:fs';
import path from 'node:path';
import { generateExternalServiceModel, nameCandidates } from '../gates/lib/external-service-model.mjs';

export const SERVICE = 'CPaasMessagingApps';
export const GATEWAY = 'force-app/core/classes/gateway/CPaasMessagingGateway.cls';
export const SPEC = 'spec/cpaas-messaging-apps.openapi.json';

/** The ExternalService names and the members the gateway source uses, and its lines (for line numbers). */
export function gatewayUsage(source) {
    const code = source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/\/\/.*$/gm, '');
    const types = new Set([...code.matchAll(/ExternalService\.(\w+(?:\.\w+)?)/g)].map((m) => m[1]));
    const members = new Set([...code.matchAll(/\??\.\s*([A-Za-z]\w*)/g)].map((m) => m[1].toLowerCase()));
    return { types, members, lines: code.split('\n') };
}

/** The 1-based line of the gateway where `name` is first used as an identifier, or undefined. */
export function lineOf(usage, name) {
    const word = new RegExp(`(^|[^\\w])${name}([^\\w]|$)`, 'i');
    const index = usage.lines.findIndex((line) => word.test(line));
    return index >= 0 ? index + 1 : undefined;
}

/**
 * Builds the probe's entities from the model and the gateway: one entry per name the org must know, each with the
 * Apex lines that use it, in an order where every line only needs the names above it.
 * @returns {{ entities: object[], usage: object }}
 */
export function probePlan(root) {
    const model = generateExternalServiceModel(path.join(root, SPEC), SERVICE);
    const usage = gatewayUsage(fs.readFileSync(path.join(root, GATEWAY), 'utf8'));
    const uses = (member) => usage.members.has(member.toLowerCase());
    const q = (className) => `ExternalService.${className}`;
    const fieldType = (type) =>
        type
            .replace(/\b(\w+)\b/g, (word) => (model.objects.has(word) ? q(word) : word))
            .replace(/^ExternalService\.\w+$/, (t) =>
                usage.types.has(t.slice('ExternalService.'.length)) ? t : 'Object'
            );
    const entities = [];
    let n = 0;
    const local = (prefix) => `${prefix}${++n}`;

    // Every member of `holder` (of class `owner`) the gateway uses; through an object type the gateway never
    // names (an inline object such as status, or the error body behind Code400) one level further by chaining.
    const members = (holder, owner, fields, depth = 0) => {
        for (const [type, name, specName = name] of fields) {
            if (!uses(name)) {
                continue;
            }
            const declared = fieldType(type);
            const m = local('m');
            entities.push({
                kind: 'property',
                owner,
                specName,
                ours: name,
                candidates: nameCandidates('property', specName),
                lines: (as = name) => [`${declared} ${m} = ${holder}.${as};`]
            });
            const nested = model.objects.get(type);
            if (nested && declared === 'Object' && depth === 0) {
                members(`${holder}.${name}`, type, nested.fields, depth + 1);
            }
        }
    };

    // Object types first: each declared, then every member the gateway reads or writes.
    for (const [className, cls] of model.objects) {
        if (usage.types.has(className)) {
            const v = local('o');
            entities.push({
                kind: 'type',
                ours: className,
                candidates: [className],
                lines: () => [`${q(className)} ${v} = new ${q(className)}();`]
            });
            members(v, className, cls.fields);
        }
    }

    // Operations: the request, the call, the response and the exception, all named after the operation.
    const svc = 'service';
    entities.push({
        kind: 'type',
        ours: SERVICE,
        candidates: [SERVICE],
        lines: () => [`${q(SERVICE)} ${svc} = new ${q(SERVICE)}();`]
    });
    for (const op of model.operations) {
        if (!uses(op.opName)) {
            continue;
        }
        const [rq, rs, ex] = [local('request'), local('response'), local('failure')];
        entities.push({
            kind: 'operation',
            specName: op.operationId,
            ours: op.opName,
            candidates: nameCandidates('operation', op.operationId),
            lines: (as = op.opName) => [
                `${q(SERVICE)}.${as}_Request ${rq} = new ${q(SERVICE)}.${as}_Request();`,
                `${q(SERVICE)}.${as}_Response ${rs} = ${svc}.${as}(${rq});`,
                `${q(SERVICE)}.${as}_ResponseException ${ex} = null;`
            ]
        });
        members(rq, `${op.opName}_Request`, op.request);
        members(rs, `${op.opName}_Response`, op.response);
        members(ex, `${op.opName}_ResponseException`, op.exception);
    }
    return { entities, usage };
}

const HEADER = [
    '// GENERATED by scripts/org-setup/probe.mjs from the ExternalService model and CPaasMessagingGateway.cls.',
    '// It only has to compile: the branch below never runs, so nothing calls 8x8.',
    'Boolean probeOnly = Math.random() < 0;',
    'if (probeOnly) {'
];

/**
 * The probe's Apex text, with `names` (entity index -> name) in place of the model's, and a map from each probe
 * line (1-based) to the entity index that line belongs to.
 */
export function renderProbe(entities, names = new Map()) {
    const text = [...HEADER];
    const owner = new Map();
    entities.forEach((entity, index) => {
        for (const line of entity.lines(names.get(index) ?? entity.ours)) {
            text.push(`    ${line}`);
            owner.set(text.length, index);
        }
    });
    text.push('}');
    return { apex: `${text.join('\n')}\n`, owner };
}
