// Gate: the core deploys and compiles in every org, so no core file names an object or field that only some orgs
// have. Apex that names a missing object or field fails to compile, and metadata that names one fails to deploy;
// a string (dynamic SOQL, a describe by name, an LWC optionalFields entry) is only read at run time, so it may.
//   node scripts/gates/run.mjs edition-dependency [paths...]   (default: CORE)
// Checked: every identifier of Apex outside strings and comments (types, Schema.X, X.SObjectType, static SOQL),
// the Apex parse tree (lib/apex-tree.mjs), with the names a class declares as its own variables left out; every
// `from '@salesforce/schema/...'` import of TypeScript and JavaScript; every element text of metadata XML
// (js-meta <object>, report type, list view, layout, flow and permission set field references), a flow's
// <stringValue> aside. Tests under __tests__ never deploy and are not read.
// The names, and why each depends on the org (pages under developer.salesforce.com/docs):
//  - VoiceCall, "a call in Salesforce Voice, Sales Dialer, or other supported voice connectors"
//    (atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_voicecall.htm);
//  - MessagingSession and MessagingEndUser, the Messaging channels' objects (same reference,
//    sforce_api_objects_messagingsession.htm and sforce_api_objects_messagingenduser.htm);
//  - EngagementAttendee, an Industries object (industries/industries-common-dev/guide/
//    sforce-api-objects-engagementattendee.html; Manufacturing Cloud's copy needs that cloud's licence);
//  - ContactPointTypeConsent, "available if Data Protection and Privacy is enabled"
//    (sforce_api_objects_contactpointtypeconsent.htm), and DataUsePurpose, the purpose it names, of the same model;
//  - IsPersonAccount and the Person* fields of Account (sforce_api_objects_account.htm), there only where Person
//    Accounts are enabled, and the __pc fields a Contact's custom fields become on a Person Account
//    (platform/change-data-capture/guide/cdc-standard-objects-person-account-create.html).
import fs from 'node:fs';
import path from 'node:path';
import { blankComments, collectFiles, lineAt, parseArgs, rel } from './lib/common.mjs';
import { declarations, findAll, kind, parseClasses, parseTopLevelClass } from './lib/apex-tree.mjs';

const CORE = ['force-app/connection', 'force-app/core', 'force-app/receipts', 'src-ts'];
// Where edition-dependent code belongs (the console wrappers, deployed only where the org has the objects), and
// force-app/core/lwc, which the build writes from src-ts (read there).
const NOT_CORE = ['force-app/console', 'src-ts/console', 'force-app/core/lwc'];
const OBJECTS =
    /^(VoiceCall|MessagingSession|MessagingEndUser|EngagementAttendee|ContactPointTypeConsent|DataUsePurpose)$/i;
const PERSON_FIELDS =
    /^(IsPersonAccount|Person(ContactId|IndividualId|MobilePhone|HomePhone|OtherPhone|Email|HasOptedOutOfEmail|DoNotCall)|\w+__pc)$/i;
const editionDependent = (name) => OBJECTS.test(name) || PERSON_FIELDS.test(name);

export function check(args) {
    const { paths } = parseArgs(args, { paths: CORE });
    const files = collectFiles(
        paths,
        (f) => /\.(cls|trigger|ts|js|xml)$/.test(f) && !f.includes(`${path.sep}__tests__${path.sep}`) && !notCore(f)
    );
    // A file that spells no such name anywhere names none: it needs no parse.
    const spelt = files.filter((file) => (fs.readFileSync(file, 'utf8').match(/\w+/g) ?? []).some(editionDependent));
    parseClasses(spelt.filter((file) => file.endsWith('.cls')));
    return { count: files.length, findings: spelt.flatMap(findingsOf) };
}

const notCore = (file) => NOT_CORE.some((dir) => `${rel(file)}/`.startsWith(`${dir}/`));

function findingsOf(file) {
    const text = fs.readFileSync(file, 'utf8');
    return namesIn(file, text)
        .filter(({ name }) => name.split(/[.$]/).some(editionDependent))
        .map(
            ({ line, name, where }) =>
                `${rel(file)}:${line} names ${name} in ${where}, which not every org has: ` +
                `reach it dynamically, or move it to ${NOT_CORE.slice(0, 2).join(' or ')}`
        );
}

/** The names a file uses where the platform resolves them on deploy or compile: [{ line, name, where }]. */
function namesIn(file, text) {
    const found = (pattern, where, source = text) =>
        [...source.matchAll(pattern)].map((m) => ({ line: lineAt(text, m.index), name: m.at(-1), where: where(m) }));
    if (file.endsWith('.cls')) {
        return apexNames(file);
    }
    if (file.endsWith('.trigger')) {
        // The parse tree reads classes; a trigger's words outside strings and comments.
        return found(/\w+/g, () => 'a trigger', blankComments(text, { keepStrings: false }));
    }
    if (file.endsWith('.xml')) {
        // A flow's <stringValue> and a picklist's values are strings, read at run time; blanking keeps the lines.
        const values = text.replace(/<valueSetDefinition>[\s\S]*?<\/valueSetDefinition>/g, (m) =>
            m.replace(/[^\n]/g, ' ')
        );
        return found(/<(?!stringValue>)(\w+)>([\w.$]+)<\/\1>/g, (m) => `<${m[1]}>`, values);
    }
    return found(
        /\bfrom\s*['"]@salesforce\/schema\/([\w.]+)['"]/g,
        () => 'a @salesforce/schema import',
        blankComments(text)
    );
}

/**
 * The identifiers of a class (a string literal is none), its own variables aside: where a class declares a variable
 * (field, local, parameter) named like an object, Apex resolves the name, declared or used, as that variable.
 */
function apexNames(file) {
    const top = parseTopLevelClass(file);
    const declared = declarations(top?.node).map(({ id }) => id);
    const own = new Set(declared.map((id) => id.value.toLowerCase()));
    const uses = findAll(top?.node, ['VariableExpr', 'MethodCallExpr']).map((e) => e.names[0]);
    const variables = new Set([...declared, ...uses].filter((id) => own.has(id?.value.toLowerCase())));
    const names = [];
    const visit = (node, query) => {
        if (kind(node) === 'LocationIdentifier' && !variables.has(node)) {
            names.push({ line: node.loc.line, name: node.value, where: query ? 'static SOQL' : 'Apex' });
        }
        Object.values(node ?? {}).forEach(
            (value) => value && typeof value === 'object' && visit(value, query || kind(value) === 'SoqlExpr')
        );
    };
    visit(top?.node, false);
    return names;
}
