// `npm run lint`: typescript-eslint's recommended rules, plus the type-aware rules that catch a
// promise nobody awaits and `any` leaking through. Part of `npm test`, before the unit tests.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.e2e/**', '.bench/**', 'node_modules/**', 'test/e2e/**', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
    },
  },
  {
    // the extension host resolves mocha at run time (it stays external to the bundled suite), and its
    // CommonJS export differs by version: a require() is the one way to take it as it is
    files: ['test/integration/index.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
