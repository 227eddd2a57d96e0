// Metro for the example inside the Attune monorepo. Three things differ from a plain Expo app:
// - `@attune/content` resolves to its English-only entry, so the bundle holds one locale's words
//   (an app outside the monorepo needs only this one);
// - the workspace packages resolve to their TypeScript sources (the `@attune/source` condition),
//   whose imports name `.js` files, so no build is needed first;
// - `react` always resolves to this app's copy: the workspace's other packages use a newer React
//   than React Native 0.79's renderer, and two copies of React break every hook.
const { getDefaultConfig } = require('expo/metro-config');

const config = getDefaultConfig(__dirname);
const locale = 'en';
const appRequire = (name) => require.resolve(name, { paths: [__dirname] });

config.resolver.unstable_conditionNames = [
  '@attune/source',
  ...config.resolver.unstable_conditionNames,
];

const resolveRequest = config.resolver.resolveRequest;
config.resolver.resolveRequest = (context, moduleName, platform) => {
  const resolve = resolveRequest ?? context.resolveRequest;
  if (moduleName === '@attune/content') {
    return resolve(context, `@attune/content/locales/${locale}`, platform);
  }
  if (moduleName === 'react' || moduleName.startsWith('react/')) {
    return { type: 'sourceFile', filePath: appRequire(moduleName) };
  }
  try {
    return resolve(context, moduleName, platform);
  } catch (error) {
    // A TypeScript source importing `./x.js` means `./x.ts`.
    if (moduleName.startsWith('.') && moduleName.endsWith('.js')) {
      return resolve(context, moduleName.slice(0, -'.js'.length), platform);
    }
    throw error;
  }
};

module.exports = config;
