// Gate: only the delivery job calls 8x8. Every send path reserves under locks and queues WhatsAppOtpDeliveryJob, which
// calls out after the reservation has committed; a callout anywhere else would either break "no callout after DML"
// or send without a reservation. So in production Apex (not @IsTest classes) only WhatsAppOtpDeliveryJob may
//   - obtain a gateway: CPaasMessagingGateway.forSettings(...) or new CPaasMessagingGateway(...);
// and only CPaasMessagingGateway itself may
//   - use the generated External Service (ExternalService.<...>), a raw Http/HttpRequest, or a callout: endpoint.
//   node scripts/gates/run.mjs gateway-callers [paths...]   (default: force-app)
// Each finding is file:line with the reference. Comments are ignored; the callout: check also looks inside strings.
import { blankComments, collectFiles, lineAt, parseArgs, rel } from './lib/common.mjs';
import fs from 'node:fs';
import path from 'node:path';

const DELIVERY_JOB = 'WhatsAppOtpDeliveryJob';
const GATEWAY = 'CPaasMessagingGateway';

const GATEWAY_USE = /\bnew\s+CPaasMessagingGateway\s*\(|\bCPaasMessagingGateway\s*\.\s*forSettings\s*\(/gi;
const CALLOUT_USE = /\bExternalService\s*\.\s*\w+|\bnew\s+Http\s*\(|\bHttpRequest\b/gi;
const CALLOUT_ENDPOINT = /'callout:[^']*'/gi;

export function check(args) {
    const files = collectFiles(parseArgs(args, { paths: ['force-app'] }).paths, (f) => f.endsWith('.cls'));
    return { count: files.length, findings: files.flatMap(findingsOf) };
}

function findingsOf(file) {
    const findings = [];
    const className = path.basename(file, '.cls');
    const code = blankComments(fs.readFileSync(file, 'utf8'), { keepStrings: false });
    if (/@IsTest\b/i.test(code.slice(0, code.search(/\bclass\b/i) + 1))) {
        return findings;
    }
    const report = (index, text, why) =>
        findings.push(`${rel(file)}:${lineAt(code, index)} ${className} ${why} (${text.replace(/\s+/g, '')})`);
    if (className !== DELIVERY_JOB && className !== GATEWAY) {
        for (const match of code.matchAll(GATEWAY_USE)) {
            report(match.index, match[0], `obtains the 8x8 gateway: only ${DELIVERY_JOB} may`);
        }
    }
    if (className !== GATEWAY) {
        for (const match of code.matchAll(CALLOUT_USE)) {
            report(match.index, match[0], `calls out directly: only ${GATEWAY}, used by ${DELIVERY_JOB}, may`);
        }
        for (const match of blankComments(fs.readFileSync(file, 'utf8')).matchAll(CALLOUT_ENDPOINT)) {
            report(match.index, match[0], `names a callout endpoint: only ${GATEWAY} may`);
        }
    }
    return findings;
}
