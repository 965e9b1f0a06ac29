// Generates custom-elements.json from the JSDoc of the element classes.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/**/messages.ts', 'src/**/messages/**'],
  outdir: '.',
  litelement: true,
  dev: false,
  packagejson: false,
};
