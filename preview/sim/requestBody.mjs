// The body CPaasMessagingGateway sends 8x8: the checked-in fixture (the spec gate validates it) with this send's
// number, code, clientMessageId and, with the SMS fallback, the second fixture's SMS fields.
import fs from 'node:fs';
import path from 'node:path';
import { label } from './labels.mjs';
import { corePackage } from './paths.mjs';
import { SETTINGS } from './scenario.mjs';

const fixture = (name) =>
    JSON.parse(
        fs.readFileSync(path.join(corePackage, 'staticresources', `WhatsAppOtpSendMessage${name}.json`), 'utf8')
    );

/** The body the gateway sends: the fixture with the number, the code and (when given) the clientMessageId. */
export function buildRequestBody(msisdn, code, { clientMessageId, language, from = fixture('Fixture') } = {}) {
    const body = structuredClone(from);
    if (clientMessageId) {
        body.clientMessageId = clientMessageId;
    }
    body.user.msisdn = msisdn;
    body.content.template.name = SETTINGS.templateName;
    body.content.template.language = language ?? SETTINGS.templateLanguage;
    for (const parameter of body.content.template.components.flatMap((component) => component.parameters)) {
        if (parameter.type === 'text') {
            parameter.text = code;
        }
    }
    return body;
}

/** The gateway's fallback body: the second fixture with this send's SMS text, fallback delay and expiry. */
export function buildFallbackRequestBody(msisdn, code, { clientMessageId, language, settings, at }) {
    const body = buildRequestBody(msisdn, code, { clientMessageId, language, from: fixture('FallbackFixture') });
    body.content.fallbackText = label('WhatsAppOtp_SMS_Body', code);
    body.channels[0].fallbackAfter = settings.fallbackDelaySeconds;
    body.expiry = new Date(at + settings.codeTtlMinutes * 60000).toISOString();
    return body;
}
