// The jobs page follows its running jobs: every few seconds, while one is queued or running, the list is read again
// and replaced (the region is aria-live, so a screen reader hears the change). Without script, the "Actualiser" link.
(function () {
  var region = document.getElementById('report-jobs');
  if (!region) return;
  function follow() {
    if (region.getAttribute('data-active') !== 'true') return;
    setTimeout(function () {
      fetch(location.pathname, { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.text() : null; }).then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('report-jobs');
        if (!fresh) return;
        region.innerHTML = fresh.innerHTML;
        region.setAttribute('data-active', fresh.getAttribute('data-active'));
        follow();
      });
    }, 3000);
  }
  follow();
})();
