// What the simulation's Node tests share: an org on a clock the test moves, recording 8x8 bodies, inbox and ticks.
import fs from 'node:fs';
import path from 'node:path';
import { CONTACTS } from '../sim/contacts.mjs';
import { createCustomerPhone } from '../sim/customerPhone.mjs';
import { label } from '../sim/labels.mjs';
import { codeOf, createMessagingApi } from '../sim/messagingApi.mjs';
import { projectRoot } from '../sim/paths.mjs';
import { ERROR_LABELS } from '../sim/agentErrors.mjs';
import { createSimulatedOrg, scenarioSettingsFrom } from '../sim/simulatedOrg.mjs';

export const messagingApi = createMessagingApi();
export const mobileId = CONTACTS.mobile.id;
export const START = Date.parse('2026-01-01T00:00:00Z');
/** The mobile Contact's number as the org shows it. */
export const MASKED = '+65 •••• 5678';

/** A shared case table: a static resource of an sfdx package (core, receipts). */
export const readCases = (pkg, name) =>
    JSON.parse(fs.readFileSync(path.join(projectRoot, 'force-app', pkg, 'staticresources', name), 'utf8'));

/** An org whose clock stands at START until `advance(seconds)` moves it (and brings the receipts then due). */
export function orgWithClock() {
    const [inbox, ticks, sentBodies] = [[], [], []];
    const phone = createCustomerPhone();
    phone.subscribe('s', (message) => inbox.push(message));
    phone.subscribeStatus('s', (change) => ticks.push(change.state));
    const sendMessage = (request) => {
        sentBodies.push(request.body);
        return messagingApi.sendMessage(request);
    };
    const org = createSimulatedOrg({ messagingApi: { sendMessage }, phone, now: () => START });
    return { org, advance: (seconds) => org.advanceClock('s', seconds), inbox, ticks, sentBodies };
}

/** A send's scenario: the 8x8 outcome, the page's query overrides, and anything else (receipts, bulkPermission). */
export const scenario = (outcome = 'success', overrides = {}, extra = {}) => ({
    outcome,
    ...scenarioSettingsFrom({ latency: 0, timeout: 0, ...overrides }),
    ...extra
});

export const wrongCodeFor = (code) => code.replace(/^./, (digit) => String((Number(digit) + 1) % 10));
export { codeOf, label };
export const message = (errorCode, ...args) => label(ERROR_LABELS[errorCode], ...args);

/** Sends and waits for the delivery; returns the reservation and a reader of its send status. */
export async function sendAndDeliver(org, options = scenario(), recordId = mobileId) {
    const reservation = org.sendOtp('s', { recordId }, options);
    await org.deliveriesDone('s');
    const statusNow = () => org.getSendStatus('s', { challengeId: reservation.challengeId }, options);
    return { reservation, challengeId: reservation.challengeId, status: statusNow(), statusNow };
}

/** A fresh org with one code sent (`options`) to the mobile Contact and delivered: the code, and verify(code). */
export async function sent(options = scenario()) {
    const recorded = orgWithClock();
    const delivered = await sendAndDeliver(recorded.org, options);
    const verify = (code) => recorded.org.verifyOtp('s', { challengeId: delivered.challengeId, code }, options);
    return { ...recorded, ...delivered, code: codeOf(recorded.sentBodies[0].content), verify };
}
