// Lint: typescript-eslint's recommended rules on the TypeScript sources.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '**/.observablehq/',
      'dashboards/dist/',
      'data/',
      'bench/results/',
      'bench/.data/',
      '.tmp/',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The public site depends on nothing of ingestion: of pipelines/, only the measure registry's folder
  // (test/dashboards/imports.test.ts follows the imports through).
  {
    files: ['dashboards/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)pipelines/(?!measures/)',
              message: 'The site may use pipelines/measures/ only: move what it needs there.',
            },
          ],
        },
      ],
    },
  },
);
