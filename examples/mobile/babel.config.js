// Expo's preset, which Metro uses; Jest (NODE_ENV=test) also turns lazy `import()`s into
// `require`s, which Metro does itself when it bundles.
module.exports = (api) => {
  api.cache(true);
  return {
    presets: ['babel-preset-expo'],
    env: { test: { plugins: ['@babel/plugin-transform-dynamic-import'] } },
  };
};
