// The metadata org:setup writes: the two per-org values (the Named Credential's URL and the WhatsApp_OTP_Setting.Default record), which it deploys as a small Metadata
// API package (package.xml + <folder>/<member>.<suffix>; a source-format *-meta.xml file holds the same XML as its
// Metadata API file).
import fs from 'node:fs';
import path from 'node:path';

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

/** The Named Credential XML with its Url parameter set to `url`. */
export function withUrl(xml, url) {
    const pattern =
        /(<parameterName>Url<\/parameterName>\s*<parameterType>Url<\/parameterType>\s*<parameterValue>)[^<]*/;
    if (!pattern.test(xml)) {
        throw new Error('the Named Credential has no Url parameter to set');
    }
    return xml.replace(pattern, `$1${url}`);
}

const XML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * The custom metadata record XML with `field` set to a string or boolean value (unchanged when value is undefined);
 * a checkbox's value is typed xsd:boolean (Metadata API, CustomMetadata, its sample record:
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_custommetadata.htm).
 */
export function withFieldValue(xml, field, value) {
    if (value === undefined) {
        return xml;
    }
    const escaped = String(value).replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
    const element = `<value xsi:type="xsd:${typeof value === 'boolean' ? 'boolean' : 'string'}">${escaped}</value>`;
    const pattern = new RegExp(`(<values>\\s*<field>${field}</field>\\s*)<value[^>]*?(?:/>|>[\\s\\S]*?</value>)`);
    // An org's record from before a field existed has no value for it: add one.
    return pattern.test(xml)
        ? xml.replace(pattern, (_, open) => `${open}${element}`)
        : xml.replace(
              '</CustomMetadata>',
              `    <values>\n        <field>${field}</field>\n        ${element}\n    </values>\n</CustomMetadata>`
          );
}

/** Writes a Metadata API package of `members` ([type, folder, name, suffix, xml]) into `dir`; returns dir. */
export function writePackage(dir, members, apiVersion) {
    fs.rmSync(dir, { recursive: true, force: true });
    const byType = new Map();
    for (const [type, folder, name, suffix, xml] of members) {
        fs.mkdirSync(path.join(dir, folder), { recursive: true });
        fs.writeFileSync(path.join(dir, folder, `${name}.${suffix}`), xml);
        byType.set(type, [...(byType.get(type) ?? []), name]);
    }
    const types = [...byType].map(([type, names]) => typesXml(type, names)).join('');
    const xml = `<Package xmlns="http://soap.sforce.com/2006/04/metadata">\n${types}    <version>${apiVersion}</version>\n</Package>\n`;
    fs.writeFileSync(path.join(dir, 'package.xml'), `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`);
    return dir;
}

/** A package.xml (or destructiveChanges.xml) <types> element naming `members` of `type`. */
export const typesXml = (type, members) =>
    `    <types>\n${members.map((n) => `        <members>${n}</members>\n`).join('')}        <name>${type}</name>\n    </types>\n`;
