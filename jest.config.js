// Jest for the LWC components: sfdx-lwc-jest's config, with tests written in TypeScript beside the sources
// (src-ts/lwc/<bundle>/__tests__/*.test.ts). A test's c/<bundle> import resolves to the TypeScript source,
// src-ts/lwc/<bundle>/<bundle>.ts, so a test sees an edit without `npm run build`; @lwc/jest-transformer strips
// the types (@babel/preset-typescript), and the type check is its own gate.
'use strict';

const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

// Two projects: the components' tests in jsdom with the LWC engine (sfdx-lwc-jest's setup); the tests of the pure
// modules (no template, no DOM: named after the module, not the bundle) in Node, which spares each file a jsdom and
// the synthetic shadow DOM.
const shared = {
    ...jestConfig,
    moduleNameMapper: {
        // sfdx-lwc-jest has no stub of lightning/actions; the one mock sits outside force-app, so nothing test-only
        // deploys. The other lightning/* modules use sfdx-lwc-jest's stubs (ShowToastEvent, getRelatedListRecords as
        // an LDS test wire adapter).
        '^lightning/actions$': '<rootDir>/jest-mocks/lightning/actions.js',
        '^c/(\\w+)$': '<rootDir>/src-ts/lwc/$1/$1.ts'
    },
    setupFilesAfterEnv: [...jestConfig.setupFilesAfterEnv, '<rootDir>/jest-mocks/setupTests.js'],
    testPathIgnorePatterns: [...jestConfig.testPathIgnorePatterns, '<rootDir>/preview/', '<rootDir>/.tmp/'],
    restoreMocks: true
};
const COMPONENT_TESTS = '<rootDir>/src-ts/**/__tests__/**/whatsappOtp*.test.ts';

module.exports = {
    projects: [
        { ...shared, displayName: 'components', testMatch: [COMPONENT_TESTS] },
        {
            ...shared,
            displayName: 'modules',
            testEnvironment: 'node',
            setupFilesAfterEnv: ['<rootDir>/jest-mocks/setupTests.js'],
            testMatch: ['<rootDir>/src-ts/**/__tests__/**/*.test.ts'],
            testPathIgnorePatterns: [...shared.testPathIgnorePatterns, '/__tests__/whatsappOtp[^/]*\\.test\\.ts$']
        }
    ],
    collectCoverageFrom: ['src-ts/lwc/**/*.ts', '!**/__tests__/**'],
    // The composer suites move fake clocks through hundreds of one-second ticks, each a re-render: under 1 s alone,
    // but npm test runs them beside the browser tests and two JVMs on a 2-core machine, where Jest's default 5 s
    // per test is too tight for a cold run.
    testTimeout: 20000,
    // Jest's transform cache beside the other caches, not in the system temp directory (its default): a fresh
    // clone, as in CI, then starts cold, and the benchmark's first run measures what CI pays.
    cacheDirectory: '<rootDir>/node_modules/.cache/jest'
};
