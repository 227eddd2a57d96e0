// Builds the app's Android and iOS bundles offline, the way a release build does (Metro, then
// Hermes bytecode), and checks what is inside each: every import resolved (else the export fails),
// the English words are in it, and no other locale's words are. Run by `pnpm test:mobile`; no
// device, simulator, Xcode or network needed.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const app = join(dirname(fileURLToPath(import.meta.url)), '..');
const localesDir = join(app, '..', '..', 'packages', 'content', 'locales');
const bundled = 'en';
const platforms = ['android', 'ios'];
const sample = 60;
const out = (line) => process.stdout.write(`${line}\n`);
const short = (text) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);
const failures = [];

/** Builds one platform's bundle and checks which locales' words are in it. */
function checkPlatform(platform) {
  const started = Date.now();
  rmSync(join(app, 'dist'), { recursive: true, force: true });
  const expo = createRequire(join(app, 'package.json')).resolve('expo/bin/cli');
  execFileSync(
    process.execPath,
    [
      expo,
      'export',
      '--platform',
      platform,
      '--output-dir',
      'dist',
      '--source-maps',
      '--max-workers',
      '2',
    ],
    {
      cwd: app,
      stdio: ['ignore', 'ignore', 'inherit'],
      // Offline: no version check or sign-in with Expo's servers; CI keeps Metro from watching.
      env: { ...process.env, CI: '1', EXPO_OFFLINE: '1', EXPO_NO_TELEMETRY: '1' },
      timeout: 10 * 60_000,
    },
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  const bundleDir = join(app, 'dist', '_expo', 'static', 'js', platform);
  const file = readdirSync(bundleDir).find((name) => name.endsWith('.hbc'));
  if (!file) throw new Error(`No Hermes bundle in ${bundleDir}`);
  const bundle = readFileSync(join(bundleDir, file));
  const map = JSON.parse(readFileSync(join(bundleDir, `${file}.map`), 'utf8'));
  out(
    `bundle  dist/_expo/static/js/${platform}/${file}: ${(bundle.length / 1024).toFixed(0)} KiB, ` +
      `${(gzipSync(bundle).length / 1024).toFixed(0)} KiB gzipped, ${map.sources.length} modules, built in ${seconds} s`,
  );

  // Which of the content package's loader tables are in: only the one-locale entry may be.
  const tables = map.sources.filter((source) =>
    /packages\/content\/src\/generated\/(loaders|deck-loaders|locales\/[^/]+)\.ts$/.test(source),
  );
  const expectedTable = `packages/content/src/generated/locales/${bundled}.ts`;
  if (tables.length !== 1 || !tables[0].endsWith(expectedTable)) {
    failures.push(
      `expected only ${expectedTable} of the loader tables, found: ${tables.join(', ')}`,
    );
  }
  out(`tables  ${tables.map((source) => source.replace(/^.*packages\//, 'packages/')).join(', ')}`);

  /** Every text of a locale's files, programme and decks. */
  function textsOf(locale) {
    const texts = [];
    const walk = (value) => {
      if (typeof value === 'string') texts.push(value);
      else if (value && typeof value === 'object')
        for (const child of Object.values(value)) walk(child);
    };
    for (const name of readdirSync(join(localesDir, locale))) {
      if (name.endsWith('.json'))
        walk(JSON.parse(readFileSync(join(localesDir, locale, name), 'utf8')));
    }
    return texts;
  }

  // Hermes keeps an ASCII string as bytes and any other as UTF-16: look for both.
  const inBundle = (text) =>
    bundle.includes(Buffer.from(text, 'utf8')) || bundle.includes(Buffer.from(text, 'utf16le'));

  const locales = readdirSync(localesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const textsByLocale = new Map(locales.map((locale) => [locale, textsOf(locale)]));

  for (const locale of locales) {
    const others = new Set(
      locales.filter((other) => other !== locale).flatMap((other) => textsByLocale.get(other)),
    );
    // Texts only this locale has, long enough that code cannot hold them by chance; the longest first.
    const own = [...new Set(textsByLocale.get(locale))]
      .filter((text) => text.length >= 16 && !others.has(text))
      .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
      .slice(0, sample);
    const found = own.filter(inBundle);
    if (locale === bundled) {
      // The check can see the words at all: every one of the bundled locale's is there.
      if (found.length !== own.length) {
        failures.push(
          `${platform}, ${locale}: ${own.length - found.length} of ${own.length} texts are missing, such as "${short(own.find((text) => !inBundle(text)))}"`,
        );
      }
      out(
        `${found.length === own.length ? 'ok' : 'FAIL'}      ${platform}: ${locale} is in: ${found.length} of ${own.length} of its texts found`,
      );
    } else {
      if (found.length > 0) {
        failures.push(
          `${platform}, ${locale}: ${found.length} of its texts are in the bundle, such as "${short(found[0])}"`,
        );
      }
      out(
        `${found.length === 0 ? 'ok' : 'FAIL'}      ${platform}: ${locale} is out: ${found.length} of ${own.length} of its texts found`,
      );
    }
  }
}

for (const platform of platforms) checkPlatform(platform);

if (failures.length > 0) {
  for (const failure of failures) process.stderr.write(`FAIL ${failure}\n`);
  process.exit(1);
}
