import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Pure packages must stay free of frameworks: both tiers import them (docs/architecture.md).
const frameworkImports = {
  patterns: [
    { group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'react', 'react-dom', 'react/*', 'antd', '@rjsf/*'], message: 'schemas/, workflows/, regimes/ và api-types/ là mã thuần: không import NestJS, TypeORM hay React.' },
  ],
};

// Each backend module owns its tables: another module asks its service (or listens to its events),
// never its repository or entities. Type-only imports (a row's shape) are allowed: they run nothing.
const moduleBoundaries = {
  patterns: [
    {
      group: ['../*/*.repository.js', '../../*/*.repository.js', '../*/*.entity.js', '../../*/*.entity.js', '!../common/*', '!../../common/*'],
      allowTypeImports: true,
      message: "Mỗi module sở hữu bảng của mình: hãy gọi service của module đó, không import repository hay entity của nó.",
    },
  ],
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/dist-bench/**', '**/tsc-out/**', '**/node_modules/**', '**/.data/**', 'test/artifacts/**', '**/coverage/**', 'test/x-*.mjs'] },
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
    files: ['backend/src/**/*.ts'],
    // The entity registry, the start-up seed (it writes every owner's first rows) and tests are exempt.
    ignores: ['backend/src/database/**', 'backend/src/seed/**', 'backend/src/test-support/**', '**/*.spec.ts', '**/*.int-spec.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', moduleBoundaries] },
  },
  {
    // Small files and functions keep the house easy to read: no file over 400 lines anywhere; no function over
    // 80 lines in the product's code (a test's describe block and a migration's SQL are lists, not logic).
    files: ['**/*.ts', '**/*.tsx'],
    rules: { 'max-lines': ['error', { max: 400 }], 'max-lines-per-function': ['error', { max: 80 }] },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/*.int-spec.ts', 'test/**/*.ts', 'backend/src/database/migrations/**'],
    rules: { 'max-lines-per-function': 'off' },
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
