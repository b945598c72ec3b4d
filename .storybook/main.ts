import type { StorybookConfig } from '@storybook/react-vite'

/**
 * Storybook for react-plex-auth: every state of every component, on a mocked plex.tv
 * (msw + `createPlexHandlers` from src/testing). Stories live in /stories.
 *
 * The root vite.config.ts is the library build. Storybook's vite builder already drops its
 * `build` block (lib entry, externals); here we also drop the plugin that emits the stylesheets into
 * the library's dist, so `storybook build` emits only the static site.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/react-vite', options: {} },
  // The msw worker (`npx msw init .storybook/public --save=false`). Not the repo's public/:
  // Vite copies public/ into the library's dist.
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: {
    // Follows the props picked from usePlexLogin's options (mode, forwardUrl, ...) with their JSDoc;
    // leaves out the ~250 inherited <button> attributes.
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      include: ['src/**/*.tsx'],
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
    },
  },
  async viteFinal(viteConfig) {
    const drop = new Set(['react-plex-auth:styles'])
    const plugins = (viteConfig.plugins ?? []).flat().filter((plugin) => {
      const name = plugin && typeof plugin === 'object' && 'name' in plugin ? plugin.name : undefined
      return !(name && drop.has(name))
    })
    // Belt and braces: never a library build (the builder already ignores the root `build`).
    // The preview bundles React, axe and the docs blocks: large chunks are expected here.
    const build = { ...viteConfig.build, lib: false as const, chunkSizeWarningLimit: 2048 }
    return { ...viteConfig, plugins, build }
  },
}

export default config
