// Jest with Expo's preset, resolving as metro.config.js does: `@attune/content` to its English-only
// entry, the workspace packages to their TypeScript sources, and `react` to this app's copy.
const path = require('node:path');

const reactDir = path.dirname(require.resolve('react/package.json', { paths: [__dirname] }));
const contentManifest = require.resolve('@attune/content/package.json', { paths: [__dirname] });
const englishOnly = path.join(
  path.dirname(contentManifest),
  require(contentManifest).exports['./locales/en']['@attune/source'],
);

/** @type {import('jest').Config} */
module.exports = {
  preset: 'jest-expo/android',
  testEnvironment: '<rootDir>/jest/environment.js',
  testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
  moduleNameMapper: {
    '^@attune/content$': englishOnly,
    '^react$': reactDir,
    '^react/(.*)$': `${reactDir}/$1`,
    // A TypeScript source importing `./x.js` means `./x.ts`.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  // pnpm keeps packages under node_modules/.pnpm/<name@version>/node_modules/<name>: transform
  // React Native's and Expo's there too, as Expo's preset does for a flat node_modules.
  transformIgnorePatterns: [
    '/node_modules/(?!(\\.pnpm/[^/]+/node_modules/)?((jest-)?react-native|@react-native(-community)?|expo(nent)?|@expo(nent)?/.*|expo-.*|@testing-library/.*)(/|$))',
  ],
};
