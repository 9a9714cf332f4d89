// lightning/* platform modules that @salesforce/lightning-types (0.8) does not declare: it types the
// base components, not uiRecordApi or platformShowToastEvent.

declare module 'lightning/uiRecordApi' {
    export interface FieldId {
        objectApiName: string;
        fieldApiName: string;
    }
    /** One field of a UI API record. */
    export interface FieldValueRepresentation {
        displayValue: string | null;
        value: string | number | boolean | RecordRepresentation | null;
    }
    /** A UI API record, as emitted by the getRecord wire adapter. */
    export interface RecordRepresentation {
        id: string;
        apiName: string;
        fields: Record<string, FieldValueRepresentation>;
    }
    /** Config of the getRecord wire adapter (the record form). */
    export interface GetRecordConfig {
        recordId: string | undefined;
        fields?: (FieldId | string)[];
        optionalFields?: (FieldId | string)[];
    }
    /** An LDS error: body.message is the agent-readable part. */
    export interface FetchResponse {
        status?: number;
        statusText?: string;
        body?: { message?: string } | { message?: string }[];
    }
    /** What a @wire(getRecord) property or method receives. */
    export interface GetRecordResult {
        data?: RecordRepresentation;
        error?: FetchResponse;
    }
    // An import type, not an import declaration: LWC lint allows only its runtime exports from 'lwc'.
    export const getRecord: import('lwc').WireAdapterConstructor<GetRecordConfig, GetRecordResult>;
    export function getFieldValue(
        record: RecordRepresentation | undefined,
        field: FieldId | string
    ): FieldValueRepresentation['value'] | undefined;
}

declare module 'lightning/platformShowToastEvent' {
    export type ToastVariant = 'info' | 'success' | 'warning' | 'error';
    export interface ToastConfig {
        title: string;
        message?: string;
        variant?: ToastVariant;
        mode?: 'dismissible' | 'pester' | 'sticky';
        messageData?: (string | { url: string; label: string })[];
    }
    export class ShowToastEvent extends CustomEvent<ToastConfig> {
        constructor(config: ToastConfig);
    }
}

declare module 'lightning/uiRelatedListApi' {
    import type { RecordRepresentation, FetchResponse } from 'lightning/uiRecordApi';
    /** Config of the getRelatedListRecords wire adapter (UI API related list records). */
    export interface GetRelatedListRecordsConfig {
        parentRecordId: string | undefined;
        relatedListId: string;
        fields?: string[];
        optionalFields?: string[];
        sortBy?: string[];
        pageSize?: number;
        where?: string;
    }
    /** The related list's records, newest page first as sorted. */
    export interface RelatedListRecordCollection {
        records: RecordRepresentation[];
        count?: number;
    }
    export interface GetRelatedListRecordsResult {
        data?: RelatedListRecordCollection;
        error?: FetchResponse;
    }
    export const getRelatedListRecords: import('lwc').WireAdapterConstructor<
        GetRelatedListRecordsConfig,
        GetRelatedListRecordsResult
    >;
}

declare module 'lightning/actions' {
    /** Closes the quick action's modal (lightning__RecordAction screen actions). */
    export class CloseActionScreenEvent extends CustomEvent<undefined> {
        constructor();
    }
}

declare module 'lightning/uiObjectInfoApi' {
    import type { FetchResponse } from 'lightning/uiRecordApi';
    /** The part of the UI API's object info the components read: the object's label in the user's language. */
    export interface ObjectInfoRepresentation {
        apiName: string;
        label: string;
    }
    export interface GetObjectInfoResult {
        data?: ObjectInfoRepresentation;
        error?: FetchResponse;
    }
    export const getObjectInfo: import('lwc').WireAdapterConstructor<
        { objectApiName: string | undefined },
        GetObjectInfoResult
    >;
}

declare module 'lightning/navigation' {
    /** The page a component is on; a record page's attributes name the record and its object. */
    export interface PageReference {
        type: string;
        attributes?: { recordId?: string; objectApiName?: string; [name: string]: unknown };
        state?: Record<string, unknown>;
    }
    export const CurrentPageReference: import('lwc').WireAdapterConstructor<Record<string, never>, PageReference>;
}
