// lightning/uiRelatedListApi for Jest: getRelatedListRecords as an LDS test wire adapter, so a test emits the
// related list's records (or an error) and reads the config the component asked with.
import { createLdsTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const getRelatedListRecords = createLdsTestWireAdapter(jest.fn());
