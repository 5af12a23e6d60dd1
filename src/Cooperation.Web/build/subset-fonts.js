// Cuts the Marianne fonts the pages load down to the characters French, English and the partner countries' names in
// Latin script use (Latin-1, Latin Extended-A, typographic punctuation, the euro sign): about half their weight, for
// a 256 kbit/s link. A character outside falls back to the system's sans-serif. Usage: node subset-fonts.js SOURCE_DIR DESTINATION_DIR FONT...
'use strict';
const fs = require('fs');
const path = require('path');
const subsetFont = require('subset-font');

const [source, destination, ...fonts] = process.argv.slice(2);
const ranges = [[0x20, 0x7e], [0xa0, 0x17f], [0x2010, 0x2027], [0x2030, 0x203a], [0x20ac, 0x20ac], [0x2122, 0x2122], [0x2212, 0x2212]];
const text = ranges.map(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)).join('')).join('');

(async () => {
  fs.mkdirSync(destination, { recursive: true });
  for (const font of fonts) {
    const original = fs.readFileSync(path.join(source, font));
    const subset = await subsetFont(original, text, { targetFormat: 'woff2' });
    fs.writeFileSync(path.join(destination, font), subset);
    console.log(`${font}: ${original.length} -> ${subset.length} bytes`);
  }
})().catch(error => { console.error(error); process.exit(1); });
