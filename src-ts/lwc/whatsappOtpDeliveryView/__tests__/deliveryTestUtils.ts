// Shared by the delivery-status tests: the fields before any receipt, and label texts from the real file.
import fs from 'node:fs';
import path from 'node:path';
import type { DeliveryFields } from 'c/whatsappOtpDeliveryView';

export const NO_RECEIPT: DeliveryFields = {
    channel: null,
    whatsappStatus: null,
    smsStatus: null,
    deliveredAt: null,
    readAt: null,
    deliveryErrorCode: null,
    deliveryErrorDetail: null,
    fallbackEnabled: false
};

const xml = fs.readFileSync(
    path.join(__dirname, '../../../../force-app/core/labels/CustomLabels.labels-meta.xml'),
    'utf8'
);

function decoded(value: string): string {
    return value
        .replace(/&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
}

/** The value of Custom Label `name`, with {0}… filled in, read from the file that deploys. */
export function labelText(name: string, ...args: string[]): string {
    const match = xml.match(new RegExp(`<fullName>${name}</fullName>[\\s\\S]*?<value>([^<]*)</value>`));
    if (!match) {
        throw new Error(`no Custom Label ${name}`);
    }
    return decoded(match[1]).replace(/\{(\d+)\}/g, (whole, index: string) => args[Number(index)] ?? whole);
}

/** The API names of every Custom Label of the package. */
export function labelNames(): string[] {
    return [...xml.matchAll(/<fullName>([^<]*)<\/fullName>/g)].map(([, name]) => name);
}

/** Every Custom Label value of the package, as an agent reads it (placeholders left in). */
export function labelValues(): string[] {
    return [...xml.matchAll(/<value>([^<]*)<\/value>/g)].map(([, value]) => decoded(value.trim()));
}
