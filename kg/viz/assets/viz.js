/* kg viz: draws the network with vis-network, lets the layout settle and then stops the physics,
 * and wires the side panel: search (Arabic-normalised), filters by kind and topic, tooltips.
 *
 * Everything that comes from the data reaches the page as text (textContent), never as HTML,
 * so a quote holding an <img> tag with an onerror handler shows as those characters and runs nothing.
 * window.kgViz exposes the state for the browser tests, the screenshot helper and the benchmark.
 */
(function () {
  "use strict";

  var payload = JSON.parse(document.getElementById("kg-data").textContent);
  var container = document.getElementById("kg-network");
  var main = document.getElementById("kg-main");
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

  // --- The network ----------------------------------------------------------------------------
  // milliseconds since the script started, per phase: for the benchmark and for the curious
  var timings = { scriptStart: started, parsed: performance.now() - started };
  var nodes = new vis.DataSet(payload.nodes);
  var edges = new vis.DataSet(payload.edges);
  var keys = {};
  function nodeKey(node) { return [node.full, node.en].concat(node.alt || []).map(searchKey).join("\n"); }
  nodes.forEach(function (node) { keys[node.id] = nodeKey(node); });
  var leftOut = (payload.leftOut || []).map(function (entry) { return { entry: entry, key: nodeKey(entry) }; });
  timings.dataSets = performance.now() - started;
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, payload.options);
  timings.constructed = performance.now() - started;

  var state = { settled: false, settledAfterMs: null, hiddenClasses: {}, topic: "", query: "",
                matches: [], pinned: false, timings: timings };

  var progress = document.getElementById("kg-progress");
  // Strays (nodes with no link, tiny groups apart from the rest) sit in a grid under the network,
  // so the view is not zoomed out to a ring of them around it.
  function tuckStrays() {
    var strays = nodes.get({ filter: function (node) { return node.stray !== undefined; } });
    if (!strays.length) { return; }
    strays.sort(function (a, b) { return a.stray - b.stray || (a.id < b.id ? -1 : 1); });
    var positions = network.getPositions();
    var box = { minX: Infinity, maxX: -Infinity, maxY: -Infinity };
    nodes.forEach(function (node) {
      if (node.stray !== undefined) { return; }
      var at = positions[node.id];
      box.minX = Math.min(box.minX, at.x);
      box.maxX = Math.max(box.maxX, at.x);
      box.maxY = Math.max(box.maxY, at.y);
    });
    var gap = 80;
    var columns = Math.max(4, Math.floor((box.maxX - box.minX) / gap) + 1);
    // one update of the data set, not network.moveNode: each moveNode call ends in a full redraw
    nodes.update(strays.map(function (node, index) {
      return { id: node.id, x: box.minX + (index % columns) * gap,
               y: box.maxY + 2 * gap + Math.floor(index / columns) * gap };
    }));
  }

  function settle() {
    if (state.settled) { return; }
    network.setOptions({ physics: { enabled: false } });
    tuckStrays();
    network.fit({ animation: false });
    state.settled = true;
    state.settledAfterMs = performance.now() - started;
    timings.settled = state.settledAfterMs;
    network.once("afterDrawing", function () { timings.firstFrameAfterSettling = performance.now() - started; });
    progress.hidden = true;
    document.body.setAttribute("data-settled", "true");
  }
  network.on("stabilizationProgress", function (params) {
    if (timings.firstProgress === undefined) { timings.firstProgress = performance.now() - started; }
    timings.iterations = params.iterations;
    if (!timings.cutShort && payload.settleBudgetMs && performance.now() - started > payload.settleBudgetMs) {
      // out of time: stop here; vis-network then fits the view and reports the iterations done
      timings.cutShort = true;
      network.stopSimulation(false);
    }
    var share = params.total ? params.iterations / params.total : 1;
    document.getElementById("kg-progress-bar").style.width = Math.round(share * 100) + "%";
    document.getElementById("kg-progress-text").textContent = Math.round(share * 100) + "%";
  });
  network.once("stabilizationIterationsDone", settle);
  network.once("stabilized", settle);
  if (nodes.length === 0) { settle(); }

  // --- Filters: kinds and topic ----------------------------------------------------------------
  function nodeShown(node) {
    return !state.hiddenClasses[node.cls] &&
      (state.topic === "" || (node.topics || []).indexOf(state.topic) >= 0);
  }

  function applyFilters() {
    var shown = {};
    var nodeUpdates = [];
    nodes.forEach(function (node) {
      var visible = nodeShown(node);
      shown[node.id] = visible;
      if (Boolean(node.hidden) === visible) { nodeUpdates.push({ id: node.id, hidden: !visible }); }
    });
    var edgeUpdates = [];
    edges.forEach(function (edge) {
      // edges of the actor network carry topics: under a topic filter only those about it stay
      var visible = shown[edge.from] && shown[edge.to] &&
        (state.topic === "" || edge.topics === undefined || edge.topics.indexOf(state.topic) >= 0);
      if (Boolean(edge.hidden) === visible) { edgeUpdates.push({ id: edge.id, hidden: !visible }); }
    });
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
    document.getElementById("kg-shown-nodes").textContent = String(shownNodeIds().length);
    document.getElementById("kg-shown-edges").textContent = String(shownEdgeIds().length);
    if (state.query) { search(state.query); }
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
    } else if (params.edges.length) {
      pinTooltip("edge", params.edges[0], params.pointer.DOM);
    } else {
      hideTooltip();
    }
  });
  network.on("dragStart", function () { if (!state.pinned) { hideTooltip(); } });

  // --- The panel's controls -------------------------------------------------------------------------
  var searchBox = document.getElementById("kg-search");
  searchBox.addEventListener("input", function () { search(searchBox.value); });
  Array.prototype.forEach.call(document.querySelectorAll("#kg-legend input[data-class]"), function (box) {
    box.addEventListener("change", function () { setClassVisible(box.getAttribute("data-class"), box.checked); });
  });
  var topicSelect = document.getElementById("kg-topic");
  topicSelect.addEventListener("change", function () { setTopic(topicSelect.value); });
  document.getElementById("kg-reset").addEventListener("click", function () {
    searchBox.value = "";
    state.hiddenClasses = {};
    Array.prototype.forEach.call(document.querySelectorAll("#kg-legend input[data-class]"), function (box) {
      box.checked = true;
    });
    setTopic("");
    search("");
    hideTooltip();
    network.fit({ animation: false });
  });

  window.kgViz = {
    network: network,
    nodes: nodes,
    edges: edges,
    searchKey: searchKey,
    search: search,
    setClassVisible: setClassVisible,
    setTopic: setTopic,
    shownNodeIds: shownNodeIds,
    shownEdgeIds: shownEdgeIds,
    focusNode: focusNode,
    isSettled: function () { return state.settled; },
    settledAfterMs: function () { return state.settledAfterMs; },
    state: state
  };
}());
