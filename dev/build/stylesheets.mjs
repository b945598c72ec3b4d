/**
 * The package's stylesheets: dist file name → source. The one list of them: the build emits each
 * (vite.config.ts), the size check measures each (test/size), the package tests check each (exported,
 * self-contained, within budget), and the demo and the end-to-end app resolve
 * `react-plex-auth/<name>` through it. Each source starts with `@import` of src/palette.css, which
 * the build inlines, so every dist stylesheet works imported alone.
 *
 * Adding one: a line here, its `"./<name>"` in package.json "exports", its budget in
 * test/size/budgets.mjs.
 */
export const stylesheets = {
  'styles.css': 'src/styles.css',
  'link-code.css': 'src/linkCode/linkCode.css',
  'server-picker.css': 'src/serverPicker/serverPicker.css',
  'profile-picker.css': 'src/profilePicker/profilePicker.css',
  'account-menu.css': 'src/accountMenu/accountMenu.css',
  'image.css': 'src/image/image.css',
}
