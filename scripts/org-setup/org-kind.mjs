// The kind of an org, from its Organization row (IsSandbox, TrialExpirationDate, OrganizationType), by the rule
// and cases of force-app/core/staticresources/WhatsAppOtpOrgKinds.json, which the package's Apex applies too
// (WhatsAppOtpEnvironment). org:setup classifies the target org once and picks its test level from the kind.
import fs from 'node:fs';
import path from 'node:path';

export const ORG_KINDS = 'force-app/core/staticresources/WhatsAppOtpOrgKinds.json';
export const ORGANIZATION_QUERY = 'SELECT IsSandbox, TrialExpirationDate, OrganizationType FROM Organization';

/**
 * The kind of an org: 'scratch' | 'sandbox' | 'developer' | 'trial' | 'production'.
 * @param {{ IsSandbox?: boolean, TrialExpirationDate?: string | null, OrganizationType?: string }} row
 */
export function orgKind(row) {
    const trial = Boolean(row.TrialExpirationDate);
    if (row.IsSandbox === true) {
        // Scratch orgs report IsSandbox = true and carry an expiration date; sandboxes carry none.
        return trial ? 'scratch' : 'sandbox';
    }
    if (row.OrganizationType === 'Developer Edition') {
        return 'developer';
    }
    return trial ? 'trial' : 'production';
}

/** The shared cases as Organization rows with the kind each must give (for the tests). */
export function orgKindCases(root) {
    return JSON.parse(fs.readFileSync(path.join(root, ORG_KINDS), 'utf8')).cases.map((c) => ({
        row: {
            IsSandbox: c.isSandbox,
            TrialExpirationDate: c.trialExpirationDate,
            OrganizationType: c.organizationType
        },
        kind: c.kind
    }));
}
