// The metadata org:setup reads and writes: the registration's stored operation names, and the two per-org
// values (the Named Credential's URL and the WhatsApp_OTP_Setting.Default record), which it deploys as a small
// Metadata API package (package.xml + <folder>/<member>.<suffix>; a source-format *-meta.xml file is the same
// XML as its Metadata API file).
import fs from 'node:fs';
import path from 'node:path';

export const REGISTRATION =
    'force-app/connection/externalServiceRegistrations/CPaasMessagingApps.externalServiceRegistration-meta.xml';
export const NAMED_CREDENTIAL = 'force-app/connection/namedCredentials/X8x8_Messaging_API.namedCredential-meta.xml';
/** Shipped outside force-app, so a plain `sf project deploy start` never resets the org's values. */
export const SETTINGS_RECORD = 'config/per-org/customMetadata/WhatsApp_OTP_Setting.Default.md-meta.xml';

/** The four 8x8 regions, as the spec's `servers` list them. */
export const REGIONS = {
    apac: 'https://chatapps.8x8.com',
    us: 'https://chatapps.us.8x8.com',
    eu: 'https://chatapps.8x8.uk',
    id: 'https://chatapps.8x8.id'
};

/** The <operations><name> values of a registration, in file order. */
export function operationNames(xml) {
    return [...xml.matchAll(/<operations>[\s\S]*?<name>([^<]*)<\/name>[\s\S]*?<\/operations>/g)].map((m) => m[1]);
}

/**
 * The registration with its operation names replaced by the org's: each source name by the org name that
 * matches it without case, the rest in order.
 */
export function withOperationNames(xml, orgNames) {
    const remaining = [...orgNames];
    const take = (name) => {
        const i = remaining.findIndex((n) => n.toLowerCase() === name.toLowerCase());
        return remaining.splice(i >= 0 ? i : 0, 1)[0] ?? name;
    };
    return xml.replace(
        /(<operations>[\s\S]*?<name>)([^<]*)(<\/name>)/g,
        (_, open, name, close) => `${open}${take(name)}${close}`
    );
}

/**
 * The registration without its <operations> (and the comment about them): as Salesforce's own generator writes
 * a registration (forcedotcom/salesforcedx-vscode, apexActionController.ts), so the org stores the names it
 * generates itself.
 */
export function withoutOperations(xml) {
    return xml
        .replace(/\n?[ \t]*<!--(?:(?!-->)[\s\S])*?operation names[\s\S]*?-->/, '')
        .replace(/\n?[ \t]*<operations>[\s\S]*?<\/operations>/g, '');
}

/** The folders of force-app/connection and their Metadata API types (each file's XML is its MDAPI file). */
export const CONNECTION_TYPES = {
    externalCredentials: { type: 'ExternalCredential', suffix: 'externalCredential' },
    namedCredentials: { type: 'NamedCredential', suffix: 'namedCredential' },
    externalServiceRegistrations: { type: 'ExternalServiceRegistration', suffix: 'externalServiceRegistration' },
    permissionsets: { type: 'PermissionSet', suffix: 'permissionset' }
};

/** The members of force-app/connection for writePackage, with `edit(type, xml)` applied to each file. */
export function connectionMembers(root, dir, edit = (_, xml) => xml) {
    return Object.entries(CONNECTION_TYPES).flatMap(([folder, { type, suffix }]) =>
        findFiles(path.join(root, dir, folder), `.${suffix}-meta.xml`).map((file) => ({
            type,
            folder,
            name: path.basename(file, `.${suffix}-meta.xml`),
            suffix,
            xml: edit(type, fs.readFileSync(file, 'utf8'))
        }))
    );
}

/** The Named Credential XML with its Url parameter set to `url`. */
export function withUrl(xml, url) {
    const next = xml.replace(
        /(<parameterName>Url<\/parameterName>\s*<parameterType>Url<\/parameterType>\s*<parameterValue>)[^<]*(<\/parameterValue>)/,
        (_, open, close) => `${open}${url}${close}`
    );
    if (next === xml && !xml.includes(`<parameterValue>${url}</parameterValue>`)) {
        throw new Error('the Named Credential has no Url parameter to set');
    }
    return next;
}

const XML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** The custom metadata record XML with `field` set to a string value (or left alone when value is undefined). */
export function withFieldValue(xml, field, value) {
    if (value === undefined) {
        return xml;
    }
    const pattern = new RegExp(`(<values>\\s*<field>${field}</field>\\s*)<value[^>]*?(?:/>|>[\\s\\S]*?</value>)`);
    const escaped = String(value).replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
    if (!pattern.test(xml)) {
        // An org's record from before a field existed has no value for it: add one.
        if (!xml.includes('</CustomMetadata>')) {
            throw new Error(`the settings record has no ${field} value`);
        }
        return xml.replace(
            '</CustomMetadata>',
            `    <values>\n        <field>${field}</field>\n        <value xsi:type="xsd:string">${escaped}</value>\n    </values>\n</CustomMetadata>`
        );
    }
    return xml.replace(pattern, (_, open) => `${open}<value xsi:type="xsd:string">${escaped}</value>`);
}

/**
 * Writes a Metadata API package: `members` is [{ type, folder, name, suffix, xml }].
 * @returns {string} the package directory
 */
export function writePackage(dir, members, apiVersion) {
    fs.rmSync(dir, { recursive: true, force: true });
    const byType = new Map();
    for (const m of members) {
        fs.mkdirSync(path.join(dir, m.folder), { recursive: true });
        fs.writeFileSync(path.join(dir, m.folder, `${m.name}.${m.suffix}`), m.xml);
        byType.set(m.type, [...(byType.get(m.type) ?? []), m.name]);
    }
    const types = [...byType]
        .map(
            ([type, names]) =>
                `    <types>\n${names.map((n) => `        <members>${n}</members>\n`).join('')}        <name>${type}</name>\n    </types>\n`
        )
        .join('');
    fs.writeFileSync(
        path.join(dir, 'package.xml'),
        `<?xml version="1.0" encoding="UTF-8"?>\n<Package xmlns="http://soap.sforce.com/2006/04/metadata">\n${types}    <version>${apiVersion}</version>\n</Package>\n`
    );
    return dir;
}

/** Every file under `dir` whose name ends with `suffix`. */
export function findFiles(dir, suffix) {
    if (!fs.existsSync(dir)) {
        return [];
    }
    return fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith(suffix))
        .map((e) => path.join(e.parentPath ?? e.path, e.name));
}
