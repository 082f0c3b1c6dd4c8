/* corpus-tools review page. Renders the embedded JSON page by page; all text goes through esc(). */
(function () {
  "use strict";
  var readyResolve;
  window.__reportReady = new Promise(function (r) { readyResolve = r; });
  window.addEventListener("error", function (ev) {
    document.documentElement.setAttribute("data-error", String(ev.message || ev));
  });

  var T = { start: performance.now() };
  var dataEl = document.getElementById("report-data");

  // The data block is gzip+base64 (a quarter of the bytes to load); plain JSON is accepted too.
  function loadData() {
    if (dataEl.getAttribute("data-encoding") !== "gzip+base64") return Promise.resolve(JSON.parse(dataEl.textContent));
    var b64 = dataEl.textContent.trim(), bytes;
    if (typeof Uint8Array.fromBase64 === "function") bytes = Uint8Array.fromBase64(b64);
    else {
      var bin = atob(b64);
      bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    }
    T.decoded = performance.now();
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(function (text) { T.inflated = performance.now(); return JSON.parse(text); });
  }
  loadData().then(main, function (err) {
    document.documentElement.setAttribute("data-error", String(err));
    document.getElementById("units").innerHTML = '<p class="none">This browser cannot read the embedded data (' +
      String(err).replace(/[&<>"']/g, "") + "). Use a current Chromium, Firefox or Safari.</p>";
  });

  function main(D) {
  T.parsed = performance.now();
  // units: [id, src, tgt, score, machine, model, doc, note, props]
  // flags: [code, sev, message, suggestion, side, start, end, unit, category, span, auto_fixed, doc, unit_id]
  var U = D.units, F = D.flags, N = U.length, META = D.meta;
  var SEV = ["critical", "major", "minor", "info"];
  var $ = function (id) { return document.getElementById(id); };
  var list = $("units");

  var ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  function esc(s) { return s == null ? "" : String(s).replace(/[&<>"']/g, function (c) { return ESC[c]; }); }

  // Per-unit flag lists and worst severity (4 = no flag).
  var uflags = new Array(N), worst = new Uint8Array(N).fill(4), codeUnits = Object.create(null);
  for (var k = 0; k < F.length; k++) {
    var u = F[k][7];
    if (u < 0) continue;
    (uflags[u] || (uflags[u] = [])).push(k);
    if (F[k][1] < worst[u]) worst[u] = F[k][1];
    var c = F[k][0], cu = codeUnits[c] || (codeUnits[c] = { n: 0, last: -1, sev: 4 });
    if (cu.last !== u) { cu.n++; cu.last = u; }
    if (F[k][1] < cu.sev) cu.sev = F[k][1];
  }
  for (var i0 = 0; i0 < N; i0++) if (uflags[i0]) uflags[i0].sort(function (a, b) { return F[a][1] - F[b][1] || a - b; });
  function hasCode(i, code) {
    var fl = uflags[i];
    if (!fl) return false;
    for (var j = 0; j < fl.length; j++) if (F[fl[j]][0] === code) return true;
    return false;
  }

  T.indexed = performance.now();

  // ---- decisions: unit index -> {d: "accept"|"reject", t: edited target, n: note}
  var dec = new Map();
  function loadDecisions() {
    var raw = null;
    try { raw = window.localStorage.getItem(META.key); } catch (e) { return; }
    if (!raw) return;
    var saved;
    try { saved = JSON.parse(raw); } catch (e) { return; }
    var idx = new Map();
    for (var i = 0; i < N; i++) if (!idx.has(U[i][0])) idx.set(U[i][0], i);
    Object.keys(saved).forEach(function (id) { if (idx.has(id)) dec.set(idx.get(id), saved[id]); });
  }
  var saveTimer = 0;
  function saveDecisions() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(function () {
      var obj = {};
      dec.forEach(function (d, i) { obj[U[i][0]] = d; });
      try { window.localStorage.setItem(META.key, JSON.stringify(obj)); } catch (e) { /* storage off: export still works */ }
    }, 250);
  }
  function kindOf(d) { return !d ? "" : d.d === "reject" ? "reject" : d.t !== undefined ? "edit" : "accept"; }

  // ---- filters and view
  var view = [], page = 0, cur = -1, naOnly = false, lower = null, gen = 0;
  var codeSel = $("f-code");
  Object.keys(codeUnits).sort(function (a, b) { return codeUnits[a].sev - codeUnits[b].sev || (a < b ? -1 : 1); })
    .forEach(function (c) {
      var o = document.createElement("option");
      o.value = c;
      o.textContent = c + " (" + codeUnits[c].n + " units)";
      codeSel.appendChild(o);
    });
  function num(el, dflt) { var v = parseFloat(el.value); return isNaN(v) ? dflt : v; }
  function pageSize() { return +$("f-size").value; }

  function compute() {
    var code = codeSel.value, sev = $("f-sev").value, dd = $("f-dec").value, q = $("f-q").value.trim().toLowerCase();
    var lo = num($("f-min"), 0), hi = num($("f-max"), 1), scoreOn = lo > 0 || hi < 1;
    if (q && !lower) { lower = new Array(N); for (var j = 0; j < N; j++) lower[j] = (U[j][0] + "\u0000" + U[j][1] + "\u0000" + U[j][2]).toLowerCase(); }
    var out = [];
    for (var i = 0; i < N; i++) {
      if (code === "*") { if (!uflags[i]) continue; }
      else if (code === "-") { if (uflags[i]) continue; }
      else if (code && !hasCode(i, code)) continue;
      if (sev !== "") { var s = +sev; if (s === 4 ? worst[i] !== 4 : worst[i] > s) continue; }
      var sc = U[i][3];
      if (naOnly) { if (sc !== null) continue; }
      else if (scoreOn && (sc === null || sc < lo || (hi < 1 ? sc >= hi : sc > hi))) continue;
      if (dd) { var kd = kindOf(dec.get(i)); if (dd === "none" ? kd !== "" : kd !== dd) continue; }
      if (q && lower[i].indexOf(q) < 0) continue;
      out.push(i);
    }
    var sort = $("f-sort").value;
    if (sort === "conf") out.sort(function (a, b) { var x = U[a][3], y = U[b][3]; return (x === null ? 2 : x) - (y === null ? 2 : y) || a - b; });
    else if (sort === "sev") out.sort(function (a, b) { return worst[a] - worst[b] || (U[a][3] === null ? 2 : U[a][3]) - (U[b][3] === null ? 2 : U[b][3]) || a - b; });
    var keep = cur >= 0 && cur < view.length ? view[cur] : -1;
    view = out;
    var pos = keep >= 0 ? view.indexOf(keep) : -1;
    cur = pos;
    var size = pageSize();
    page = pos >= 0 && size ? Math.floor(pos / size) : 0;
    render();
  }

  // ---- rendering
  function highlight(text, ks, side) {
    var iv = [], pts = [0, text.length];
    for (var j = 0; j < ks.length; j++) {
      var f = F[ks[j]];
      if (f[4] !== side || f[5] == null || f[6] == null) continue;
      var s = Math.max(0, Math.min(text.length, f[5])), e = Math.max(0, Math.min(text.length, f[6]));
      if (e <= s) continue;
      iv.push([s, e, ks[j]]); pts.push(s, e);
    }
    if (!iv.length) return esc(text);
    pts = Array.from(new Set(pts)).sort(function (a, b) { return a - b; });
    var out = "";
    for (var p = 0; p + 1 < pts.length; p++) {
      var a = pts[p], b = pts[p + 1], piece = esc(text.slice(a, b)), cov = [], w = null;
      for (var m = 0; m < iv.length; m++) if (iv[m][0] <= a && iv[m][1] >= b) { cov.push(iv[m][2]); if (w === null || F[iv[m][2]][1] < F[w][1]) w = iv[m][2]; }
      if (!cov.length) { out += piece; continue; }
      var title = cov.map(function (x) { return F[x][0] + ": " + F[x][2]; }).join("\n");
      out += '<mark class="sev-' + F[w][1] + '" data-flag-code="' + esc(F[w][0]) + '" data-flags="' + cov.join(" ") +
        '" title="' + esc(title) + '">' + piece + "</mark>";
    }
    return out;
  }

  function confBadge(sc) {
    if (sc === null) return '<span class="badge conf cn" title="no alignment score">n/a</span>';
    var c = sc < 0.3 ? 0 : sc < 0.5 ? 1 : sc < 0.7 ? 2 : 3;
    return '<span class="badge conf c' + c + '" title="alignment confidence">' + sc.toFixed(2) + "</span>";
  }

  function rowHTML(i, pos) {
    var u = U[i], fl = uflags[i] || [], d = dec.get(i), kd = kindOf(d);
    var h = '<article class="unit' + (kd ? " d-" + kd : "") + (pos === cur ? " cur" : "") + '" data-unit-id="' + esc(u[0]) +
      '" data-i="' + i + '" data-pos="' + pos + '" tabindex="-1">';
    var docName = u[6] >= 0 ? D.docs[u[6]] : "", shown = u[0];
    // Ids such as "doc.txt:12" repeat the document shown below: keep the distinctive part.
    if (docName && shown.length > docName.length + 1 && shown.indexOf(docName) === 0 && /^[:#/_-]/.test(shown.charAt(docName.length))) shown = "…" + shown.slice(docName.length);
    h += '<div class="meta"><span class="uid" title="unit id ' + esc(u[0]) + '">' + esc(shown) + "</span>" + confBadge(u[3]);
    if (u[4]) h += '<span class="badge mt" title="machine translation' + (u[5] ? ": " + esc(u[5]) : "") + '">MT</span>';
    if (kd) h += '<span class="badge dec">' + (kd === "edit" ? "edited" : kd + "ed") + "</span>";
    if (u[6] >= 0) h += '<span class="doc" title="' + esc(D.docs[u[6]]) + '">' + esc(D.docs[u[6]]) + "</span>";
    h += "</div>";
    h += '<div class="src" lang="' + esc(META.src_lang) + '" dir="auto">' + highlight(u[1], fl, "src") + "</div>";
    if (kd === "edit") {
      h += '<div class="tgt edited" lang="' + esc(META.tgt_lang) + '" dir="auto"><span class="now">' + esc(d.t) +
        '</span><span class="orig">was: <s>' + highlight(u[2], fl, "tgt") + "</s></span>";
    } else {
      h += '<div class="tgt" lang="' + esc(META.tgt_lang) + '" dir="auto">' + highlight(u[2], fl, "tgt");
    }
    if (u[7]) h += '<span class="note">note: ' + esc(u[7]) + "</span>";
    if (d && d.n) h += '<span class="note">review: ' + esc(d.n) + "</span>";
    h += "</div>";
    h += '<div class="act"><button type="button" data-act="accept" title="Accept (a)">✓ Accept</button>' +
      '<button type="button" data-act="reject" title="Reject (r)">✗ Reject</button>' +
      '<button type="button" data-act="edit" title="Edit target (e)">✎ Edit</button></div>';
    if (fl.length) {
      h += '<ul class="flags">';
      for (var j = 0; j < fl.length; j++) {
        var f = F[fl[j]];
        h += '<li class="flag sev-' + f[1] + '" data-flag-code="' + esc(f[0]) + '" data-flag-index="' + fl[j] + '" title="' +
          esc(SEV[f[1]] + (f[8] ? " · " + f[8] : "") + (f[4] ? " · " + f[4] : "")) + '"><b>' + esc(f[0]) + "</b>" + esc(f[2]) +
          (f[3] != null && f[3] !== "" ? ' → <span class="sug">' + esc(f[3]) + "</span>" : "") + "</li>";
      }
      h += "</ul>";
    }
    return h + "</article>";
  }

  function render() {
    var size = pageSize(), pages = size ? Math.max(1, Math.ceil(view.length / size)) : 1;
    page = Math.max(0, Math.min(page, pages - 1));
    var from = size ? page * size : 0, to = size ? Math.min(view.length, from + size) : view.length;
    var my = ++gen, first = Math.min(to, from + 500), html = [];
    list.removeAttribute("data-complete");
    for (var p = from; p < first; p++) html.push(rowHTML(view[p], p));
    list.innerHTML = view.length ? html.join("") : '<p class="none">No unit matches these filters.</p>';
    // Long pages ("all") are appended in slices so the page stays responsive.
    // Each slice costs a layout of the whole list, so slices grow: few frames, first ones quick.
    (function more(at, step) {
      if (at >= to || my !== gen) { if (my === gen) { $("progress").textContent = ""; list.setAttribute("data-complete", "1"); } return; }
      $("progress").textContent = "rendering " + at.toLocaleString() + " / " + to.toLocaleString() + "…";
      setTimeout(function () {
        if (my !== gen) return;
        var end = Math.min(to, at + step), chunk = [];
        for (var p = at; p < end; p++) chunk.push(rowHTML(view[p], p));
        list.insertAdjacentHTML("beforeend", chunk.join(""));
        more(end, Math.min(step * 2, 16000));
      }, 0);
    })(first, 8000);
    $("pageinfo").textContent = view.length ? "page " + (page + 1) + " of " + pages + " (units " + (from + 1).toLocaleString() +
      "–" + to.toLocaleString() + ")" : "";
    $("prev").disabled = page === 0;
    $("next").disabled = page >= pages - 1;
    updateCount();
  }

  function updateCount() {
    var n = { accept: 0, edit: 0, reject: 0 };
    dec.forEach(function (d) { n[kindOf(d)]++; });
    $("count").textContent = view.length.toLocaleString() + " of " + N.toLocaleString() + " units shown · reviewed " +
      dec.size.toLocaleString() + " (" + n.accept + " accepted, " + n.edit + " edited, " + n.reject + " rejected)";
  }

  function rowEl(i) { return list.querySelector('article[data-i="' + i + '"]'); }
  function rerow(i) {
    var el = rowEl(i);
    if (!el) return;
    var wasFocused = document.activeElement === el;
    el.outerHTML = rowHTML(i, +el.getAttribute("data-pos"));
    if (wasFocused) { var nel = rowEl(i); if (nel) nel.focus({ preventScroll: true }); }
  }

  // ---- actions
  function setCursor(pos, scroll) {
    if (!view.length) return;
    pos = Math.max(0, Math.min(view.length - 1, pos));
    var size = pageSize();
    if (size && Math.floor(pos / size) !== page) { page = Math.floor(pos / size); cur = pos; render(); }
    var old = list.querySelector("article.cur");
    if (old) old.classList.remove("cur");
    cur = pos;
    var el = rowEl(view[pos]);
    if (el) {
      el.classList.add("cur");
      el.focus({ preventScroll: true });
      if (scroll !== false) el.scrollIntoView({ block: "nearest" });
    }
  }
  function decide(i, what) {
    var d = dec.get(i);
    if (what === "undo") dec.delete(i);
    else if (what === "accept") dec.set(i, d && d.d === "accept" ? d : { d: "accept", n: d && d.n });
    else dec.set(i, { d: "reject", n: d && d.n });
    var cleaned = dec.get(i);
    if (cleaned && cleaned.n == null) delete cleaned.n;
    rerow(i); updateCount(); saveDecisions();
  }
  function edit(i) {
    var el = rowEl(i);
    if (!el) return;
    var tgt = el.querySelector(".tgt"), d = dec.get(i);
    if (el.querySelector(".editor")) { el.querySelector(".editor textarea").focus(); return; }
    tgt.innerHTML = '<div class="editor"><textarea aria-label="Corrected target" lang="' + esc(META.tgt_lang) + '"></textarea>' +
      '<input type="text" aria-label="Review note" placeholder="note (optional)"><div class="btns">' +
      '<button type="button" class="primary" data-ed="save">Save (Ctrl+Enter)</button><button type="button" data-ed="cancel">Cancel (Esc)</button></div></div>';
    var ta = tgt.querySelector("textarea"), note = tgt.querySelector("input");
    ta.value = d && d.t !== undefined ? d.t : U[i][2];
    note.value = d && d.n ? d.n : "";
    ta.focus();
    function save() {
      var t = ta.value, n = note.value.trim(), nd = { d: "accept" };
      if (t !== U[i][2]) nd.t = t;
      if (n) nd.n = n;
      dec.set(i, nd);
      rerow(i); updateCount(); saveDecisions();
    }
    tgt.querySelector(".editor").addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); save(); }
      else if (ev.key === "Escape") { ev.preventDefault(); rerow(i); }
    });
    tgt.querySelector(".editor").addEventListener("click", function (ev) {
      var b = ev.target.closest("button[data-ed]");
      if (!b) return;
      if (b.getAttribute("data-ed") === "save") save(); else rerow(i);
    });
  }

  function decisionsJSONL() {
    var idx = Array.from(dec.keys()).sort(function (a, b) { return a - b; }), lines = [];
    for (var j = 0; j < idx.length; j++) {
      var d = dec.get(idx[j]), o = { id: U[idx[j]][0], decision: d.d };
      if (d.d === "accept" && d.t !== undefined) o.target = d.t;
      if (d.n) o.note = d.n;
      lines.push(JSON.stringify(o));
    }
    return lines.length ? lines.join("\n") + "\n" : "";
  }
  function exportDecisions() {
    var text = decisionsJSONL();
    $("decisions-jsonl").value = text;
    window.reportDecisions = text;
    var url = URL.createObjectURL(new Blob([text], { type: "application/x-ndjson" }));
    var a = document.createElement("a");
    a.href = url; a.download = "decisions.jsonl"; a.style.display = "none";
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 4000);
  }

  list.addEventListener("click", function (ev) {
    var row = ev.target.closest("article.unit");
    if (!row || ev.target.closest(".editor")) return;
    var i = +row.getAttribute("data-i"), b = ev.target.closest("button[data-act]");
    setCursor(+row.getAttribute("data-pos"), false);
    if (!b) return;
    var act = b.getAttribute("data-act");
    if (act === "edit") edit(i); else decide(i, act === "accept" && kindOf(dec.get(i)) === "accept" ? "undo" : act);
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = ev.target;
    if (t && t.matches && t.matches("input, textarea, select")) {
      if (ev.key === "Escape" && !t.closest(".editor")) t.blur();
      return;
    }
    var i = cur >= 0 && cur < view.length ? view[cur] : -1, size = pageSize();
    switch (ev.key) {
      case "j": setCursor(cur + 1); break;
      case "k": setCursor(cur < 0 ? 0 : cur - 1); break;
      case "a": if (i >= 0) decide(i, "accept"); break;
      case "r": if (i >= 0) decide(i, "reject"); break;
      case "u": if (i >= 0) decide(i, "undo"); break;
      case "e": if (i >= 0) edit(i); break;
      case "n": if (size) setCursor((page + 1) * size); break;
      case "p": if (size) setCursor((page - 1) * size); break;
      case "/": $("f-q").focus(); break;
      case "x": exportDecisions(); break;
      case "?": toggleHelp(); break;
      default: return;
    }
    ev.preventDefault();
  });

  function toggleHelp() {
    var h = $("help");
    h.hidden = !h.hidden;
    $("help-btn").setAttribute("aria-expanded", String(!h.hidden));
  }

  // ---- wiring
  var qTimer = 0;
  ["f-code", "f-sev", "f-dec", "f-sort"].forEach(function (id) { $(id).addEventListener("change", function () { page = 0; compute(); }); });
  ["f-min", "f-max"].forEach(function (id) { $(id).addEventListener("change", function () { naOnly = false; compute(); }); });
  $("f-q").addEventListener("input", function () { clearTimeout(qTimer); qTimer = setTimeout(compute, 200); });
  $("f-size").addEventListener("change", function () { var keep = cur; cur = keep; page = 0; if (keep >= 0 && pageSize()) page = Math.floor(keep / pageSize()); render(); });
  $("f-reset").addEventListener("click", function () {
    ["f-code", "f-sev", "f-dec", "f-min", "f-max", "f-q"].forEach(function (id) { $(id).value = ""; });
    $("f-sort").value = "doc"; naOnly = false; compute();
  });
  $("prev").addEventListener("click", function () { page--; render(); });
  $("next").addEventListener("click", function () { page++; render(); });
  $("export").addEventListener("click", exportDecisions);
  $("help-btn").addEventListener("click", toggleHelp);
  $("accept-page").addEventListener("click", function () {
    var els = list.querySelectorAll("article.unit");
    for (var j = 0; j < els.length; j++) { var i = +els[j].getAttribute("data-i"); if (!dec.has(i)) { dec.set(i, { d: "accept" }); rerow(i); } }
    updateCount(); saveDecisions();
  });
  function goUnits() { document.querySelector(".units-section").scrollIntoView({ block: "start" }); }
  document.querySelectorAll("[data-filter-code]").forEach(function (b) {
    b.addEventListener("click", function () { codeSel.value = b.getAttribute("data-filter-code"); page = 0; compute(); goUnits(); });
  });
  document.querySelectorAll(".chart g[data-min]").forEach(function (g) {
    function pick() {
      var lo = g.getAttribute("data-min");
      naOnly = lo === "";
      $("f-min").value = lo; $("f-max").value = g.getAttribute("data-max");
      page = 0; compute(); goUnits();
    }
    g.addEventListener("click", pick);
    g.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); } });
  });

  // ---- cleaning and rejected sections, rendered when first opened
  function ws(s) {
    return esc(s).replace(/\n/g, '<span class="ws">↵</span>\n').replace(/\t/g, '<span class="ws">→</span>')
      .replace(/^ | $/g, '<span class="ws">·</span>');
  }
  function renderCleaning(body) {
    var groups = new Map(), orphans = [];
    for (var k = 0; k < F.length; k++) {
      var f = F[k];
      if (f[7] === -2) orphans.push(k);
      else if (f[7] === -1) { var g = f[11]; if (!groups.has(g)) groups.set(g, []); groups.get(g).push(k); }
    }
    function row(k) {
      var f = F[k], where = f[5] != null ? f[5] + "–" + (f[6] != null ? f[6] : "?") : "", rep;
      if (f[3] == null) rep = "";
      else if (f[3] === "") rep = '<span class="none">deleted</span>';
      else rep = '<span class="span ins">' + ws(f[3]) + "</span>";
      return '<tr data-flag-code="' + esc(f[0]) + '" data-flag-index="' + k + '"><td><code>' + esc(f[0]) + '</code></td><td class="sevname s' + f[1] + '">' +
        SEV[f[1]] + '</td><td class="n">' + where + "</td><td>" + (f[9] != null ? '<span class="span' + (f[3] != null ? " del" : "") + '">' + ws(f[9]) + "</span>" : "") +
        "</td><td>" + rep + "</td><td>" + esc(f[2]) + (f[12] != null ? " (unit " + esc(f[12]) + ")" : "") + "</td><td>" + (f[10] ? "✓" : "") + "</td></tr>";
    }
    var head = '<table class="cleantab"><thead><tr><th>code</th><th>severity</th><th class="n">chars</th><th>original</th><th>replacement</th><th>message</th><th>auto-fixed</th></tr></thead><tbody>';
    var h = [];
    groups.forEach(function (ks, g) {
      h.push("<h3>" + esc(g >= 0 ? D.docs[g] : "(no document)") + ' <span class="n">(' + ks.length + ")</span></h3>" + head + ks.map(row).join("") + "</tbody></table>");
    });
    if (orphans.length) h.push("<h3>Flags on units not in corpus.jsonl (" + orphans.length + ")</h3>" + head + orphans.map(row).join("") + "</tbody></table>");
    body.innerHTML = h.length ? h.join("") : '<p class="none">No cleaning edits or document flags.</p>';
  }
  function renderRejects(body) {
    var R = D.rejects;
    if (!R.length) { body.innerHTML = '<p class="none">No rejected sentences.</p>'; return; }
    var h = ['<table class="rejtab-all"><thead><tr><th>document</th><th>side</th><th class="n">index</th><th>reason</th><th>sentence</th></tr></thead><tbody>'];
    for (var j = 0; j < R.length; j++) {
      var r = R[j];
      h.push("<tr><td>" + esc(r[0] >= 0 ? D.docs[r[0]] : "") + "</td><td>" + esc(r[1]) + '</td><td class="n">' + esc(r[2]) + "</td><td>" + esc(r[3]) +
        '</td><td lang="' + esc(r[1] === "tgt" ? META.tgt_lang : META.src_lang) + '">' + esc(r[4]) + "</td></tr>");
    }
    body.innerHTML = h.join("") + "</tbody></table>";
  }
  function lazySection(id, fill) {
    var det = $(id), done = false;
    function ensure() { if (!done) { done = true; fill(det.querySelector(".body")); } }
    det.addEventListener("toggle", function () { if (det.open) ensure(); });
    return function () { ensure(); det.open = true; };
  }
  var openCleaning = lazySection("cleaning", renderCleaning), openRejects = lazySection("rejects", renderRejects);
  document.querySelectorAll("[data-open=rejects]").forEach(function (a) { a.addEventListener("click", function () { openRejects(); }); });
  window.addEventListener("beforeprint", function () { openCleaning(); openRejects(); });

  loadDecisions();
  compute();
  T.rendered = performance.now();
  window.__reportTimings = T;
  requestAnimationFrame(function () {
    setTimeout(function () {
      window.__reportReadyAt = performance.now();
      document.documentElement.setAttribute("data-ready", "1");
      readyResolve(window.__reportReadyAt);
    }, 0);
  });
  }
})();
