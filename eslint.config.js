import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import pluginRouter from '@tanstack/eslint-plugin-router'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * A `no-restricted-imports` rule for each folder: the folders under src/ its files may not import,
 * by alias or by relative path (`lib!search`: lib/, but for its subfolder search/).
 */
function layers(forbidden) {
  return Object.entries(forbidden).map(([files, folders]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: folders.map((spec) => {
            const [folder, except] = spec.split('!')
            return {
              regex: `^(@/|(\\.\\./)+)${folder}${except ? `(?!/${except}(/|$))` : ''}(/|$)`,
              message: `${files} may not import from src/${folder}${except ? ` (but for ${except}/)` : ''}: see "What each folder owns" in docs/architecture.md.`,
            }
          }),
        },
      ],
    },
  }))
}

export default tseslint.config(
  { ignores: ['dist', 'src/routeTree.gen.ts', 'test-results', 'playwright-report', 'bench-results', '.tmp'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  reactHooks.configs.flat['recommended-latest'],
  pluginRouter.configs['flat/recommended'],
  pluginQuery.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Template literals of numbers are how the reader formats counts and dates.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // An empty string means "not given" for arguments and environment variables.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
      // TanStack Router's redirect() and notFound() are thrown by design.
      '@typescript-eslint/only-throw-error': 'off',
      // Non-null assertions mark indexes proven in range; noUncheckedIndexedAccess asks for them.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // The layers import one way: the app (src/main.tsx, src/entry-prerender.tsx, app/, routes/) →
  // the features → shared code (lib/, components/) → the pipeline's types and files. The pipeline
  // shares one thing with the browser's code: the search index's format and what a word is
  // (lib/search/index-format.ts, query.ts), which the build writes and the worker reads. A
  // release's page and the topics may use the timeline's code; the timeline uses neither.
  ...layers({
    'src/pipeline/**': ['app', 'routes', 'features', 'components', 'lib!search'],
    'src/{lib,components}/**': ['app', 'routes', 'features'],
    'src/features/timeline/**': ['app', 'routes', 'features/articles', 'features/topics'],
    'src/features/articles/**': ['app', 'routes', 'features/topics'],
    'src/features/topics/**': ['app', 'routes', 'features/articles'],
  }),
  {
    // The address belongs to the router: only the app's start (which reads the address it was
    // prerendered for) and the share button (which copies it) look at the browser's location.
    files: ['src/**'],
    ignores: ['src/main.tsx', 'src/features/articles/components/share-button.tsx', '**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'location', message: 'Read the address from the router (useLocation, useSearch).' }],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'location', message: 'Read the address from the router (useLocation, useSearch).' },
        { object: 'globalThis', property: 'location', message: 'Read the address from the router (useLocation, useSearch).' },
      ],
    },
  },
  {
    // Playwright fixtures take `({}, use)`, which is not React's `use`; Vitest's asymmetric
    // matchers (expect.objectContaining) are typed `any`.
    files: ['e2e/**', '**/*.test.ts'],
    rules: {
      'react-hooks/rules-of-hooks': 'off',
      'no-empty-pattern': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
)
