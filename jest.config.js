// Jest for the LWC components: sfdx-lwc-jest's config, with tests written in TypeScript beside the
// sources (src-ts/**/__tests__/*.test.ts). The tests import c/<bundle>, which sfdx-lwc-jest resolves
// to force-app/core/lwc/<bundle>/<bundle>.js: the compiled component that deploys.
'use strict';

const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    testMatch: ['<rootDir>/src-ts/**/__tests__/**/*.test.ts'],
    // @lwc/jest-transformer strips TypeScript (@babel/preset-typescript); the type check is its own gate.
    // It runs behind jest-mocks/lazyLwcTransformer.js, which loads it only for files not in the cache.
    transform: Object.fromEntries(
        Object.entries(jestConfig.transform).map(([pattern, transformer]) => [
            pattern,
            transformer === require.resolve('@lwc/jest-transformer')
                ? '<rootDir>/jest-mocks/lazyLwcTransformer.js'
                : transformer
        ])
    ),
    moduleNameMapper: {
        // The one shared folder of lightning/* mocks; it sits outside force-app so nothing test-only deploys.
        // Modules without a file here use sfdx-lwc-jest's stubs.
        '^lightning/platformShowToastEvent$': '<rootDir>/jest-mocks/lightning/platformShowToastEvent.js',
        '^lightning/actions$': '<rootDir>/jest-mocks/lightning/actions.js',
        '^lightning/uiRelatedListApi$': '<rootDir>/jest-mocks/lightning/uiRelatedListApi.js'
    },
    setupFilesAfterEnv: [...jestConfig.setupFilesAfterEnv, '<rootDir>/jest-mocks/setupTests.js'],
    testPathIgnorePatterns: [...jestConfig.testPathIgnorePatterns, '<rootDir>/preview/', '<rootDir>/.tmp/'],
    // Only the TypeScript sources count for coverage; the compiled JS mirrors them line for line.
    collectCoverageFrom: ['force-app/core/lwc/**/*.js'],
    restoreMocks: true,
    // The composer suites move fake clocks through hundreds of one-second ticks, each a re-render: under 1 s alone,
    // but npm test runs them beside the browser tests and two JVMs on a 2-core machine, where Jest's default 5 s
    // per test is too tight for a cold run.
    testTimeout: 20000,
    // Jest's transform cache beside the other caches, not in the shared /tmp/jest_* (its default): a fresh
    // clone, as in CI, then starts cold, and the benchmark's first run measures what CI pays.
    cacheDirectory: '<rootDir>/node_modules/.cache/jest'
};
