// ESLint 9 flat config (CommonJS: package.json has no "type").
// - LWC rules (@salesforce/eslint-config-lwc recommended, which brings @lwc/eslint-plugin-lwc) on the
//   TypeScript sources; the JavaScript that deploys (force-app/*/lwc) is generated from them by the build and
//   held to it byte for byte by check:build-sync, so each component is linted once, in its source;
// - typescript-eslint on src-ts (syntax-level rules; the type check is the typecheck gate);
// - Jest globals for tests, Node globals for tooling, browser globals for the preview app.
'use strict';

const globals = require('globals');
const eslintJs = require('@eslint/js');
const tseslint = require('typescript-eslint');
const lwcConfig = require('@salesforce/eslint-config-lwc');
const jestPlugin = require('eslint-plugin-jest');

/** Restricts every object of a shared config array to the given file globs. */
const scoped = (files, configs) => configs.map((config) => ({ ...config, files }));

const TS = ['**/src-ts/**/*.ts'];
const NODE_TOOLING = [
    'scripts/**/*.{js,mjs,cjs}',
    'test/**/*.{js,mjs,cjs}',
    'preview/**/*.mjs',
    '*.{js,mjs,cjs}',
    'jest-mocks/**/*.js'
];

module.exports = [
    {
        ignores: [
            '**/node_modules/**',
            'coverage/**',
            '.tmp/**',
            '.sfdx/**',
            '.sf/**',
            'test-results/**',
            // Generated from src-ts (linted there with the same LWC rules) by scripts/build.mjs.
            'force-app/core/lwc/**',
            'force-app/console/lwc/**',
            // Known-bad inputs for the gate tests: wrong on purpose.
            'test/gates/fixtures/**'
        ]
    },
    { linterOptions: { reportUnusedDisableDirectives: 'error' } },

    // TypeScript component sources: the same LWC rules, parsed by typescript-eslint.
    ...scoped(TS, lwcConfig.configs.recommended),
    ...scoped(TS, tseslint.configs.recommended),
    {
        files: TS,
        languageOptions: {
            parser: tseslint.parser,
            parserOptions: { sourceType: 'module', ecmaVersion: 'latest' }
        },
        rules: {
            // tsc reports unused locals and parameters (tsconfig.json noUnusedLocals, noUnusedParameters), which
            // typescript-eslint's FAQ names as the compiler's form of this rule
            // (typescript-eslint.io/rules/no-unused-vars): one check, in the typecheck gate.
            '@typescript-eslint/no-unused-vars': 'off',
            // eslint-plugin-import cannot resolve LWC platform modules (lightning/*, @salesforce/*, c/*);
            // tsc resolves them through src-ts/types and tsconfig paths, so the typecheck gate covers this.
            'import/no-unresolved': 'off',
            'import/named': 'off',
            'import/namespace': 'off',
            'import/default': 'off',
            'import/no-named-as-default': 'off',
            'import/no-named-as-default-member': 'off'
        }
    },

    // Jest tests beside the component sources.
    {
        files: ['**/__tests__/**'],
        languageOptions: { globals: { ...globals.jest, ...globals.node } },
        rules: {
            // Tests register wire adapters with the Jest test utilities.
            '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off'
        }
    },

    // Node tooling: build, gates, gate tests, preview server.
    {
        files: NODE_TOOLING,
        ...eslintJs.configs.recommended,
        languageOptions: {
            ecmaVersion: 'latest',
            sourceType: 'module',
            globals: { ...globals.node }
        }
    },
    {
        files: ['*.js', '*.cjs'],
        languageOptions: { sourceType: 'commonjs' }
    },
    {
        files: ['jest-mocks/**/*.js'],
        languageOptions: { globals: { ...globals.node, ...jestPlugin.environments.globals.globals } }
    },

    // Playwright tests: the callbacks given to page.evaluate/waitForFunction run in the browser.
    {
        files: ['preview/e2e/**/*.mjs'],
        languageOptions: { globals: { ...globals.node, ...globals.browser } }
    },

    // Preview app code that runs in the browser.
    {
        files: ['preview/src/**/*.{js,mjs}'],
        ...eslintJs.configs.recommended,
        languageOptions: {
            ecmaVersion: 'latest',
            sourceType: 'module',
            globals: { ...globals.browser }
        }
    }
];
