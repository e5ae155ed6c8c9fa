import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Pure packages must stay free of frameworks: both tiers import them (DESIGN.md "Layout").
const frameworkImports = {
  patterns: [
    { group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'react', 'react-dom', 'react/*', 'antd', '@rjsf/*'], message: 'schemas/, workflows/, regimes/ và api-types/ là mã thuần: không import NestJS, TypeORM hay React.' },
  ],
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/tsc-out/**', '**/node_modules/**', '**/.data/**', 'test/artifacts/**', '**/coverage/**', 'test/x-*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['schemas/**/*.ts', 'workflows/**/*.ts', 'regimes/**/*.ts', 'api-types/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', frameworkImports] },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/*.int-spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // The black-box suites read arbitrary JSON answers from the API.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
