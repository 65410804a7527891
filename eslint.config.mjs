// ESLint for the map client (static/) and its tests (tests/js/).
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['static/vendor/**', 'static/basemap/**', 'static/generated/**'] },  // copied or generated at run time (the sources are linted)
  js.configs.recommended,
  {
    files: ['static/**/*.js'],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: 'script',
      globals: { ...globals.browser, module: 'readonly', require: 'readonly', L: 'readonly', AtlasMap: 'readonly' },
    },
    rules: { 'no-var': 'error', 'prefer-const': 'error', eqeqeq: 'error', 'no-implicit-globals': 'error' },
  },
  {
    files: ['tests/js/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { 'no-var': 'error', 'prefer-const': 'error', eqeqeq: 'error' },
  },
];
