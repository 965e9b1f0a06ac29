// Generates custom-elements.json from the JSDoc of the element classes.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/**/messages.ts', 'src/**/messages/**'],
  outdir: '.',
  litelement: true,
  dev: false,
  packagejson: false,
  plugins: [
    {
      // The analyzer lists modules in the order the file system hands them
      // over, which can change from one run to the next; CI compares the file
      // with a fresh one, so the order must not depend on that.
      name: 'dealkit-sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};
