// The shared Lead cases (WhatsAppOtpLeadCases.json, also run by the Apex WhatsAppOtpLeadCasesTest) on the simulated
// org (run from simulated-org.test.mjs): a Lead verified as a Lead through send, verify, the caps and Get
// Verification, a converted Lead, and "verified in this interaction".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RECORDS } from '../sim/contacts.mjs';
import { codeOf, orgWithClock, readCases, scenario, wrongCodeFor } from './simOrg.mjs';

const table = readCases('core', 'WhatsAppOtpLeadCases.json');
const LEADS = { openLead: RECORDS.lead, convertedLead: RECORDS['converted-lead'] };
const objectOf = (id) => ({ '003': 'Contact', '00Q': 'Lead' })[id.slice(0, 3)];

describe('shared Lead cases', () => {
    for (const testCase of table.cases) {
        it(testCase.name, async () => {
            const { org, sentBodies } = orgWithClock();
            const source = LEADS[testCase.person];
            assert.equal(source.fields.IsConverted, table.people[testCase.person].converted, 'the seed is the person');
            let challenge;
            for (const step of testCase.steps) {
                const { expect } = step;
                if (step.do === 'send') {
                    const sent = org.sendOtp('s', { recordId: source.id }, scenario());
                    await org.deliveriesDone('s');
                    assert.equal(sent.errorCode ?? undefined, expect.errorCode, `${step.do}: error code`);
                    if (sent.challengeId) {
                        assert.equal(sent.status, expect.status);
                        challenge = org.records('s').challenges.find((c) => c.id === sent.challengeId);
                        assert.equal(objectOf(challenge.contactId), expect.personObject, 'the challenge person');
                        assert.deepEqual(
                            [challenge.sourceObject, challenge.sourceRecordId],
                            [expect.sourceObject, source.id]
                        );
                    }
                } else if (step.do === 'verify') {
                    const code = codeOf(sentBodies.at(-1).content);
                    const tried = step.code === 'right' ? code : wrongCodeFor(code);
                    const verdict = org.verifyOtp('s', { challengeId: challenge.id, code: tried }, scenario());
                    assert.equal(verdict.status, expect.status);
                    if (expect.taskOn) {
                        const kinds = org.tasksOf('s', challenge.contactId).map((task) => task.kind);
                        assert.ok(
                            kinds.includes('Verified') && objectOf(challenge.contactId) === expect.taskOn,
                            kinds.join()
                        );
                    }
                } else {
                    const ask = step.by === 'recordId' ? { recordId: source.id } : { contactId: challenge.contactId };
                    const interactionRecordId = { source: source.id, other: '500PV0000OtherAAAA' }[step.interaction];
                    const answer = org.getVerification('s', { ...ask, interactionRecordId, windowMinutes: 15 });
                    assert.equal(answer.verified, expect.verified, `getVerification by ${step.by}`);
                }
            }
        });
    }
});
