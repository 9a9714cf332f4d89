// Scoped @salesforce/* modules the components import. @salesforce/lightning-types covers only
// @salesforce/client, community, site and user, so schema and label are declared here.

declare module '@salesforce/schema/*' {
    /** What a field import resolves to at run time, e.g. { objectApiName: 'Contact', fieldApiName: 'Phone' }. */
    const fieldId: { objectApiName: string; fieldApiName: string };
    export default fieldId;
}

declare module '@salesforce/label/*' {
    /** The label's value in the user's language. */
    const label: string;
    export default label;
}

declare module '@salesforce/i18n/locale' {
    /** The user's Salesforce locale, e.g. "en-US". */
    const locale: string;
    export default locale;
}
