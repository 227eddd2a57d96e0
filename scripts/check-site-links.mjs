// Checks every internal link and anchor of the built documentation site (`pnpm docs` writes it to
// site/): a link to a missing page or to an id the page does not have fails `pnpm test`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { root } from './workspace.mjs';

const site = join(root, 'site');
if (!existsSync(join(site, 'index.html'))) {
  console.error('FAIL site/index.html is missing: run `pnpm docs` first.');
  process.exit(1);
}

function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

const pages = htmlFiles(site);
const ids = new Map();
const idsOf = (file) => {
  if (!ids.has(file)) {
    const html = readFileSync(file, 'utf8');
    ids.set(file, new Set([...html.matchAll(/\s(?:id|name)="([^"]+)"/g)].map((match) => match[1])));
  }
  return ids.get(file);
};

const broken = [];
let checked = 0;
for (const page of pages) {
  const html = readFileSync(page, 'utf8');
  for (const [, href] of html.matchAll(/\shref="([^"]*)"/g)) {
    if (/^(?:[a-z][a-z+.-]*:|\/\/)/i.test(href) || href === '') continue;
    checked++;
    const [path, anchor] = href.split('#');
    const target = path ? resolve(dirname(page), decodeURI(path)) : page;
    if (!existsSync(target)) {
      broken.push(`${relative(site, page)}: ${href} (no such file)`);
      continue;
    }
    // typedoc fills hierarchy.html in the browser, so its anchors exist only at run time.
    const builtInBrowser = target.endsWith('hierarchy.html');
    if (
      anchor &&
      target.endsWith('.html') &&
      !builtInBrowser &&
      !idsOf(target).has(decodeURIComponent(anchor))
    ) {
      broken.push(`${relative(site, page)}: ${href} (no element with id "${anchor}")`);
    }
  }
}

if (broken.length > 0) {
  console.error(`FAIL ${broken.length} broken internal link(s) in site/:\n${broken.join('\n')}`);
  process.exit(1);
}
console.log(`ok   ${checked} internal links in ${pages.length} pages of site/ resolve`);
