// The network map: Natural Earth shapes (world-atlas, served by this site: no tile server) shaded by coopérants in post.
(function () {
  var box = document.getElementById('coop-map-box'), el = document.getElementById('coop-map');
  if (!box || !window.L || !window.topojson || !window.fetch) return;
  var data = JSON.parse(document.getElementById('coop-map-data').textContent);
  var bounds = el.getAttribute('data-classes').split(',').map(Number);
  var tip = el.getAttribute('data-tooltip'), url = el.getAttribute('data-country-url');
  function shade(n) {
    if (!n) return 0;
    for (var i = 0; i < bounds.length; i++) if (n <= bounds[i]) return i + 1;
    return bounds.length;
  }
  box.hidden = false;
  var map = L.map(el, { minZoom: 1, maxZoom: 6, maxBounds: [[-65, -220], [88, 220]] }).setView([15, 10], 2);
  map.attributionControl.setPrefix(false).addAttribution('Natural Earth');
  fetch(el.getAttribute('data-atlas')).then(function (r) { return r.json(); }).then(function (atlas) {
    L.geoJSON(topojson.feature(atlas, atlas.objects.countries), {
      // Antarctica (010) takes a third of a Mercator map and hosts nobody.
      filter: function (f) { return f.id !== '010'; },
      style: function (f) {
        var d = data[f.id];
        return { className: 'coop-c' + shade(d && d.count), weight: 0.6, color: '#fff', fillOpacity: 1 };
      },
      onEachFeature: function (f, layer) {
        var d = data[f.id];
        if (!d) return;
        var label = document.createElement('span');
        label.textContent = tip.replace('{0}', d.name).replace('{1}', d.count);
        layer.bindTooltip(label, { sticky: true });
        layer.on('click', function () { window.location.href = url + d.iso2; });
      }
    }).addTo(map);
  });
})();
