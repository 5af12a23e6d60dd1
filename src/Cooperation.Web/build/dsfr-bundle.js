// Builds the one stylesheet of the design system the pages load, trimmed for a 256 kbit/s link: the core (minus the
// fonts no page uses), the components the pages use, and the icons they name (scanned in the sources), with the
// icons' and fonts' addresses made relative to the bundle. (The build compresses it, brotli and gzip, with the other assets.)
// Beside it, only the icon files the bundle points to: every file of wwwroot is a static asset endpoint (three with its
// compressed forms) that the application builds at start, and the design system ships some 1,000 icons.
// Usage: node dsfr-bundle.js DSFR_DIST SOURCES_DIR DESTINATION_CSS
'use strict';
const fs = require('fs');
const path = require('path');

const [dist, sources, destination] = process.argv.slice(2);

// The components the pages use (Features/**/*.cshtml): add one here when a page starts using it.
const components = [
  'alert', 'badge', 'breadcrumb', 'button', 'callout', 'card', 'checkbox', 'footer', 'form', 'header', 'input', 'link',
  'logo', 'modal', 'navigation', 'pagination', 'radio', 'select', 'skiplink', 'summary', 'table', 'tag', 'upload',
];
// Marianne regular and bold only: light and medium fall back to them, italics are synthesized (two fonts, not sixteen).
const keptFonts = ['Marianne-Regular.woff2', 'Marianne-Bold.woff2'];

const read = file => fs.readFileSync(path.join(dist, file), 'utf8');

/** The top-level rules of a stylesheet (an at-rule with its block counts as one). */
function rules(css) {
  const out = [];
  let depth = 0, start = 0;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === '/' && css[i + 1] === '*') { const end = css.indexOf('*/', i + 2); i = end < 0 ? css.length : end + 1; if (depth === 0) start = i + 1; continue; }
    if (c === '{') depth++;
    else if (c === '}') { depth--; if (depth === 0) { out.push(css.slice(start, i + 1).trim()); start = i + 1; } }
    else if (c === ';' && depth === 0) { out.push(css.slice(start, i + 1).trim()); start = i + 1; }
  }
  return out.filter(r => r.length > 0);
}

// The core, without the @font-face of fonts no page loads.
const core = rules(read('core/core.main.min.css')).filter(rule => {
  if (!rule.startsWith('@font-face')) return true;
  return keptFonts.some(font => rule.includes(`/${font})`));
}).map(rule => rule.startsWith('@font-face') ? rule.replace(/src:[^;}]*/, s => s.split(',').filter(u => u.includes('.woff2')).join(',')) : rule);

const componentCss = components.map(name => read(`component/${name}/${name}.main.min.css`));

// Every class of the design system named anywhere in the pages, their code or scripts; the icons among them.
const classes = new Set();
(function scan(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) scan(full);
    else if (/\.(cshtml|cs|js)$/.test(entry.name)) for (const m of fs.readFileSync(full, 'utf8').matchAll(/fr-[a-z0-9_-]+/g)) classes.add(m[0]);
  }
})(sources);
const used = new Set([...classes].filter(c => c.startsWith('fr-icon-')));
// A class written in parts (fr-badge--@(...), Forms.Group's "{css}--error"): its state variants of a class in use count as used.
const states = ['error', 'valid', 'warning', 'info', 'success', 'new', 'no-icon', 'sm'];
const isUsed = name => classes.has(name) || (name.includes('--') && states.includes(name.split('--').pop()) && classes.has(name.split('--')[0]));

/**
 * A rule without the selectors that name a class no page uses (the grid, spacing and colour utilities for every
 * breakpoint, the variants of the components that are not used); a rule left with none is dropped. At-rules are pruned inside.
 */
function prune(rule) {
  if (rule.startsWith('@media') || rule.startsWith('@supports')) {
    const open = rule.indexOf('{');
    const inner = rules(rule.slice(open + 1, -1)).map(prune).filter(Boolean);
    return inner.length ? rule.slice(0, open + 1) + inner.join('') + '}' : null;
  }
  if (rule.startsWith('@')) return rule;
  const open = rule.indexOf('{');
  if (open < 0) return rule;
  const selectors = rule.slice(0, open).split(/,(?![^(]*\))/);
  const kept = selectors.filter(selector => [...selector.matchAll(/\.(fr-[a-z0-9_-]+)/g)].every(m => isUsed(m[1])));
  return kept.length ? kept.join(',') + rule.slice(open) : null;
}
const icons = rules(read('utility/icons/icons.main.min.css')).flatMap(rule => {
  const brace = rule.indexOf('{');
  if (rule.startsWith('@') || brace < 0) return [];
  const selectors = rule.slice(0, brace).split(',');
  const named = selectors.filter(s => /\.fr-icon-[a-z0-9-]+/.test(s));
  const kept = named.filter(s => used.has(s.match(/\.(fr-icon-[a-z0-9-]+)/)[1]));
  if (named.length === 0 || kept.length === 0) return [];
  return [kept.join(',') + rule.slice(brace)];
});

const pruned = [core.join(''), ...componentCss].map(css => rules(css).map(prune).filter(Boolean).join(''));
const css = [...pruned, icons.join('')].join('\n')
  .replace(/\/\*![\s\S]*?\*\//g, '')
  .replace(/url\((["']?)(?:\.\.\/)+fonts\//g, 'url($1fonts/')
  .replace(/url\((["']?)(?:\.\.\/)+icons\//g, 'url($1icons/');
const banner = '/*! DSFR (MIT licence), trimmed to what Coopération uses: build/dsfr-bundle.js */\n';
const bundle = Buffer.from(banner + css, 'utf8');

fs.mkdirSync(path.dirname(destination), { recursive: true });
fs.writeFileSync(destination, bundle);
const iconFiles = [...new Set([...css.matchAll(/url\(["']?icons\/([^"')]+)["']?\)/g)].map(m => m[1]))].sort();
const iconsDir = path.join(path.dirname(destination), 'icons');
fs.rmSync(iconsDir, { recursive: true, force: true });
for (const file of iconFiles) {
  fs.mkdirSync(path.dirname(path.join(iconsDir, file)), { recursive: true });
  fs.copyFileSync(path.join(dist, 'icons', file), path.join(iconsDir, file));
}
console.log(`dsfr bundle: ${bundle.length} bytes, ${used.size} icons named, ${iconFiles.length} icon files`);
