// The words External Services encodes with a `z0` prefix when a property (or schema) is named after one of them.
// The ONE list: the offline model (external-service-model.mjs), and through it the semantic gate and the
// org:setup name probe, read it from here.
//
// Sources:
//  - Apex Developer Guide, "Reserved Keywords" (current release, API 66.0 / 68.0 preview; the list is the same
//    as in API 58.0):
//    https://developer.salesforce.com/docs/atlas.en-us.264.0.apexcode.meta/pages/apex_reserved_words.htm
//    https://developer.salesforce.com/docs/atlas.en-us.240.0.apexcode.meta/pages/apex_reserved_words.htm
//  - Salesforce Help, "External Service Registrations in Apex" (a reserved keyword is prepended with `z0`; its
//    examples: `type` -> `z0type`, `User` -> `z0User`):
//    https://help.salesforce.com/apex/HTViewHelpDoc?id=platform.external_services_apex_registrations.htm
//  - Seen encoded in public compiled code that reads External Service data: `z0type`, `z0user`, `z0date`; a
//    third-party note tested in an org reports `z0currency` (UNCONFIRMED by Salesforce's own pages).

/** Apex reserved keywords, exactly as the current "Reserved Keywords" page lists them (lower case). */
export const APEX_RESERVED_KEYWORDS = Object.freeze(
    (
        'abstract activate and any array as asc autonomous begin bigdecimal blob boolean break bulk by byte case ' +
        'cast catch char class collect commit const continue currency date datetime decimal default delete desc do ' +
        'double else end enum exception exit export extends false final finally float for from global goto group ' +
        'having hint if implements import in inner insert instanceof int integer interface into join like limit ' +
        'list long loop map merge new not null nulls number object of on or outer override package parallel ' +
        'pragma private protected public retrieve return rollback select set short sobject sort static string ' +
        'super switch synchronized system testmethod then this throw time transaction trigger true try undelete ' +
        'update upsert using virtual void webservice when where while'
    ).split(' ')
);

/**
 * Words that are not Apex reserved keywords, yet External Services is documented (`type`, `user`) or seen
 * (`user`) to encode. `date` and `currency`, also seen encoded, are already Apex keywords.
 */
export const EXTERNAL_SERVICES_EXTRA_WORDS = Object.freeze(['type', 'user']);

/** Every word that External Services prefixes with `z0`, lower case. */
export const ENCODED_WORDS = new Set([...APEX_RESERVED_KEYWORDS, ...EXTERNAL_SERVICES_EXTRA_WORDS]);
