// The stage machine on its own: what each stage shows, and the transitions verifyOtp and the clock cause.
import {
    CODE_ENTRY_STAGES,
    blockActive,
    blockFor,
    clockTick,
    codeOpen,
    secondsUntilSendable,
    stageAfterChallenge,
    stageAfterVerify,
    stageOnExpiry,
    stageView
} from '../otpStages';
import type { Stage, StageInput } from '../otpStages';

const ALL_STAGES: Stage[] = [
    'ready',
    'sending',
    'sent',
    'verifying',
    'verified',
    'invalid',
    'expired',
    'locked',
    'superseded'
];

function input(changes: Partial<StageInput> = {}): StageInput {
    return {
        stage: 'sent',
        hasChallenge: true,
        canSend: true,
        resendCooldownSeconds: 0,
        verifyStepShown: true,
        sendBlocked: false,
        ...changes
    };
}

describe('otpStages: stageView', () => {
    it('offers Send, enabled, before the first code', () => {
        const view = stageView(input({ stage: 'ready', hasChallenge: false }));

        expect([view.showSend, view.sendDisabled, view.showResend, view.showCodeEntry]).toEqual([
            true,
            false,
            false,
            false
        ]);
    });

    it('disables Send when the record has no phone to send to', () => {
        expect(stageView(input({ stage: 'ready', hasChallenge: false, canSend: false })).sendDisabled).toBe(true);
    });

    it.each(['sending', 'verifying'] as Stage[])('is busy and disables every button while %s', (stage) => {
        const view = stageView(input({ stage }));

        expect([view.isBusy, view.sendDisabled, view.resendDisabled, view.verifyDisabled]).toEqual([
            true,
            true,
            true,
            true
        ]);
    });

    it('shows the code input, Verify and the expiry in exactly the code-entry stages', () => {
        const shown = ALL_STAGES.filter((stage) => stageView(input({ stage })).showCodeEntry);

        expect(shown).toEqual([...CODE_ENTRY_STAGES]);
        expect(ALL_STAGES.filter((stage) => stageView(input({ stage })).showExpiry)).toEqual(shown);
    });

    it('leaves out the code input, but not the expiry, when the verify step is switched off', () => {
        const view = stageView(input({ verifyStepShown: false }));

        expect([view.showCodeEntry, view.showExpiry]).toEqual([false, true]);
    });

    it('keeps Verify enabled for a code being typed: a short code gets an inline message instead', () => {
        expect(stageView(input({ stage: 'sent' })).verifyDisabled).toBe(false);
    });

    it('disables Send, Resend and Verify again while a refusal blocks sending', () => {
        const view = stageView(input({ sendBlocked: true }));

        expect([view.sendDisabled, view.resendDisabled]).toEqual([true, true]);
        expect(view.verifyDisabled).toBe(false);
    });

    it('disables Resend during the cooldown', () => {
        expect(stageView(input({ resendCooldownSeconds: 12 })).resendDisabled).toBe(true);
    });

    it('disables Verify again during the cooldown too, since it sends a new code', () => {
        expect(stageView(input({ stage: 'verified', resendCooldownSeconds: 12 })).verifyAgainDisabled).toBe(true);
        expect(stageView(input({ stage: 'verified', resendCooldownSeconds: 0 })).verifyAgainDisabled).toBe(false);
    });

    it('replaces Send with Resend once a code is out, and hides Resend once verified', () => {
        expect(stageView(input({ stage: 'expired' })).showSend).toBe(false);
        expect(stageView(input({ stage: 'expired' })).showResend).toBe(true);
        expect(stageView(input({ stage: 'verified' })).showResend).toBe(false);
    });

    it('marks the status line as an error only after a wrong code or a lock', () => {
        expect(ALL_STAGES.filter((stage) => stageView(input({ stage })).statusIsError)).toEqual(['invalid', 'locked']);
    });
});

describe('otpStages: transitions', () => {
    it.each([
        ['VERIFIED', 'verified'],
        ['INVALID_CODE', 'invalid'],
        ['EXPIRED', 'expired'],
        ['LOCKED', 'locked']
    ])('goes from verifyOtp status %s to stage %s', (status, stage) => {
        expect(stageAfterVerify(status)).toBe(stage);
    });

    it('has no stage for a verifyOtp status it does not know', () => {
        expect(stageAfterVerify('SOMETHING_NEW')).toBeUndefined();
    });

    it.each([
        ['Verified', 'verified'],
        ['Expired', 'expired'],
        ['Locked', 'locked'],
        ['Superseded', 'superseded'],
        ['Pending', undefined],
        [null, undefined]
    ] as const)('goes from challenge status %s to stage %s', (status, stage) => {
        expect(stageAfterChallenge(status)).toBe(stage);
    });

    it('expires a code that can still be typed in, once its time is up', () => {
        expect(stageOnExpiry('sent')).toBe('expired');
        expect(stageOnExpiry('invalid')).toBe('expired');
    });

    it.each(['verifying', 'verified', 'locked', 'sending', 'superseded'] as Stage[])(
        'leaves stage %s alone at expiry',
        (stage) => {
            expect(stageOnExpiry(stage)).toBe(stage);
        }
    );
});

describe('otpStages: send blocks', () => {
    const NOW_MS = Date.parse('2026-01-15T10:00:00.000Z');

    it.each(['HOURLY_CAP', 'NUMBER_CAP', 'AGENT_CAP', 'COOLDOWN'])(
        'blocks after %s until its retry time, then lets sends go again',
        (errorCode) => {
            const block = blockFor(errorCode, '2026-01-15T10:00:20.000Z');

            expect(block).toEqual({ kind: 'until', untilMs: NOW_MS + 20000, errorCode });
            expect(blockActive(block, NOW_MS + 19999)).toBe(true);
            expect(blockActive(block, NOW_MS + 20000)).toBe(false);
        }
    );

    it.each([
        'INVALID_NUMBER',
        'INVALID_PHONE',
        'COUNTRY_NOT_ALLOWED',
        'SANDBOX_BLOCKED',
        'CREDENTIAL_REJECTED',
        'NOT_FOUND',
        'TEMPLATE_REJECTED',
        'SETTINGS_INVALID',
        'SETTINGS_MISSING'
    ])('blocks after %s until the record changes, however long it waits', (errorCode) => {
        const block = blockFor(errorCode, null);

        expect(block).toEqual({ kind: 'record', errorCode });
        expect(blockActive(block, NOW_MS + 86400000)).toBe(true);
    });

    it('does not block after a refusal that a retry may get past (8x8 rate limiting)', () => {
        expect(blockFor('RATE_LIMITED', null)).toBeUndefined();
    });

    it('does not block without an error code', () => {
        expect(blockFor(null, '2026-01-15T10:00:20.000Z')).toBeUndefined();
        expect(blockActive(undefined, NOW_MS)).toBe(false);
    });
});

describe('otpStages: secondsUntilSendable', () => {
    const NOW_MS = Date.parse('2026-01-15T10:00:00.000Z');

    it('waits for the cooldown without a block', () => {
        expect(secondsUntilSendable(undefined, 12, NOW_MS)).toBe(12);
    });

    it('waits for a time block that ends after the cooldown', () => {
        expect(
            secondsUntilSendable({ kind: 'until', untilMs: NOW_MS + 90_500, errorCode: 'HOURLY_CAP' }, 12, NOW_MS)
        ).toBe(91);
    });

    it('does not count down for a record block', () => {
        expect(secondsUntilSendable({ kind: 'record', errorCode: 'INVALID_NUMBER' }, 0, NOW_MS)).toBe(0);
    });
});

describe('otpStages: codeOpen', () => {
    const NOW_MS = Date.parse('2026-01-15T10:00:00.000Z');
    const LATER = '2026-01-15T10:05:00.000Z';
    const EARLIER = '2026-01-15T09:59:59.000Z';

    it('is open in an entry stage before the expiry', () => {
        expect(codeOpen('sent', LATER, NOW_MS)).toBe(true);
        expect(codeOpen('invalid', LATER, NOW_MS)).toBe(true);
    });

    it('is closed once the expiry has passed', () => {
        expect(codeOpen('sent', EARLIER, NOW_MS)).toBe(false);
    });

    it('is closed in a stage where no code can be typed in', () => {
        expect(codeOpen('verified', LATER, NOW_MS)).toBe(false);
        expect(codeOpen('superseded', LATER, NOW_MS)).toBe(false);
    });
});

describe('otpStages: clockTick', () => {
    const NOW_MS = Date.parse('2026-01-15T10:00:00.000Z');
    const tick = { block: undefined, hasChallenge: true, cooldownSeconds: 0, nowMs: NOW_MS };

    it('expires a code that can be typed in once its expiry passes, and stops when nothing is left to count', () => {
        expect(clockTick({ ...tick, stage: 'sent', expiresAt: '2026-01-15T09:59:59.000Z' })).toEqual({
            blockPassed: false,
            stage: 'expired',
            stopClock: true
        });
    });

    it('keeps counting while the code is valid or the resend cooldown runs', () => {
        expect(clockTick({ ...tick, stage: 'sent', expiresAt: '2026-01-15T10:05:00.000Z' }).stopClock).toBe(false);
        expect(
            clockTick({ ...tick, stage: 'expired', expiresAt: '2026-01-15T09:00:00.000Z', cooldownSeconds: 5 })
                .stopClock
        ).toBe(false);
    });

    it('after Verified, counts on only while the cooldown of Verify again runs', () => {
        const verified = { ...tick, stage: 'verified', expiresAt: '2026-01-15T10:05:00.000Z' } as const;
        expect(clockTick({ ...verified, cooldownSeconds: 12 }).stopClock).toBe(false);
        expect(clockTick({ ...verified, cooldownSeconds: 0 }).stopClock).toBe(true);
    });

    it('lifts a block whose retry time has passed, and keeps one that has not', () => {
        const passed = { kind: 'until', untilMs: NOW_MS - 1, errorCode: 'HOURLY_CAP' } as const;
        const running = { kind: 'until', untilMs: NOW_MS + 60_000, errorCode: 'HOURLY_CAP' } as const;
        const ready = { ...tick, stage: 'ready', hasChallenge: false, expiresAt: undefined } as const;
        expect(clockTick({ ...ready, block: passed })).toEqual({ blockPassed: true, stage: 'ready', stopClock: true });
        expect(clockTick({ ...ready, block: running })).toEqual({
            blockPassed: false,
            stage: 'ready',
            stopClock: false
        });
    });
});
