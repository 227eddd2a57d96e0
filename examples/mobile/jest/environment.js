// React Native's Jest environment, resolving the workspace packages to their TypeScript sources
// (the `@attune/source` export condition), as Metro does in metro.config.js.
// biome-ignore lint/suspicious/noReactNativeDeepImports: the preset's environment has no other entry.
const ReactNativeEnvironment = require('react-native/jest/react-native-env.js');

module.exports = class AttuneEnvironment extends ReactNativeEnvironment {
  customExportConditions = ['@attune/source', 'require', 'react-native'];
};
