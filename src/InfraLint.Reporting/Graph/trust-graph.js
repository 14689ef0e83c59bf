// The trust graph's behaviour: environment filters, search, click a node (or a finding) to follow its paths, zoom.
// The layout is computed by InfraLint; this script only shows, hides and highlights what is already drawn.
(function () {
  'use strict';
  var svg = document.getElementById('graph');
  var nodes = Array.prototype.slice.call(svg.querySelectorAll('.node'));
  var edges = Array.prototype.slice.call(svg.querySelectorAll('.edge'));
  var byId = {};
  nodes.forEach(function (n) { byId[n.id] = n; });
  var outgoing = {}, incoming = {};
  edges.forEach(function (e) {
    (outgoing[e.dataset.from] = outgoing[e.dataset.from] || []).push(e);
    (incoming[e.dataset.to] = incoming[e.dataset.to] || []).push(e);
  });

  function applyFilters() {
    var shown = {};
    document.querySelectorAll('.filter input').forEach(function (box) { shown[box.dataset.env] = box.checked; });
    nodes.forEach(function (n) { n.classList.toggle('hidden', !shown[n.dataset.env]); });
    svg.querySelectorAll('.band').forEach(function (b) { b.classList.toggle('hidden', !shown[b.dataset.env]); });
    edges.forEach(function (e) {
      var visible = !byId[e.dataset.from].classList.contains('hidden') && !byId[e.dataset.to].classList.contains('hidden');
      e.classList.toggle('hidden', !visible);
    });
  }

  // Everything upstream (who reaches this node) and downstream (what it reaches).
  function focus(ids) {
    clearFocus();
    if (ids.length === 0) return;
    var lit = {};
    function walk(id, map, end) {
      if (lit[id + end]) return;
      lit[id + end] = true;
      byId[id].classList.add('lit');
      (map[id] || []).forEach(function (e) { e.classList.add('lit'); walk(e.dataset[end], map, end); });
    }
    ids.forEach(function (id) { if (byId[id]) { walk(id, outgoing, 'to'); walk(id, incoming, 'from'); } });
    svg.classList.add('focus');
  }

  function clearFocus() {
    svg.classList.remove('focus');
    svg.querySelectorAll('.lit').forEach(function (el) { el.classList.remove('lit'); });
  }

  function search(text) {
    var query = text.trim().toLowerCase();
    var first = null;
    nodes.forEach(function (n) {
      var match = query.length > 0 && n.dataset.search.indexOf(query) >= 0;
      n.classList.toggle('match', match);
      if (match && !first) first = n;
    });
    if (query.length === 0) { clearFocus(); return null; }
    focus(nodes.filter(function (n) { return n.classList.contains('match'); }).map(function (n) { return n.id; }));
    return first;
  }

  document.querySelectorAll('.filter input').forEach(function (box) { box.addEventListener('change', applyFilters); });
  var input = document.getElementById('search');
  input.addEventListener('input', function () { search(input.value); });
  input.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter') return;
    var first = search(input.value);
    if (first) first.scrollIntoView({ block: 'center', inline: 'center' });
  });
  nodes.forEach(function (n) {
    n.addEventListener('click', function (event) {
      if (event.target.closest('a')) return; // a badge opens its rule's page
      event.stopPropagation();
      focus([n.id]);
    });
  });
  svg.addEventListener('click', function () { clearFocus(); });
  document.querySelectorAll('#findings tr[data-targets]').forEach(function (row) {
    row.addEventListener('click', function (event) {
      if (event.target.closest('a')) return;
      var ids = row.dataset.targets.split(' ');
      focus(ids);
      if (byId[ids[0]]) byId[ids[0]].scrollIntoView({ block: 'center', inline: 'center' });
    });
  });

  var scale = 1;
  var width = svg.width.baseVal.value, height = svg.height.baseVal.value;
  document.querySelectorAll('.zoom button').forEach(function (button) {
    button.addEventListener('click', function () {
      var step = Number(button.dataset.zoom);
      scale = step === 0 ? 1 : Math.min(2, Math.max(0.3, scale + step * 0.15));
      svg.setAttribute('width', String(Math.round(width * scale)));
      svg.setAttribute('height', String(Math.round(height * scale)));
    });
  });

  applyFilters();
  document.documentElement.setAttribute('data-graph-ready', String(nodes.length));
})();
