/* Context before typing: glossary terms inserted at the cursor, the unit's checks as the
 * translator types, and the concordance (Ctrl+K).
 *
 * - A term button of a unit (.term-insert) puts its term at the cursor of that unit's
 *   translation; a result of the concordance goes to the unit the translator was last in.
 * - Typing in a translation asks the unit's check endpoint (data-check-url, POST, nothing is
 *   stored) after a short pause and lists the findings under the text; after a save, the
 *   findings the row does not show yet are listed as those of the saved text.
 * - The concordance dialog searches approved translations and the memory (GET, JSON).
 * Every text from the server is set as text, never as HTML. workbench.js does the rest.
 */
(function () {
  "use strict";
  const root = document.querySelector(".workbench");
  const holder = document.getElementById("wb-context");
  if (!root || !holder) return;
  const token = root.querySelector("input[name=csrfmiddlewaretoken]").value;
  const T = holder.dataset;
  const PAUSE = 350;
  const status = document.getElementById("wb-status");

  function unitOf(key) {
    return root.querySelector('.unit[data-key="' + CSS.escape(key) + '"]');
  }

  function areaOf(unit) {
    return unit ? unit.querySelector("textarea.translation") : null;
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function say(message, ok) {
    if (!status) return;
    status.textContent = message || "";
    status.className = "wb-status " + (ok ? "ok" : "error");
  }

  // --- inserting at the cursor -------------------------------------------------------------

  // The unit the translator was last typing in (its row may be re-rendered after a save, so
  // it is remembered by key), and where the cursor of each text area was when it lost the
  // focus (a click on a term or in the concordance takes it away; closing a dialog gives it
  // back with the cursor moved). A text area never focused gets insertions at its end.
  let activeKey = null;
  const cursors = new WeakMap();

  root.addEventListener("focusin", (event) => {
    if (!event.target.matches("textarea.translation")) return;
    activeKey = event.target.closest(".unit").dataset.key;
  });

  root.addEventListener("focusout", (event) => {
    const area = event.target;
    if (area.matches("textarea.translation")) cursors.set(area, [area.selectionStart, area.selectionEnd]);
  });

  function activeArea() {
    const area = activeKey ? areaOf(unitOf(activeKey)) : null;
    return area && !area.disabled ? area : null;
  }

  function cursorOf(area) {
    if (document.activeElement === area) return [area.selectionStart, area.selectionEnd];
    return cursors.get(area) || [area.value.length, area.value.length];
  }

  function insert(area, text, range) {
    const [start, end] = range || cursorOf(area);
    area.focus();
    area.setRangeText(text, start, end, "end");
    // workbench.js marks the unit changed and sizes the field; this file checks the text.
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }

  root.addEventListener("click", (event) => {
    const button = event.target.closest(".term-insert, .live-suggestion");
    if (!button) return;
    const area = areaOf(button.closest(".unit"));
    if (area) insert(area, button.dataset.text);
  });

  // --- the unit's checks as the translator types ----------------------------------------------

  const timers = new Map();
  const running = new Map();
  const checked = new Set();

  function schedule(unit) {
    const key = unit.dataset.key;
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => check(key), PAUSE));
  }

  root.addEventListener("input", (event) => {
    if (event.target.matches("textarea.translation")) schedule(event.target.closest(".unit"));
  });

  async function check(key) {
    const unit = unitOf(key);
    const box = unit && unit.querySelector(".unit-context[data-check-url]");
    const area = areaOf(unit);
    if (!box || !area) return;
    if (running.has(key)) running.get(key).abort();
    const controller = new AbortController();
    running.set(key, controller);
    const text = area.value;
    const data = new FormData();
    data.set("text", text);
    let body;
    try {
      const response = await fetch(box.dataset.checkUrl, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-CSRFToken": token, Accept: "application/json" },
        signal: controller.signal,
      });
      body = await response.json();
    } catch (error) {
      if (error.name === "AbortError") return;
      body = { ok: false, error: String(error) };
    }
    if (running.get(key) === controller) running.delete(key);
    // The row may have been re-rendered meanwhile: answer on the row the page shows now,
    // if it still holds the text that was checked.
    const now = unitOf(key);
    if (!now || !areaOf(now) || areaOf(now).value !== text) return;
    checked.add(key);
    show(now, body);
  }

  function findingItem(finding) {
    const item = element("li", "finding-" + finding.severity);
    item.dataset.check = finding.check;
    item.append(element("strong", "", finding.severity_label), " · " + finding.check_name + ": " + finding.message);
    if (finding.suggestion && !finding.message.includes(finding.suggestion)) {
      const button = element("button", "live-suggestion", finding.suggestion);
      button.type = "button";
      button.dataset.text = finding.suggestion;
      item.append(" — " + T.tSuggestion + ": ", button);
    }
    return item;
  }

  function show(unit, body) {
    const live = unit.querySelector(".unit-live");
    if (!live) return;
    live.replaceChildren();
    if (!body.ok) {
      live.append(element("p", "live-error", body.error));
      live.hidden = false;
      return;
    }
    const typing = unit.classList.contains("dirty");
    let findings = body.findings;
    if (!typing) {
      // The saved text: what the row's stored findings already say is not said twice.
      const stored = Array.from(unit.querySelectorAll("ul.findings > li"));
      findings = findings.filter(
        (f) => !stored.some((li) => li.dataset.check === f.check && li.textContent.includes(f.message))
      );
      if (!findings.length) {
        live.hidden = true;
        return;
      }
    }
    live.append(element("p", "help", typing ? T.tTyping : T.tSaved));
    if (!findings.length) {
      live.append(element("p", "live-clean", T.tClean));
    } else {
      const list = element("ul", "live-findings");
      findings.forEach((finding) => list.append(findingItem(finding)));
      live.append(list);
    }
    live.hidden = false;
  }

  // A saved (or otherwise re-rendered) row whose text was checked is checked again: its
  // stored findings may not be there yet.
  new MutationObserver((mutations) => {
    mutations.forEach((mutation) =>
      mutation.addedNodes.forEach((node) => {
        if (node.nodeType === 1 && node.matches(".unit") && checked.has(node.dataset.key)) {
          schedule(node);
        }
      })
    );
  }).observe(root, { childList: true, subtree: true });

  // --- the concordance --------------------------------------------------------------------

  const dialog = document.getElementById("wb-concordance");
  const form = dialog.querySelector("form");
  const input = dialog.querySelector("input[name=q]");
  const side = dialog.querySelector("select[name=side]");
  const results = dialog.querySelector(".wb-concordance-results");
  const note = dialog.querySelector(".wb-concordance-status");

  function selectedText() {
    const area = document.activeElement;
    if (area && area.matches && area.matches("textarea, input[type=text], input[type=search]")) {
      return area.value.slice(area.selectionStart, area.selectionEnd);
    }
    return window.getSelection ? String(window.getSelection()) : "";
  }

  function openConcordance() {
    const selected = selectedText().trim();
    if (selected && selected.length <= +dialog.dataset.maxChars && !selected.includes("\n")) {
      input.value = selected;
    }
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
    if (selected && input.value === selected) search();
  }

  holder.querySelector(".wb-concordance-open").addEventListener("click", openConcordance);
  dialog.querySelector(".wb-concordance-close").addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => {
    const area = activeArea();
    if (area) area.focus();
  });

  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "k") {
      event.preventDefault();
      openConcordance();
    }
  });

  function marked(text, marks, lang, className) {
    const line = element("p", className);
    line.lang = lang;
    let cursor = 0;
    marks.forEach(([start, end]) => {
      if (start < cursor) return;
      line.append(text.slice(cursor, start), element("mark", "", text.slice(start, end)));
      cursor = end;
    });
    line.append(text.slice(cursor));
    return line;
  }

  function copy(text) {
    const done = () => (note.textContent = T.tCopied);
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, () => (note.textContent = T.tFailed));
    }
  }

  function use(hit) {
    const area = activeArea();
    if (!area) {
      note.textContent = T.tNoUnit;
      copy(hit.target);
      return;
    }
    const range = cursorOf(area);
    dialog.close();
    insert(area, hit.target, range);
    say(T.tInserted, true);
  }

  function hitItem(hit) {
    const item = element("li", "c-hit");
    item.append(
      marked(hit.source, hit.source_marks, results.dataset.sourceLanguage, "c-source"),
      marked(hit.target, hit.target_marks, results.dataset.language, "c-target")
    );
    const meta = element("p", "c-meta");
    const parts = [];
    if (hit.origin === "memory") parts.push(T.tMemory);
    if (hit.release) {
      if (hit.url) {
        const link = element("a", "", hit.release);
        link.href = hit.url;
        parts.push(link);
      } else {
        parts.push(hit.release);
      }
    }
    if (hit.approver) parts.push(T.tApproved + " " + hit.approver);
    if (hit.date) {
      const time = element("time", "", hit.date);
      time.dateTime = hit.date_iso;
      parts.push(time);
    }
    if (hit.in_memory) parts.push(T.tAlsoMemory);
    parts.forEach((part, index) => meta.append(index ? " · " : "", part));
    const actions = element("div", "c-actions");
    const insertButton = element("button", "default", T.tInsert);
    insertButton.type = "button";
    insertButton.addEventListener("click", () => use(hit));
    const copyButton = element("button", "", T.tCopy);
    copyButton.type = "button";
    copyButton.addEventListener("click", () => copy(hit.target));
    actions.append(insertButton, copyButton);
    item.append(meta, actions);
    return item;
  }

  let searching = null;

  async function search() {
    if (searching) searching.abort();
    const controller = new AbortController();
    searching = controller;
    note.textContent = T.tSearching;
    results.replaceChildren();
    const params = new URLSearchParams({ q: input.value, side: side.value });
    let body;
    try {
      const response = await fetch(dialog.dataset.url + "?" + params, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
        signal: controller.signal,
      });
      body = await response.json();
    } catch (error) {
      if (error.name === "AbortError") return;
      body = { ok: false, error: T.tFailed };
    }
    if (searching !== controller) return;
    searching = null;
    if (!body.ok) {
      note.textContent = body.error;
      return;
    }
    body.results.forEach((hit) => results.append(hitItem(hit)));
    note.textContent = !body.results.length ? T.tNone : body.more ? T.tMore : "";
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    search();
  });
})();
