/* kg viz: draws the network with vis-network, lets the layout settle and then stops the physics,
 * and wires the side panel: search (Arabic-normalised), filters by kind and topic, tooltips; the
 * time slider (histogram, play, range in the URL, undated facts), an actor's meetings and
 * statements, double-click to expand a neighbourhood, the full graph one click away, and export
 * of the current view as PNG and SVG. The actor network draws its own labels: by importance, none
 * over another, more as one zooms in.
 *
 * Everything that comes from the data reaches the page as text (textContent), never as HTML,
 * so a quote holding an <img> tag with an onerror handler shows as those characters and runs nothing.
 * window.kgViz exposes the state for the browser tests, the screenshot helper and the benchmark.
 */
(function () {
  "use strict";

  var payload = JSON.parse(document.getElementById("kg-data").textContent);
  var container = document.getElementById("kg-network");
  var main = document.getElementById("kg-stage");
  var tooltip = document.getElementById("kg-tooltip");
  var started = performance.now();

  // --- Search keys: the rules of kg.network.search_key (kg.text.normalize) -----------------
  // removed: tashkeel and Quranic marks, tatweel, zero-width and bidi controls, BOM, soft hyphen
  var REMOVED = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]/g;
  var FOLDED = {
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627", "\u0672": "\u0627",
    "\u0673": "\u0627",  // alef with hamza, madda or wasla -> ا
    "\u0649": "\u064a", "\u06cc": "\u064a", "\u06d0": "\u064a", "\u06cd": "\u064a", "\u0626": "\u064a",  // -> ي
    "\u0629": "\u0647", "\u06c3": "\u0647", "\u06d5": "\u0647",  // ة -> ه
    "\u0624": "\u0648",  // ؤ -> و
    "\u06a9": "\u0643", "\u06aa": "\u0643",  // Persian kaf -> ك
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u3000": " ", "\t": " "
  };
  for (var digit = 0; digit < 10; digit++) {  // Eastern Arabic and Persian digits -> 0-9
    FOLDED[String.fromCharCode(0x0660 + digit)] = String(digit);
    FOLDED[String.fromCharCode(0x06f0 + digit)] = String(digit);
  }
  var FOLDED_RE = new RegExp("[" + Object.keys(FOLDED).join("") + "]", "g");
  var PRESENTATION_FORMS = /[\ufb50-\ufefc]/g;

  function fold(text) {
    return text.replace(REMOVED, "").replace(FOLDED_RE, function (c) { return FOLDED[c]; });
  }

  function searchKey(text) {
    var key = fold(String(text || "").normalize("NFC"));
    key = fold(key.replace(PRESENTATION_FORMS, function (c) { return c.normalize("NFKC"); }));
    return key.toLowerCase().replace(/\s+/g, " ").trim();
  }

  // --- The views: the page's own, and the full graph one click away ---------------------------
  var timings = { scriptStart: started, parsed: performance.now() - started };
  function prepare(data) {
    // a link of the actor network shows all its meetings until the time filter says otherwise
    data.edges.forEach(function (edge) { if (edge.weight !== undefined) { edge.shownWeight = edge.weight; } });
    var view = { data: data, nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges),
                 time: data.time || { months: [], histogram: [], undated: [0, 0, 0] }, keys: {},
                 index: data.nodes.map(function (node) { return node.id; }), layered: Boolean(data.labelLayer),
                 settled: false, edgeOf: new Map() };
    view.nodes.forEach(function (node) { view.keys[node.id] = nodeKey(node); });
    // the actor network: each pair of actors (by their places in the node list) and kind of
    // meeting, as the id of the edge that draws it: a number, so that the time filter's walk
    // through an archive's 150k meetings builds no strings
    var position = {};
    view.index.forEach(function (id, at) { position[id] = at; });
    view.edges.forEach(function (edge) {
      if (edge.rel === "met" || edge.rel === "call") {
        var key = pairKey(position[edge.from], position[edge.to], edge.rel === "call" ? 1 : 0, view.index.length);
        view.edgeOf.set(key, edge.id);
      }
    });
    return view;
  }
  function pairKey(a, b, call, size) { return (a < b ? a * size + b : b * size + a) * 2 + call; }
  function nodeKey(node) { return [node.full, node.en].concat(node.alt || []).map(searchKey).join("\n"); }

  var views = { main: prepare(payload) };
  if (payload.alt) { views.alt = prepare(payload.alt); }
  var current = views.main;
  var nodes = current.nodes;
  var edges = current.edges;
  var keys = current.keys;
  var leftOut = (payload.leftOut || []).map(function (entry) { return { entry: entry, key: nodeKey(entry) }; });
  timings.dataSets = performance.now() - started;
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, payload.options);
  timings.constructed = performance.now() - started;

  var months = current.time.months;
  var state = { settled: false, settledAfterMs: null, hiddenClasses: {}, topic: "", query: "",
                matches: [], pinned: false, timings: timings, view: "main",
                from: 0, to: Math.max(0, months.length - 1), undated: true, scope: null,
                playing: false, playMs: 700, actor: null, labels: [] };

  var progress = document.getElementById("kg-progress");
  // Strays (nodes with no link, tiny groups apart from the rest) sit in a grid under the network,
  // so the view is not zoomed out to a ring of them around it.
  function tuckStrays() {
    var strays = nodes.get({ filter: function (node) { return node.stray !== undefined; } });
    if (!strays.length) { return; }
    strays.sort(function (a, b) { return a.stray - b.stray || (a.id < b.id ? -1 : 1); });
    var positions = network.getPositions();
    var box = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
    nodes.forEach(function (node) {
      if (node.stray !== undefined) { return; }
      var at = positions[node.id];
      if (!at) { return; }  // hidden (by the time filter, say): no position
      box.minX = Math.min(box.minX, at.x);
      box.maxX = Math.max(box.maxX, at.x);
      box.minY = Math.min(box.minY, at.y);
      box.maxY = Math.max(box.maxY, at.y);
    });
    if (box.minX === Infinity) { box = { minX: 0, maxX: 0, minY: 0, maxY: 0 }; }
    var gap = 80;
    var width = Math.max(box.maxX - box.minX, 4 * gap);
    // each stray gets a cell as wide as its label will be once the view is fitted (labels keep
    // their size in pixels: at the scale the fit will give, a label of w pixels spans w / scale),
    // so that every one of them can be named; rows wrap at the width of the network above. The
    // fit's scale is guessed from the network's box and a few rows of strays under it.
    var rows = Math.min(4, Math.ceil(strays.length / 6));
    var scale = Math.min(1, (container.clientWidth || 1000) / (width + 2 * gap),
                         (container.clientHeight || 700) / (box.maxY - box.minY + (rows + 3) * gap));
    scale = Math.max(0.05, scale);
    var measure = document.createElement("canvas").getContext("2d");
    measure.font = "bold 14px " + LABEL_FONT;
    var x = box.minX, y = box.maxY + 2 * gap;
    // one update of the data set, not network.moveNode: each moveNode call ends in a full redraw
    nodes.update(strays.map(function (node) {
      var cell = Math.max(gap, (measure.measureText(node.short || node.label || "").width + 24) / scale);
      if (x > box.minX && x + cell > box.minX + width) { x = box.minX; y += gap; }
      var at = { id: node.id, x: x + cell / 2, y: y };
      x += cell;
      return at;
    }));
  }

  function settle() {
    if (state.settled) { return; }
    network.setOptions({ physics: { enabled: false } });
    if (!current.settled) { tuckStrays(); }
    current.settled = true;
    network.fit({ animation: false });
    state.settled = true;
    state.settledAfterMs = performance.now() - started;
    if (timings.settled === undefined) { timings.settled = state.settledAfterMs; }
    state.drawn = false;
    network.once("afterDrawing", function () {
      if (timings.firstFrameAfterSettling === undefined) { timings.firstFrameAfterSettling = performance.now() - started; }
    });
    network.redraw();
    progress.hidden = true;
    document.body.setAttribute("data-settled", "true");
  }
  network.on("stabilizationProgress", function (params) {
    if (timings.firstProgress === undefined) { timings.firstProgress = performance.now() - started; }
    timings.iterations = params.iterations;
    if (!state.cutShort && payload.settleBudgetMs && performance.now() - state.layoutStarted > payload.settleBudgetMs) {
      // out of time: stop here; vis-network then fits the view and reports the iterations done
      state.cutShort = true;
      timings.cutShort = true;
      network.stopSimulation(false);
    }
    var share = params.total ? params.iterations / params.total : 1;
    document.getElementById("kg-progress-bar").style.width = Math.round(share * 100) + "%";
    document.getElementById("kg-progress-text").textContent = Math.round(share * 100) + "%";
  });
  state.layoutStarted = started;
  network.on("stabilizationIterationsDone", settle);
  network.on("stabilized", settle);
  if (nodes.length === 0) { settle(); }

  function switchView(name) {
    if (!views[name] || name === state.view) { return; }
    stop();
    hideTooltip();
    showActor(null);
    state.view = name;
    current = views[name];
    nodes = current.nodes;
    edges = current.edges;
    keys = current.keys;
    state.scope = null;
    state.settled = current.settled;
    state.cutShort = false;
    state.layoutStarted = performance.now();
    var options = current.data.options;
    if (current.settled) { options = Object.assign({}, options, { physics: { enabled: false } }); }
    network.setOptions(options);
    network.setData({ nodes: nodes, edges: edges });
    if (nodes.length === 0) {
      settle();
    } else if (!current.settled) {
      progress.hidden = false;
      document.body.removeAttribute("data-settled");
      network.stabilize(options.physics.stabilization.iterations);  // ends in stabilizationIterationsDone
    }
    var button = document.getElementById("kg-switch");
    if (button) {
      button.textContent = name === "alt" ? "شبكة الفاعلين · who met whom" : "الشبكة الكاملة · full graph";
    }
    setupTime(state.from, state.to);
  }

  // --- Time: the months in range, and which events, edges and nodes they keep ---------------------
  var fromInput = document.getElementById("kg-from");
  var toInput = document.getElementById("kg-to");
  var undatedBox = document.getElementById("kg-undated");

  function inRange(month) {
    return month < 0 ? state.undated : month >= state.from && month <= state.to;
  }

  function timeFiltered() {
    return state.from > 0 || state.to < months.length - 1 || !state.undated;
  }

  // node id -> shown by the time filter; for the actor network also edge id -> meetings in range
  function timeVisibility() {
    var shownNodes = {};
    var counts = {};
    var meetings = current.time.meetings;
    if (meetings) {
      var size = current.index.length;
      meetings.forEach(function (meeting) {
        if (!inRange(meeting[0])) { return; }
        var inside = meeting[2];
        for (var i = 0; i < inside.length; i++) {
          for (var j = i + 1; j < inside.length; j++) {
            var id = current.edgeOf.get(pairKey(inside[i], inside[j], meeting[1], size));
            if (id !== undefined) { counts[id] = (counts[id] || 0) + 1; }
          }
        }
      });
      edges.forEach(function (edge) {
        if (counts[edge.id]) { shownNodes[edge.from] = true; shownNodes[edge.to] = true; }
      });
      return { nodes: shownNodes, counts: counts };
    }
    // the other views: events by their month, and what they involve
    var all = !timeFiltered();
    nodes.forEach(function (node) {
      if (node.month !== undefined && (all || inRange(node.month))) { shownNodes[node.id] = true; }
    });
    var events = Object.assign({}, shownNodes);
    edges.forEach(function (edge) {
      if (events[edge.from]) { shownNodes[edge.to] = true; }
      if (events[edge.to]) { shownNodes[edge.from] = true; }
    });
    if (all) { nodes.forEach(function (node) { shownNodes[node.id] = true; }); }
    return { nodes: shownNodes, counts: null };
  }

  // --- Filters: kinds, topic, time and the explored neighbourhood ------------------------------------
  function nodeShown(node) {
    return !state.hiddenClasses[node.cls] &&
      (state.topic === "" || (node.topics || []).indexOf(state.topic) >= 0);
  }

  function applyFilters() {
    var time = timeVisibility();
    var shown = {};
    var nodeUpdates = [];
    nodes.forEach(function (node) {
      var visible = nodeShown(node) && Boolean(time.nodes[node.id]) && (!state.scope || Boolean(state.scope[node.id]));
      shown[node.id] = visible;
      if (Boolean(node.hidden) === visible) { nodeUpdates.push({ id: node.id, hidden: !visible }); }
    });
    var edgeUpdates = [];
    edges.forEach(function (edge) {
      // edges of the actor network carry topics: under a topic filter only those about it stay
      var visible = shown[edge.from] && shown[edge.to] &&
        (state.topic === "" || edge.topics === undefined || edge.topics.indexOf(state.topic) >= 0);
      var update = { id: edge.id };
      var changed = false;
      if (time.counts) {
        var count = time.counts[edge.id] || 0;
        visible = visible && count > 0;
        if (count > 0 && count !== edge.shownWeight) {
          update.shownWeight = count;
          update.value = count;
          update.text = edge.text.replace(/^×\d+/, "×" + count);
          changed = true;
        }
      }
      if (Boolean(edge.hidden) === visible) { update.hidden = !visible; changed = true; }
      if (changed) { edgeUpdates.push(update); }
    });
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
    document.getElementById("kg-shown-nodes").textContent = String(shownNodeIds().length);
    document.getElementById("kg-shown-edges").textContent = String(shownEdgeIds().length);
    if (state.query) { search(state.query); }
    if (state.actor) { showActor(state.actor); }
  }

  function setClassVisible(cls, visible) {
    if (visible) { delete state.hiddenClasses[cls]; } else { state.hiddenClasses[cls] = true; }
    var box = document.querySelector('#kg-legend input[data-class="' + cls + '"]');
    if (box) { box.checked = visible; }
    applyFilters();
  }

  function setTopic(topic) {
    state.topic = topic || "";
    document.getElementById("kg-topic").value = state.topic;
    applyFilters();
  }

  function shownNodeIds() {
    return nodes.getIds({ filter: function (node) { return !node.hidden; } });
  }

  function shownEdgeIds() {
    return edges.getIds({ filter: function (edge) { return !edge.hidden; } });
  }

  // --- The slider, the histogram, play, and the range in the URL --------------------------------------
  var histogram = document.getElementById("kg-histogram");
  var bars = [];

  function setupTime(from, to) {
    months = current.time.months;
    var last = Math.max(0, months.length - 1);
    fromInput.max = String(last);
    toInput.max = String(last);
    histogram.replaceChildren();
    var most = 1;
    current.time.histogram.forEach(function (counts) { most = Math.max(most, counts[0] + counts[1] + counts[2]); });
    bars = current.time.histogram.map(function (counts, index) {
      var bar = element("div", "kg-bar");
      var total = counts[0] + counts[1] + counts[2];
      bar.style.height = Math.max(2, Math.round(100 * total / most)) + "%";
      bar.title = months[index] + ": " + counts[0] + " لقاء · meetings, " + counts[1] + " اتصال · calls, " +
        counts[2] + " تصريح · statements";
      histogram.appendChild(bar);
      return bar;
    });
    var undated = current.time.undated;
    document.getElementById("kg-undated-count").textContent = String(undated[0] + undated[1] + undated[2]);
    setRange(Math.min(from, last), Math.min(to === undefined ? last : to, last), true);
  }

  function monthName(index) { return months[index] || "—"; }

  function setRange(from, to, quiet) {
    var last = Math.max(0, months.length - 1);
    from = Math.max(0, Math.min(last, Number(from) || 0));
    to = Math.max(0, Math.min(last, to === undefined ? last : Number(to)));
    if (to < from) { var swap = from; from = to; to = swap; }
    state.from = from;
    state.to = to;
    fromInput.value = String(from);
    toInput.value = String(to);
    document.getElementById("kg-range").textContent = months.length ? monthName(from) + " – " + monthName(to) : "";
    bars.forEach(function (bar, index) { bar.classList.toggle("kg-in", index >= from && index <= to); });
    writeHash();
    applyFilters();
    if (!quiet && state.settled) { labelsChanged(); }
  }

  function setUndated(shown) {
    state.undated = Boolean(shown);
    undatedBox.checked = state.undated;
    writeHash();
    applyFilters();
  }

  function writeHash() {
    var parts = [];
    if (months.length && (state.from > 0 || state.to < months.length - 1)) {
      parts.push("from=" + months[state.from], "to=" + months[state.to]);
    }
    if (!state.undated) { parts.push("undated=0"); }
    if (state.view !== "main") { parts.push("view=full"); }
    var hash = parts.length ? "#" + parts.join("&") : "";
    if (location.hash === hash || (!hash && !location.hash)) { return; }
    try {
      history.replaceState(null, "", hash || location.pathname + location.search);
    } catch (err) {
      location.replace(hash || "#");
    }
  }

  function readHash() {
    var wanted = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var pair = part.split("=");
      if (pair[0]) { wanted[decodeURIComponent(pair[0])] = decodeURIComponent(pair[1] || ""); }
    });
    return wanted;
  }

  function step() {
    // one month on; a window over everything starts again as its first month
    if (!months.length) { stop(); return false; }
    var width = state.to - state.from;
    if (width >= months.length - 1) { setRange(0, 0); return true; }
    if (state.to >= months.length - 1) { stop(); return false; }
    setRange(state.from + 1, state.to + 1);
    return true;
  }

  var timer = null;
  var playButton = document.getElementById("kg-play");
  function play() {
    if (state.playing || !months.length) { return; }
    state.playing = true;
    playButton.textContent = "⏸";
    if (state.to >= months.length - 1 && state.to - state.from < months.length - 1) {
      setRange(0, state.to - state.from);  // at the end: start again from the first month
    } else {
      step();
    }
    timer = setInterval(function () { if (!step()) { stop(); } }, state.playMs);
  }
  function stop() {
    if (timer !== null) { clearInterval(timer); timer = null; }
    state.playing = false;
    playButton.textContent = "▶";
  }
  playButton.addEventListener("click", function () { if (state.playing) { stop(); } else { play(); } });
  fromInput.addEventListener("input", function () { stop(); setRange(Number(fromInput.value), state.to); });
  toInput.addEventListener("input", function () { stop(); setRange(state.from, Number(toInput.value)); });
  undatedBox.addEventListener("change", function () { setUndated(undatedBox.checked); });

  // --- Search -------------------------------------------------------------------------------------
  var results = document.getElementById("kg-results");
  var status = document.getElementById("kg-search-status");
  var MAX_RESULTS = 50;

  function search(query) {
    state.query = query || "";
    var wanted = searchKey(state.query);
    var matched = {};
    var matches = [];
    if (wanted) {
      nodes.forEach(function (node) {
        if (!node.hidden && keys[node.id].indexOf(wanted) >= 0) { matched[node.id] = true; matches.push(node.id); }
      });
    }
    state.matches = matches;
    var updates = [];
    nodes.forEach(function (node) {
      var dim = wanted !== "" && !matched[node.id];
      if (Boolean(node.dimmed) !== dim) {
        updates.push({ id: node.id, dimmed: dim, opacity: dim ? 0.18 : 1,
                       font: { color: dim ? "#c4c9cf" : "#1f2933" } });
      }
    });
    nodes.update(updates);
    network.selectNodes(matches, false);
    if (matches.length) {
      network.fit({ nodes: matches, animation: false });
      if (network.getScale() > 1.6) { network.moveTo({ scale: 1.6 }); }
    }
    showResults(wanted, matches);
    return matches;
  }

  function showResults(wanted, matches) {
    results.replaceChildren();
    if (!wanted) { status.textContent = ""; return; }
    status.textContent = matches.length + " نتيجة · matches";
    matches.slice(0, MAX_RESULTS).forEach(function (id) {
      var node = nodes.get(id);
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.dir = "auto";
      button.textContent = node.full;
      button.addEventListener("click", function () { focusNode(id); });
      item.appendChild(button);
      results.appendChild(item);
    });
    // actors left out of the page: named, with the command that draws each one's neighbourhood
    leftOut.filter(function (item) { return item.key.indexOf(wanted) >= 0; }).slice(0, MAX_RESULTS)
      .forEach(function (item) {
        var row = document.createElement("li");
        row.className = "kg-left-out";
        row.appendChild(element("span", "", item.entry.full));
        row.appendChild(element("span", "kg-status",
          " — غير معروض · not drawn: kg viz --view actor:" + item.entry.id));
        results.appendChild(row);
      });
  }

  function focusNode(id) {
    network.selectNodes([id], false);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: false });
    pinTooltip("node", id, network.canvasToDOM(network.getPosition(id)));
  }

  // --- Tooltips, built as DOM text ----------------------------------------------------------------
  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) { made.className = className; }
    if (text !== undefined) { made.textContent = text; }
    return made;
  }

  function fieldName(key) {
    var field = payload.fields[key];
    return field ? field.ar + " · " + field.en : key;
  }

  function fillTooltip(kind, id) {
    var item = kind === "node" ? nodes.get(id) : edges.get(id);
    if (!item) { return false; }
    tooltip.replaceChildren();
    var title;
    var subtitle;
    if (kind === "node") {
      title = item.full;
      subtitle = payload.classes[item.cls];
    } else {
      var relation = payload.relations[item.rel] || { ar: item.rel, en: item.rel };
      title = nodes.get(item.from).full + " ← " + relation.ar + " ← " + nodes.get(item.to).full;
      subtitle = relation;
    }
    var heading = tooltip.appendChild(element("div", "kg-tip-title", title));
    heading.dir = "auto";
    if (item.en) {
      var english = tooltip.appendChild(element("div", "kg-tip-en", item.en));
      english.dir = "ltr";
      english.lang = "en";
    }
    if (subtitle) { tooltip.appendChild(element("div", "kg-tip-class", subtitle.ar + " · " + subtitle.en)); }
    var table = tooltip.appendChild(element("table"));
    (item.rows || []).forEach(function (row) {
      var line = table.insertRow();
      line.appendChild(element("th", "", fieldName(row[0])));
      var cell = line.insertCell();
      if (Array.isArray(row[1])) {
        var list = cell.appendChild(element("ul"));
        row[1].forEach(function (value) { list.appendChild(element("li", "", value)).dir = "auto"; });
      } else {
        cell.textContent = row[1];
        cell.dir = "auto";
      }
    });
    return true;
  }

  function placeTooltip(point) {
    tooltip.hidden = false;
    var x = point.x + 14;
    var y = point.y + 14;
    var width = tooltip.offsetWidth;
    var height = tooltip.offsetHeight;
    if (x + width > main.clientWidth) { x = Math.max(0, point.x - width - 14); }
    if (y + height > main.clientHeight) { y = Math.max(0, main.clientHeight - height - 4); }
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }

  function showTooltip(kind, id, point) {
    if (fillTooltip(kind, id)) { placeTooltip(point); }
  }

  function pinTooltip(kind, id, point) {
    state.pinned = true;
    tooltip.classList.add("kg-pinned");
    showTooltip(kind, id, point);
  }

  function hideTooltip() {
    state.pinned = false;
    tooltip.classList.remove("kg-pinned");
    tooltip.hidden = true;
  }

  network.on("hoverNode", function (params) {
    if (!state.pinned) { showTooltip("node", params.node, params.pointer.DOM); }
  });
  network.on("hoverEdge", function (params) {
    if (!state.pinned) { showTooltip("edge", params.edge, params.pointer.DOM); }
  });
  network.on("blurNode", function () { if (!state.pinned) { hideTooltip(); } });
  network.on("blurEdge", function () { if (!state.pinned) { hideTooltip(); } });
  network.on("click", function (params) {
    if (params.nodes.length) {
      pinTooltip("node", params.nodes[0], params.pointer.DOM);
      showActor(params.nodes[0]);
    } else if (params.edges.length) {
      pinTooltip("edge", params.edges[0], params.pointer.DOM);
    } else {
      hideTooltip();
    }
  });
  network.on("dragStart", function () { if (!state.pinned) { hideTooltip(); } });

  // --- An actor's meetings and statements, in date order, each with its article ---------------------
  var actorPanel = document.getElementById("kg-actor");
  var KINDS = { 0: "لقاء · meeting", 1: "اتصال هاتفي · phone call" };

  function safeUrl(url) { return /^https?:\/\//i.test(url || "") ? url : ""; }

  function actorEvents(id) {
    var at = current.index.indexOf(id);
    var time = current.time;
    var found = [];
    if (at < 0 || !time.meetings) { return found; }
    time.meetings.forEach(function (meeting) {
      if (meeting[2].indexOf(at) < 0 || !inRange(meeting[0])) { return; }
      var others = meeting[2].filter(function (i) { return i !== at; }).map(function (i) {
        return nodes.get(current.index[i]).full;
      });
      var text = KINDS[meeting[1]] + (others.length ? ": " + others.join("، ") : "") +
        (meeting[3] ? " +" + meeting[3] : "");
      found.push({ date: meeting[5], kind: meeting[1] ? "call" : "meeting", text: text, article: meeting[4] });
    });
    time.statements.forEach(function (said) {
      if (said[1] !== at || !inRange(said[0])) { return; }
      found.push({ date: said[2], kind: "statement", text: "تصريح · statement: " + said[3], article: said[4] });
    });
    found.sort(function (a, b) {
      var x = a.date || "9999", y = b.date || "9999";
      return x < y ? -1 : x > y ? 1 : 0;
    });
    return found;
  }

  function showActor(id) {
    state.actor = null;
    if (!id || !current.time.meetings) { actorPanel.hidden = true; return; }
    var node = nodes.get(id);
    if (!node) { actorPanel.hidden = true; return; }
    state.actor = id;
    var found = actorEvents(id);
    document.getElementById("kg-actor-name").textContent = node.full;
    var more = (current.time.moreStatements || {})[current.index.indexOf(id)];
    document.getElementById("kg-actor-summary").textContent = found.length + " في المدة · in range" +
      (timeFiltered() ? " (" + monthName(state.from) + " – " + monthName(state.to) + ")" : "") +
      (more ? " · +" + more + " تصريحاً أقدم · older statements not listed" : "");
    var list = document.getElementById("kg-actor-events");
    list.replaceChildren();
    found.forEach(function (event) {
      var item = element("li");
      item.setAttribute("data-kind", event.kind);
      item.setAttribute("data-date", event.date || "");
      item.appendChild(element("span", "kg-date", (event.date || "بلا تاريخ · undated") + " "));
      var url = safeUrl((current.time.urls || [])[event.article]);
      var words = element(url ? "a" : "span", "", event.text);
      words.dir = "auto";
      if (url) {
        words.href = url;
        words.target = "_blank";
        words.rel = "noopener noreferrer";
        words.title = url;
      }
      item.appendChild(words);
      list.appendChild(item);
    });
    actorPanel.hidden = false;
  }

  // --- Double-click: expand an actor's neighbourhood ----------------------------------------------------
  var showAllButton = document.getElementById("kg-show-all");
  function expand(id) {
    if (!nodes.get(id)) { return []; }
    var time = timeVisibility();
    var scope = state.scope ? Object.assign({}, state.scope) : {};
    scope[id] = true;
    network.getConnectedNodes(id).forEach(function (other) {
      if (time.nodes[other]) { scope[other] = true; }
    });
    state.scope = scope;
    showAllButton.hidden = false;
    applyFilters();
    labelsChanged();
    return Object.keys(scope);
  }
  function showAll() {
    state.scope = null;
    showAllButton.hidden = true;
    applyFilters();
    network.fit({ animation: false });
  }
  network.on("doubleClick", function (params) {
    if (params.nodes.length) { expand(params.nodes[0]); }
  });
  showAllButton.addEventListener("click", showAll);

  // --- Labels of the actor network: by importance, never over one another, more as one zooms in ------
  var LABEL_FONT = "Noto Naskh Arabic, Noto Sans Arabic, Segoe UI, Tahoma, DejaVu Sans, sans-serif";
  function labelsChanged() { network.redraw(); }

  function overlaps(box, placed) {
    for (var i = 0; i < placed.length; i++) {
      var other = placed[i];
      if (box.x < other.x + other.w && other.x < box.x + box.w && box.y < other.y + other.h && other.y < box.y + box.h) {
        return true;
      }
    }
    return false;
  }

  // Boxes on the screen, bucketed in square cells, so that a box is checked against its
  // neighbours only (an archive's page draws some two thousand discs and labels).
  function BoxIndex(cell) { this.cell = cell; this.cells = {}; }
  BoxIndex.prototype.keys = function (box, visit) {
    var c = this.cell;
    for (var i = Math.floor(box.x / c); i <= Math.floor((box.x + box.w) / c); i++) {
      for (var j = Math.floor(box.y / c); j <= Math.floor((box.y + box.h) / c); j++) { visit(i + "," + j); }
    }
  };
  BoxIndex.prototype.add = function (box) {
    var cells = this.cells;
    this.keys(box, function (key) { (cells[key] = cells[key] || []).push(box); });
  };
  BoxIndex.prototype.some = function (box, test) {
    var cells = this.cells, found = false;
    this.keys(box, function (key) {
      var inside = cells[key];
      for (var k = 0; !found && inside && k < inside.length; k++) {
        if (overlaps(box, [inside[k]]) && test(inside[k])) { found = true; }
      }
    });
    return found;
  };

  function drawLabels(ctx) {
    state.labels = [];
    if (!current.layered) { return; }
    var ratio = window.devicePixelRatio || 1;
    var width = container.clientWidth, height = container.clientHeight;
    var scale = network.getScale();
    var centre = network.getViewPosition();
    function toScreen(x, y) { return { x: (x - centre.x) * scale + width / 2, y: (y - centre.y) * scale + height / 2 }; }
    var shown = nodes.get({ filter: function (node) { return !node.hidden; } });
    shown.sort(function (a, b) { return (b.value - a.value) || (a.id < b.id ? -1 : 1); });
    var most = shown.length ? shown[0].value : 1;
    var drawn = [];
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.direction = "rtl";
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    var bodyNodes = network.body.nodes;
    // the nodes' own discs are kept clear of labels as well
    var discs = new BoxIndex(64), labelled = new BoxIndex(64);
    var always = function () { return true; };
    shown.forEach(function (node) {
      var body = bodyNodes[node.id];
      if (!body) { return; }
      var at = toScreen(body.x, body.y);
      var r = Math.max(2, (body.options.size || 10) * scale);
      if (at.x + r < -100 || at.y + r < -100 || at.x - r > width + 100 || at.y - r > height + 100) { return; }
      discs.add({ x: at.x - r, y: at.y - r, w: 2 * r, h: 2 * r, node: node.id, value: node.value });
    });
    shown.forEach(function (node) {
      var body = bodyNodes[node.id];
      if (!body) { return; }
      var at = toScreen(body.x, body.y);
      if (at.x < -50 || at.y < -50 || at.x > width + 50 || at.y > height + 50) { return; }
      var size = 11 + Math.round(5 * Math.sqrt(node.value / most));
      ctx.font = (node.value >= most / 3 ? "bold " : "") + size + "px " + LABEL_FONT;
      var textWidth = ctx.measureText(node.short).width;
      var r = Math.max(2, (body.options.size || 10) * scale);
      var w = textWidth + 4, h = size + 4;
      // under the node, else above it, else beside it: the first place that covers no other
      // label and no other node; failing that, the first that covers only less important nodes
      var candidates = [{ x: at.x - w / 2, y: at.y + r + 2 }, { x: at.x - w / 2, y: at.y - r - 2 - h },
                        { x: at.x - r - 4 - w, y: at.y - h / 2 }, { x: at.x + r + 4, y: at.y - h / 2 }];
      function covers(box, anyNode) {
        return discs.some(box, function (disc) {
          return disc.node !== node.id && (anyNode || disc.value > node.value);
        });
      }
      var box = null;
      [true, false].some(function (strict) {
        return candidates.some(function (spot) {
          var tried = { x: spot.x, y: spot.y, w: w, h: h };
          if (labelled.some(tried, always) || covers(tried, strict)) { return false; }
          box = tried;
          return true;
        });
      });
      if (!box) { return; }
      labelled.add(box);
      drawn.push({ id: node.id, text: node.short, x: box.x, y: box.y, w: box.w, h: box.h, size: size,
                   bold: node.value >= most / 3 });
    });
    // edge labels (meetings and topics, in Arabic) where there is room, the heaviest first
    var edgeLabels = [];
    var shownEdges = edges.get({ filter: function (edge) { return !edge.hidden && edge.text; } });
    shownEdges.sort(function (a, b) { return (b.value || 1) - (a.value || 1) || (a.id < b.id ? -1 : 1); });
    ctx.font = "11px " + LABEL_FONT;
    shownEdges.forEach(function (edge) {
      var a = bodyNodes[edge.from], b = bodyNodes[edge.to];
      if (!a || !b) { return; }
      var p = toScreen(a.x, a.y), q = toScreen(b.x, b.y);
      var length = Math.sqrt((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y));
      var textWidth = ctx.measureText(edge.text).width;
      if (length < textWidth + 40) { return; }
      var mid = { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
      if (mid.x < 0 || mid.y < 0 || mid.x > width || mid.y > height) { return; }
      var box = { x: mid.x - textWidth / 2 - 2, y: mid.y - 8, w: textWidth + 4, h: 15 };
      if (labelled.some(box, always) || discs.some(box, always)) { return; }
      labelled.add(box);
      edgeLabels.push({ id: edge.id, text: edge.text, x: box.x, y: box.y, w: box.w, h: box.h });
    });
    ctx.lineJoin = "round";
    drawn.forEach(function (label) {
      ctx.font = (label.bold ? "bold " : "") + label.size + "px " + LABEL_FONT;
      ctx.lineWidth = 3;
      ctx.strokeStyle = "#ffffff";
      ctx.strokeText(label.text, label.x + label.w / 2, label.y + 1);
      ctx.fillStyle = "#1f2933";
      ctx.fillText(label.text, label.x + label.w / 2, label.y + 1);
    });
    ctx.font = "11px " + LABEL_FONT;
    edgeLabels.forEach(function (label) {
      ctx.lineWidth = 3;
      ctx.strokeStyle = "#ffffff";
      ctx.strokeText(label.text, label.x + label.w / 2, label.y + 1);
      ctx.fillStyle = "#52606d";
      ctx.fillText(label.text, label.x + label.w / 2, label.y + 1);
    });
    ctx.restore();
    state.labels = drawn;
    state.edgeLabels = edgeLabels;
  }
  network.on("afterDrawing", function (ctx) {
    drawLabels(ctx);
    state.drawn = true;
  });
  // a resized canvas is blank until its next frame: the page is not ready before that
  network.on("resize", function () {
    state.drawn = false;
    setTimeout(function () { network.redraw(); }, 0);
  });

  // --- Export: the current view as PNG (the canvas) and SVG (built from positions) ---------------------
  function download(name, url) {
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function pngDataUrl() {
    var canvas = container.querySelector("canvas");
    var copy = document.createElement("canvas");
    copy.width = canvas.width;
    copy.height = canvas.height;
    var ctx = copy.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, copy.width, copy.height);
    ctx.drawImage(canvas, 0, 0);
    return copy.toDataURL("image/png");
  }

  function escapeXml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function svgText() {
    var width = container.clientWidth, height = container.clientHeight;
    var bodyNodes = network.body.nodes;
    var bodyEdges = network.body.edges;
    var parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="' + width + '" height="' + height +
      '" viewBox="0 0 ' + width + " " + height + '" font-family="' + escapeXml(LABEL_FONT) + '">',
      '<rect width="100%" height="100%" fill="#ffffff"/>', '<g id="edges">'];
    edges.forEach(function (edge) {
      if (edge.hidden) { return; }
      var a = bodyNodes[edge.from], b = bodyNodes[edge.to];
      if (!a || !b) { return; }
      var p = network.canvasToDOM({ x: a.x, y: a.y }), q = network.canvasToDOM({ x: b.x, y: b.y });
      var body = bodyEdges[edge.id];
      var stroke = Math.max(1, ((body && body.options.width) || 1) * network.getScale());
      parts.push('<line x1="' + p.x.toFixed(1) + '" y1="' + p.y.toFixed(1) + '" x2="' + q.x.toFixed(1) + '" y2="' +
        q.y.toFixed(1) + '" stroke="#9aa5b1" stroke-width="' + stroke.toFixed(1) + '"' +
        (edge.dashes ? ' stroke-dasharray="6 5"' : "") + ' data-id="' + escapeXml(edge.id) + '"/>');
    });
    parts.push("</g>", '<g id="nodes">');
    nodes.forEach(function (node) {
      if (node.hidden) { return; }
      var body = bodyNodes[node.id];
      if (!body) { return; }
      var at = network.canvasToDOM({ x: body.x, y: body.y });
      var r = Math.max(2, (body.options.size || 10) * network.getScale());
      var color = body.options.color;
      parts.push('<circle cx="' + at.x.toFixed(1) + '" cy="' + at.y.toFixed(1) + '" r="' + r.toFixed(1) +
        '" fill="' + escapeXml(color.background) + '" stroke="' + escapeXml(color.border) + '" data-id="' +
        escapeXml(node.id) + '"><title>' + escapeXml(node.full) + "</title></circle>");
    });
    parts.push("</g>", '<g id="labels" direction="rtl" text-anchor="middle" fill="#1f2933">');
    var labels = current.layered ? state.labels : nodes.get({ filter: function (n) { return !n.hidden; } }).map(function (node) {
      var body = bodyNodes[node.id];
      var at = network.canvasToDOM({ x: body.x, y: body.y });
      var r = (body.options.size || 10) * network.getScale();
      return { text: node.label || node.full, x: at.x - 50, w: 100, y: at.y + r + 2, size: 12 };
    });
    labels.forEach(function (label) {
      parts.push('<text x="' + (label.x + label.w / 2).toFixed(1) + '" y="' + (label.y + label.size).toFixed(1) +
        '" font-size="' + label.size + '"' + (label.bold ? ' font-weight="bold"' : "") +
        ' stroke="#ffffff" stroke-width="3" paint-order="stroke">' + escapeXml(label.text) + "</text>");
    });
    (current.layered ? state.edgeLabels || [] : []).forEach(function (label) {
      parts.push('<text x="' + (label.x + label.w / 2).toFixed(1) + '" y="' + (label.y + 12).toFixed(1) +
        '" font-size="11" fill="#52606d" stroke="#ffffff" stroke-width="3" paint-order="stroke">' +
        escapeXml(label.text) + "</text>");
    });
    parts.push("</g>", "</svg>");
    return parts.join("\n");
  }

  function exportName(suffix) {
    var name = "kg-" + (state.view === "main" ? (current.data.view || "graph").replace(/[^a-z]+/gi, "-") : "full");
    if (months.length && timeFiltered()) { name += "-" + months[state.from] + "-" + months[state.to]; }
    return name + suffix;
  }
  document.getElementById("kg-export-png").addEventListener("click", function () {
    download(exportName(".png"), pngDataUrl());
  });
  document.getElementById("kg-export-svg").addEventListener("click", function () {
    var url = URL.createObjectURL(new Blob([svgText()], { type: "image/svg+xml" }));
    download(exportName(".svg"), url);
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  });

  // --- The panel's controls -------------------------------------------------------------------------
  var searchBox = document.getElementById("kg-search");
  searchBox.addEventListener("input", function () { search(searchBox.value); });
  Array.prototype.forEach.call(document.querySelectorAll("#kg-legend input[data-class]"), function (box) {
    box.addEventListener("change", function () { setClassVisible(box.getAttribute("data-class"), box.checked); });
  });
  var topicSelect = document.getElementById("kg-topic");
  topicSelect.addEventListener("change", function () { setTopic(topicSelect.value); });
  var switchButton = document.getElementById("kg-switch");
  if (switchButton) {
    switchButton.addEventListener("click", function () {
      switchView(state.view === "main" ? "alt" : "main");
      writeHash();
    });
  }
  document.getElementById("kg-reset").addEventListener("click", function () {
    searchBox.value = "";
    state.hiddenClasses = {};
    Array.prototype.forEach.call(document.querySelectorAll("#kg-legend input[data-class]"), function (box) {
      box.checked = true;
    });
    stop();
    state.scope = null;
    showAllButton.hidden = true;
    state.undated = true;
    undatedBox.checked = true;
    setRange(0, months.length - 1, true);
    setTopic("");
    search("");
    hideTooltip();
    showActor(null);
    network.fit({ animation: false });
  });

  // --- Start: the view and the range the URL asks for -----------------------------------------------
  var asked = readHash();
  if (asked.view === "full" && views.alt) { switchView("alt"); }
  state.undated = asked.undated !== "0";
  undatedBox.checked = state.undated;
  var askedFrom = months.indexOf(asked.from || "");
  var askedTo = months.indexOf(asked.to || "");
  setupTime(askedFrom >= 0 ? askedFrom : 0, askedTo >= 0 ? askedTo : months.length - 1);
  window.addEventListener("hashchange", function () {
    var wanted = readHash();
    var from = months.indexOf(wanted.from || ""), to = months.indexOf(wanted.to || "");
    state.undated = wanted.undated !== "0";
    undatedBox.checked = state.undated;
    setRange(from >= 0 ? from : 0, to >= 0 ? to : months.length - 1);
  });

  window.kgViz = {
    network: network,
    get nodes() { return nodes; },
    get edges() { return edges; },
    searchKey: searchKey,
    search: search,
    setClassVisible: setClassVisible,
    setTopic: setTopic,
    shownNodeIds: shownNodeIds,
    shownEdgeIds: shownEdgeIds,
    focusNode: focusNode,
    setRange: setRange,
    setUndated: setUndated,
    months: function () { return months.slice(); },
    step: step,
    play: play,
    stop: stop,
    expand: expand,
    showAll: showAll,
    showActor: showActor,
    switchView: function (name) { switchView(name === "full" ? "alt" : "main"); writeHash(); },
    drawnLabels: function () { return state.labels.slice(); },
    pngDataUrl: pngDataUrl,
    svgText: svgText,
    isSettled: function () { return state.settled && state.drawn; },
    settledAfterMs: function () { return state.settledAfterMs; },
    state: state
  };
}());
