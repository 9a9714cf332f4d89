// The kind of an org, from its Organization row (IsSandbox, TrialExpirationDate, OrganizationType), by the rule and
// cases of force-app/core/staticresources/WhatsAppOtpOrgKinds.json, which the package's Apex applies too
// (WhatsAppOtpEnvironment) and the org:setup tests run. org:setup classifies the target org once and picks its
// test level from the kind.
export const ORG_KINDS = 'force-app/core/staticresources/WhatsAppOtpOrgKinds.json';
export const ORGANIZATION_QUERY = 'SELECT IsSandbox, TrialExpirationDate, OrganizationType FROM Organization';

/** 'scratch' | 'sandbox' | 'developer' | 'trial' | 'production'. */
export function orgKind({ IsSandbox, TrialExpirationDate, OrganizationType }) {
    // Scratch orgs report IsSandbox = true and carry an expiration date; sandboxes carry none.
    if (IsSandbox === true) {
        return TrialExpirationDate ? 'scratch' : 'sandbox';
    }
    return OrganizationType === 'Developer Edition' ? 'developer' : TrialExpirationDate ? 'trial' : 'production';
}
