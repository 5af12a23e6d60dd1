// The shaded world map (Features/Shared/_WorldMap.cshtml): Natural Earth shapes (world-atlas, served by this site: no
// tile server) painted in the class the server gave each country (c), with its tooltip (t); a click opens its page (href).
(function () {
  var box = document.getElementById('coop-map-box'), el = document.getElementById('coop-map');
  if (!box || !window.L || !window.fetch) return;
  var data = JSON.parse(document.getElementById('coop-map-data').textContent);
  // Rings cut at the antimeridian (Russia, Fiji) jump from 180 to -180: keep each on one side, or it streaks the map.
  function unwrap(ring) {
    var shift = 0, sum = 0, out = ring.map(function (c, i) {
      var step = i ? c[0] - ring[i - 1][0] : 0;
      if (step > 180) shift -= 360; else if (step < -180) shift += 360;
      sum += c[0] + shift;
      return [c[0] + shift, c[1]];
    });
    var back = sum / out.length > 180 ? -360 : sum / out.length < -180 ? 360 : 0;
    return back ? out.map(function (c) { return [c[0] + back, c[1]]; }) : out;
  }
  // TopoJSON to GeoJSON (what topojson-client's feature() does, for polygons only, in a few lines rather than 7 KB):
  // arcs are delta-encoded integers shared by neighbours; a negative index ~i means arc i reversed.
  function features(topo) {
    var s = topo.transform.scale, t = topo.transform.translate;
    var arcs = topo.arcs.map(function (arc) {
      var x = 0, y = 0;
      return arc.map(function (p) { x += p[0]; y += p[1]; return [x * s[0] + t[0], y * s[1] + t[1]]; });
    });
    function ring(ids) {
      var points = [];
      ids.forEach(function (i) {
        var a = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
        points.push.apply(points, points.length ? a.slice(1) : a);
      });
      return unwrap(points);
    }
    function polygon(rings) { return rings.map(ring); }
    return topo.objects.countries.geometries.filter(function (g) { return /Polygon$/.test(g.type); }).map(function (g) {
      return { type: 'Feature', id: g.id, properties: {},
        geometry: { type: g.type, coordinates: g.type === 'Polygon' ? polygon(g.arcs) : g.arcs.map(polygon) } };
    });
  }
  box.hidden = false;
  var map = L.map(el, { minZoom: 1, maxZoom: 5, maxBounds: [[-65, -220], [88, 220]] }).setView([15, 10], 2);
  map.attributionControl.setPrefix(false).addAttribution('Natural Earth');
  fetch(el.getAttribute('data-atlas')).then(function (r) { return r.json(); }).then(function (atlas) {
    var shapes = features(atlas), drawn = {};
    shapes.forEach(function (f) { drawn[f.id] = true; });
    var missing = Object.keys(data).filter(function (id) { return !drawn[id]; })
      .map(function (id) { return data[id].t; });
    var note = document.getElementById('coop-map-missing');
    if (missing.length && note) { note.textContent = note.getAttribute('data-label') + ' ' + missing.join(', '); note.hidden = false; }
    L.geoJSON(shapes, {
      style: function (f) {
        var d = data[f.id];
        return { className: 'coop-c' + (d ? d.c : 0), weight: 0.6, color: '#fff', fillOpacity: 1 };
      },
      onEachFeature: function (f, layer) {
        var d = data[f.id];
        if (!d) return;
        var label = document.createElement('span');
        label.textContent = d.t;
        layer.bindTooltip(label, { sticky: true });
        if (d.href) layer.on('click', function () { window.location.href = d.href; });
      }
    }).addTo(map);
  });
})();
