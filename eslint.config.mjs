// ESLint for the map client (static/) and its tests (tests/js/).
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['static/vendor/**'] }, // Leaflet's own files, copied there by the app (git ignores them)
  js.configs.recommended,
  {
    files: ['static/**/*.js'],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: 'script',
      globals: { ...globals.browser, module: 'readonly', L: 'readonly', AtlasMap: 'readonly' },
    },
    rules: { 'no-var': 'error', 'prefer-const': 'error', eqeqeq: 'error', 'no-implicit-globals': 'error' },
  },
  {
    files: ['tests/js/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { 'no-var': 'error', 'prefer-const': 'error', eqeqeq: 'error' },
  },
];
