// Gate: each numeric setting's validation rule allows exactly the range WhatsAppOtpPolicy enforces.
//   node scripts/gates/run.mjs setting-bounds [validation-rules-dir] [policy.cls]
//
// A range is written twice on purpose: the validation rule refuses a bad value when the admin saves the settings
// record, and WhatsAppOtpPolicy refuses one that got past it (SETTINGS_INVALID). The Policy is the source; this gate
// checks the copy. A Bound named `codeLength` belongs to the field Code_Length__c (case and underscores aside), and its
// rule `<Field>_Range` must hold `Field < min`, `Field > max` and the same two numbers in its error message.
import fs from 'node:fs';
import { parseBounds } from './lib/contracts.mjs';
import { collectFiles, fail, parseArgs, rel } from './lib/common.mjs';

const key = (name) => name.replace(/__c$/, '').replace(/_/g, '').toLowerCase();
const decode = (xml) => xml.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
// A number as a person writes it, thousands separators allowed (1,000,000), and not the comma after it.
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)`;
const number = (text) => Number(text.replace(/,/g, ''));
const elementText = (xml, name) => decode(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml)?.[1] ?? '');

export function check(args) {
    const [rulesDir, policyFile] = parseArgs(args, {
        paths: [
            'force-app/core/objects/WhatsApp_OTP_Setting__mdt/validationRules',
            'force-app/core/classes/otp/WhatsAppOtpPolicy.cls'
        ]
    }).paths;
    const bounds = new Map([...parseBounds(fs.readFileSync(policyFile, 'utf8'))].map(([name, b]) => [key(name), b]));
    if (bounds.size === 0) {
        fail(`${rel(policyFile)}: no \`new Bound('name', default, min, max)\` found`);
    }
    const files = collectFiles([rulesDir], (f) => f.endsWith('.validationRule-meta.xml'));
    const findings = [];
    const ruled = new Set();
    for (const file of files) {
        const xml = fs.readFileSync(file, 'utf8');
        const field = elementText(xml, 'errorDisplayField');
        const bound = bounds.get(key(field));
        if (!bound) {
            findings.push(`${rel(file)}: ${field || 'its field'} has no Bound in ${rel(policyFile)}`);
            continue;
        }
        ruled.add(key(field));
        const formula = elementText(xml, 'errorConditionFormula');
        const below = new RegExp(`${field}\\s*<\\s*${NUMBER}`).exec(formula);
        const above = new RegExp(`${field}\\s*>\\s*${NUMBER}`).exec(formula);
        const range = `${bound.min} to ${bound.max}`;
        if (!below || !above || number(below[1]) !== bound.min || number(above[1]) !== bound.max) {
            findings.push(
                `${rel(file)}: the formula allows ${below?.[1] ?? '?'} to ${above?.[1] ?? '?'}, WhatsAppOtpPolicy ${range}`
            );
        }
        const message = new RegExp(`from ${NUMBER} to ${NUMBER}`).exec(elementText(xml, 'errorMessage'));
        if (!message || number(message[1]) !== bound.min || number(message[2]) !== bound.max) {
            findings.push(`${rel(file)}: the error message does not say "from ${range}"`);
        }
    }
    findings.push(
        ...[...bounds.keys()]
            .filter((name) => !ruled.has(name))
            .map((name) => `${rel(rulesDir)}: no validation rule for the Bound ${name} of ${rel(policyFile)}`)
    );
    return { count: files.length, findings };
}
