// Builds and runs the apps of docs/getting-started.md and docs/react.md as a reader would: a fresh
// Vite app (the files `npm create vite@latest -- --template react-ts` makes, less its demo), the
// packages of the doc's own `npm install` lines with the packed tarballs in place of Attune's, the
// doc's app block pasted as `src/main.tsx`, then the template's build: `tsc` and `vite build`. The
// built app then runs once in happy-dom, with what a reader would do on it (press a button, switch
// the language), and must show its words with no error. It also checks that the Node.js and
// i18next versions the docs name are the ones the manifests declare. Run after `pnpm build`; it
// stops itself after two minutes; `--keep` keeps the apps it made.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { i18nextVersions } from './consumer/matrix.mjs';
import { publishedPackages, root } from './workspace.mjs';

const deadlineMs = 120_000;
// `--keep` leaves the apps in place, to look at what was built.
const keep = process.argv.includes('--keep');
const started = performance.now();
const seconds = (since = started) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

// What a reader does on each app once it shows, and what it must show then.
const apps = [
  {
    doc: 'docs/getting-started.md',
    async use({ document, until, click }) {
      await until('the first step in Spanish', () => text(document).includes('Un espacio seguro'));
      const before = text(document);
      click(
        [...document.querySelectorAll('button')].find((button) => /Listo/.test(button.textContent)),
      );
      await until('the progress after pressing the button', () => text(document) !== before);
    },
  },
  {
    doc: 'docs/react.md',
    async use({ document, until, choose }) {
      const settled = () => !document.querySelector('[aria-busy]');
      await until(
        'every part in English, with why the second step is locked',
        () => settled() && text(document).includes('Finish the step “A safe space”'),
      );
      const picker = [...document.querySelectorAll('select')].find((select) =>
        [...select.options].some((option) => option.value === 'es'),
      );
      choose(picker, 'es');
      // Every locked step names the steps it waits for in Spanish once their words arrive, whichever
      // card loads them, and no English step name is left.
      const english = stepTitles('en');
      await until('every part in Spanish, no English step name left', () => {
        const shown = text(document);
        return (
          settled() &&
          shown.includes('Terminar el paso “Un espacio seguro”') &&
          !english.some((title) => shown.includes(`“${title}”`))
        );
      });
    },
  },
];

/** The titles of the program's steps in a shipped locale. */
function stepTitles(locale) {
  const folder = join(root, 'packages/content/locales', locale);
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(join(folder, file), 'utf8')).step?.title)
    .filter((title) => typeof title === 'string');
}

/** The text a reader sees, once it is whole: no raw key such as `step.title` left on screen. */
function text(document) {
  const shown = document.body.textContent ?? '';
  return /\bstep\.title\b|\bstatus\.\w/.test(shown) ? '' : shown;
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'attune-docs-apps-'));
  const timer = setTimeout(() => {
    console.error(`FAIL docs apps: not done after ${deadlineMs / 1000} s`);
    rmSync(work, { recursive: true, force: true });
    process.exit(1);
  }, deadlineMs);
  let failed = false;
  try {
    failed = checkVersions();
    const tarballs = await pack(join(work, 'tarballs'));
    // The docs share their install lines; one install serves every app that has the same ones.
    const installed = new Map();
    for (const app of apps) {
      const markdown = readFileSync(join(root, app.doc), 'utf8');
      const dependencies = dependenciesOf(app.doc, markdown, tarballs);
      const key = JSON.stringify(dependencies);
      let dir = installed.get(key);
      if (!dir) {
        dir = join(work, `app-${installed.size + 1}`);
        const since = performance.now();
        createViteApp(dir, dependencies);
        await run('npm', npmInstall, dir);
        installed.set(key, dir);
        console.log(`ok   fresh Vite app installed for ${app.doc} (${seconds(since)})`);
      }
      const since = performance.now();
      writeFileSync(join(dir, 'src', 'main.tsx'), appBlock(app.doc, markdown));
      let step = 'tsc (the template build script type-checks first)';
      try {
        await run(
          'node',
          [join(dir, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'],
          dir,
        );
        step = 'vite build';
        await run(
          'node',
          [join(dir, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
          dir,
        );
        step = 'running the built app in happy-dom';
        await run('node', [join(root, 'scripts/docs-apps-test.mjs'), '--run', dir, app.doc], dir);
        console.log(`ok   ${app.doc}: its app type-checks, builds and runs (${seconds(since)})`);
      } catch (error) {
        failed = true;
        console.error(`FAIL ${app.doc}: ${step}: ${error.message}\n${error.output ?? ''}\n`);
      }
    }
  } catch (error) {
    failed = true;
    console.error(`FAIL docs apps: ${error.message}\n${error.output ?? ''}`);
  } finally {
    clearTimeout(timer);
    if (keep) console.log(`kept the apps in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  console.log(`docs apps test took ${seconds()}`);
  if (failed) process.exit(1);
}

const npmInstall = [
  'install',
  '--prefer-offline',
  '--no-audit',
  '--no-fund',
  '--ignore-scripts',
  '--loglevel=error',
];

/** Runs a command; on failure rejects with an error carrying everything it printed. */
function run(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(Object.assign(new Error(`${command} ${args.join(' ')} failed`), { output }));
    });
  });
}

/** Packs the published packages, as consumer-test.mjs does; the tarball of each, by package name. */
async function pack(dir) {
  mkdirSync(dir);
  for (const pkg of publishedPackages) {
    await run('pnpm', ['pack', '--pack-destination', dir], pkg.dir);
  }
  const files = readdirSync(dir);
  return Object.fromEntries(
    publishedPackages.map((pkg) => {
      const prefix = pkg.name.replace('@', '').replace('/', '-');
      const file = files.find((name) => name.startsWith(`${prefix}-`));
      if (!file) throw new Error(`pnpm pack produced no tarball for ${pkg.name}`);
      return [pkg.name, `file:${join(dir, file)}`];
    }),
  );
}

/** The fenced blocks of a Markdown file, with their language. */
function blocks(markdown) {
  return [...markdown.matchAll(/^```(\w*)[^\n]*\n([\s\S]*?)^```\s*$/gm)].map(([, lang, body]) => ({
    lang,
    body,
  }));
}

/** The doc's app: its one `tsx` block that mounts a root. */
function appBlock(doc, markdown) {
  const found = blocks(markdown).filter(
    (block) => block.lang === 'tsx' && block.body.includes('createRoot('),
  );
  if (found.length !== 1) {
    throw new Error(`${doc} should have one tsx block that mounts the app, has ${found.length}`);
  }
  return found[0].body;
}

/**
 * What the doc's `npm install` lines install, Attune's packages from the tarballs and the others at
 * their latest version, as npm would give them; on Node 20, the i18next the docs say to install
 * there. The template's own packages come on top: Vite and its React plugin, at the workspace's.
 */
function dependenciesOf(doc, markdown, tarballs) {
  const lines = blocks(markdown)
    .filter((block) => block.lang === 'sh')
    .flatMap((block) => block.body.split('\n'))
    .filter((line) => /^npm install\b/.test(line));
  if (lines.length === 0) throw new Error(`${doc} has no npm install line`);
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  const content = publishedPackages.find((pkg) => pkg.folder === 'content').manifest;
  const i18next = i18nextVersions(content.peerDependencies.i18next, nodeMajor).newest;
  const dependencies = {};
  const devDependencies = {
    vite: rootManifest().devDependencies.vite,
    '@vitejs/plugin-react': readJson('examples/web/package.json').devDependencies[
      '@vitejs/plugin-react'
    ],
  };
  for (const line of lines) {
    const words = line.replace(/#.*/, '').trim().split(/\s+/).slice(2);
    const into = words.includes('-D') ? devDependencies : dependencies;
    for (const name of words.filter((word) => !word.startsWith('-'))) {
      if (name.includes('@', 1)) throw new Error(`${doc}: read "${name}" as a name and a version`);
      into[name] = tarballs[name] ?? (name === 'i18next' ? i18next : 'latest');
    }
  }
  return { dependencies, devDependencies };
}

const readJson = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));
const rootManifest = () => readJson('package.json');

/** The files of Vite's react-ts template that matter to a build, with `src/main.tsx` to come. */
function createViteApp(dir, { dependencies, devDependencies }) {
  mkdirSync(join(dir, 'src'), { recursive: true });
  const files = {
    'package.json': {
      name: 'attune-docs-app',
      private: true,
      type: 'module',
      scripts: { dev: 'vite', build: 'tsc -b && vite build' },
      dependencies,
      devDependencies,
    },
    'tsconfig.json': {
      compilerOptions: {
        target: 'ES2022',
        useDefineForClassFields: true,
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        module: 'ESNext',
        types: ['vite/client'],
        skipLibCheck: true,
        moduleResolution: 'bundler',
        allowImportingTsExtensions: true,
        verbatimModuleSyntax: true,
        moduleDetection: 'force',
        noEmit: true,
        jsx: 'react-jsx',
        strict: true,
        noUnusedLocals: true,
        noUnusedParameters: true,
        erasableSyntaxOnly: true,
        noFallthroughCasesInSwitch: true,
        noUncheckedSideEffectImports: true,
      },
      include: ['src'],
    },
  };
  for (const [name, value] of Object.entries(files)) {
    writeFileSync(join(dir, name), `${JSON.stringify(value, null, 2)}\n`);
  }
  writeFileSync(
    join(dir, 'vite.config.js'),
    "import react from '@vitejs/plugin-react';\nimport { defineConfig } from 'vite';\n\nexport default defineConfig({ plugins: [react()] });\n",
  );
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html>\n<html lang="en">\n  <head><meta charset="UTF-8" /><title>Attune</title></head>\n  <body>\n    <div id="root"></div>\n    <script type="module" src="/src/main.tsx"></script>\n  </body>\n</html>\n',
  );
}

/**
 * The Node.js and i18next versions the docs name are those of the manifests: every package's
 * `engines.node`, `@attune/content`'s i18next peer, and, for Node 20, the newest i18next that
 * declares it (the one the consumer test installs there).
 */
function checkVersions() {
  const problems = [];
  const engines = new Set(
    [rootManifest(), ...publishedPackages.map((pkg) => pkg.manifest)].map((m) => m.engines?.node),
  );
  if (engines.size !== 1)
    problems.push(`the manifests declare several Node ranges: ${[...engines]}`);
  const node = /^>=(\d+\.\d+)$/.exec([...engines][0] ?? '')?.[1];
  const content = publishedPackages.find((pkg) => pkg.folder === 'content').manifest;
  const floor = /\d+/.exec(content.peerDependencies.i18next)?.[0];
  const forNode20 = i18nextVersions(content.peerDependencies.i18next, 20).newest.replace(/\D+/, '');
  const says = {
    'docs/getting-started.md': [
      `Node.js ${node} or later`,
      `i18next ${floor} or later`,
      `i18next@${forNode20.split('.')[0]}`,
    ],
    'docs/react.md': [`On Node 20: i18next@${forNode20.split('.')[0]}`],
    'README.md': [`Node.js ${node} or later`, `i18next@${forNode20.split('.')[0]}`],
    'packages/content/README.md': [`i18next (${floor} or later)`],
    'packages/react/README.md': [`(${floor} or later)`],
  };
  for (const [file, phrases] of Object.entries(says)) {
    const markdown = readFileSync(join(root, file), 'utf8').replace(/\s+/g, ' ');
    for (const phrase of phrases) {
      if (!markdown.includes(phrase)) problems.push(`${file} should say "${phrase}"`);
    }
  }
  if (problems.length > 0) {
    console.error(
      `FAIL the docs and the manifests name different versions:\n${problems.join('\n')}`,
    );
    return true;
  }
  console.log(`ok   the docs name Node.js ${node}+ and i18next ${floor}+, as the manifests do`);
  return false;
}

/** In a child process: loads the built app into happy-dom, lets a reader use it, fails on errors. */
async function runBuiltApp(dir, doc) {
  const { Window } = await import('happy-dom');
  const window = new Window({
    url: 'http://localhost/',
    settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  window.document.body.innerHTML = '<div id="root"></div>';
  for (const key of Object.getOwnPropertyNames(window)) {
    if (!(key in globalThis)) globalThis[key] = window[key];
  }
  for (const key of ['window', 'document', 'navigator', 'location']) {
    Object.defineProperty(globalThis, key, { value: window[key], configurable: true });
  }
  const errors = [];
  const record = (error) => errors.push(error instanceof Error ? error.stack : String(error));
  console.error = (...args) => record(args.join(' '));
  process.on('uncaughtException', record);
  process.on('unhandledRejection', record);

  // The first step's words arrive last, as they may over a network: the cards that name that step
  // must then complete themselves.
  register(
    `data:text/javascript,${encodeURIComponent(`
      export async function load(url, context, next) {
        if (/\\/safe-space-[\\w-]+\\.js$/.test(url)) await new Promise((r) => setTimeout(r, 300));
        return next(url, context);
      }`)}`,
  );
  const html = readFileSync(join(dir, 'dist', 'index.html'), 'utf8');
  const entry = /<script type="module" crossorigin src="\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('dist/index.html has no module script');
  await import(pathToFileURL(join(dir, 'dist', entry)).href);

  const { document } = window;
  const until = async (what, condition) => {
    for (const since = Date.now(); Date.now() - since < 10_000; ) {
      if (errors.length > 0) break;
      if (condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`${doc} never showed ${what}; it shows: ${document.body.textContent}`);
  };
  const click = (element) =>
    element.dispatchEvent(new window.MouseEvent('click', { bubbles: true }));
  const choose = (select, value) => {
    select.value = value;
    select.dispatchEvent(new window.Event('change', { bubbles: true }));
  };
  let failure;
  try {
    await apps.find((app) => app.doc === doc).use({ document, until, click, choose });
  } catch (error) {
    failure = error;
  }
  await window.happyDOM.abort();
  if (errors.length > 0) process.stderr.write(`the app reported errors:\n${errors.join('\n')}\n`);
  if (failure) process.stderr.write(`${failure.stack ?? failure}\n`);
  // Exits at once: the app's timers (a practice's clock) would keep the process alive.
  process.exit(failure || errors.length > 0 ? 1 : 0);
}

if (process.argv[2] === '--run') {
  await runBuiltApp(process.argv[3], process.argv[4]);
} else {
  await main();
}
