// Slims world-atlas's countries-110m.json for the network map, which must stay light on a 256 kbit/s link:
// drops the "land" outline, Antarctica (nobody is posted there) and the English names (the page brings its own),
// then coarsens the quantized coordinates (the map stops at zoom 5, where a pixel is about as wide as the new step).
// Shapes keep their ISO 3166-1 numeric ids. Usage: node slim-world-atlas.js SOURCE DESTINATION [FACTOR]
'use strict';
const fs = require('fs');
const path = require('path');

const [source, destination, factorArg] = process.argv.slice(2);
const factor = Number(factorArg || 20);
const topology = JSON.parse(fs.readFileSync(source, 'utf8'));

const countries = topology.objects.countries;
countries.geometries = countries.geometries
  .filter(g => g.id !== '010')
  .map(g => ({ type: g.type, id: g.id, arcs: g.arcs }));
topology.objects = { countries };

// Keep only the arcs still used, renumbered (a negative index ~i means arc i reversed).
const used = new Set();
const collect = a => a.forEach(x => (typeof x === 'number' ? used.add(x < 0 ? ~x : x) : collect(x)));
countries.geometries.forEach(g => collect(g.arcs));
const kept = [...used].sort((a, b) => a - b);
const index = new Map(kept.map((old, i) => [old, i]));
const renumber = a => a.map(x => (typeof x === 'number' ? (x < 0 ? ~index.get(~x) : index.get(x)) : renumber(x)));
countries.geometries.forEach(g => { g.arcs = renumber(g.arcs); });

// Arcs are delta-encoded integers: rebuild absolute positions, divide, round, delta-encode again without repeats.
topology.transform.scale = topology.transform.scale.map(s => s * factor);
topology.arcs = kept.map(i => {
  let x = 0, y = 0, px = null, py = null;
  const arc = [];
  for (const [dx, dy] of topology.arcs[i]) {
    x += dx; y += dy;
    const qx = Math.round(x / factor), qy = Math.round(y / factor);
    if (px === null) arc.push([qx, qy]);
    else if (qx !== px || qy !== py) arc.push([qx - px, qy - py]);
    else continue;
    px = qx; py = qy;
  }
  if (arc.length < 2) arc.push([0, 0]);
  return arc;
});
delete topology.bbox;

fs.mkdirSync(path.dirname(destination), { recursive: true });
fs.writeFileSync(destination, JSON.stringify(topology));
console.log(`${path.basename(destination)}: ${countries.geometries.length} countries, ${topology.arcs.length} arcs, ${fs.statSync(destination).size} bytes`);
