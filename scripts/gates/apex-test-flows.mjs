// Gate: no core Apex test starts a flow. Flows deploy inactive to production unless the org's "Deploy processes
// and flows as active" setting is on (Salesforce Help, "Deploy Processes and Flows as Active"), and that deploy
// runs the tests before anyone can activate them, so a test that starts a flow fails the deploy. Flow tests belong
// in force-app/samples, where they check FlowDefinitionView.IsActive first (WhatsAppOtpTestData.flowIsActive).
//   node scripts/gates/run.mjs apex-test-flows [paths...]   (default: force-app/core)
// A finding is any reference to Flow.Interview in a class annotated @IsTest: Flow.Interview.createInterview(...),
// a static Flow.Interview.<Name> call, or new Flow.Interview.<Name>(...) (a call, variable or type named
// Flow.Interview...). Each is named file:line; a syntax error fails the gate (it cannot judge a file it cannot parse).
import { collectFiles, parseArgs, rel } from './lib/common.mjs';
import { findAll, nameOf, parseClasses, parseTopLevelClass } from './lib/apex-tree.mjs';
import fs from 'node:fs';

const FLOW_INTERVIEW = /^flow\.interview(\.|$)/i;

export function check(args) {
    const files = collectFiles(parseArgs(args, { paths: ['force-app/core'] }).paths, (f) => f.endsWith('.cls'));
    // Only a file that names an interview can start one: the others need no parse.
    const parsed = files.filter((file) => /interview/i.test(fs.readFileSync(file, 'utf8')));
    parseClasses(parsed);
    const findings = parsed.flatMap((file) => findingsOf(file, parseTopLevelClass(file)));
    return { count: files.length, findings };
}

function findingsOf(file, top) {
    if (!top?.annotations.includes('istest')) {
        return [];
    }
    // One finding per line, naming the longest reference on it (the call rather than the variable's type).
    const byLine = new Map();
    for (const node of findAll(top.node, ['MethodCallExpr', 'VariableExpr', 'ClassTypeRef'])) {
        const [reference, line] = [nameOf(node), node.names[0]?.loc.line];
        if (FLOW_INTERVIEW.test(reference) && reference.length > (byLine.get(line)?.length ?? 0)) {
            byLine.set(line, reference);
        }
    }
    return [...byLine]
        .sort((a, b) => a[0] - b[0])
        .map(
            ([line, reference]) =>
                `${rel(file)}:${line} test class ${top.name} starts a flow (${reference}): ` +
                'a production deploy may run it before the flow is active'
        );
}
