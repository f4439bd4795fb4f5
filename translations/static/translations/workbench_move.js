/* The workbench, moving through work: the next unit of a state (on whatever page), the
 * keyboard, each translation's length against its source, submitting the page's drafts, the
 * question before submitting units with error findings, and the term check's notice that
 * goes by itself once the check has finished.
 *
 * It works beside workbench.js (which posts the forms): that script tells this one of every
 * answer ("wb:answer", cancelable) and shows the rows this one fetches ("wb:update").
 * Keys are read from event.code, so they are the same on every keyboard layout.
 */
(function () {
  "use strict";
  const root = document.querySelector(".workbench");
  const move = document.getElementById("wb-move");
  if (!root || !move) return;
  const status = document.getElementById("wb-status");
  const median = parseFloat(move.dataset.lengthMedian) || null;
  const EXTREME = 2.5; // as RATIO_EXTREME in translations/review/navigation.py
  const MIN_SOURCE = 20; // RATIO_MIN_SOURCE
  const number = new Intl.NumberFormat(document.documentElement.lang || undefined, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const NEXT_KEYS = { KeyU: "untranslated", KeyO: "outdated", KeyR: "review", KeyE: "errors" };
  let current = null; // the key of the unit last worked in

  function say(message, ok) {
    if (!status) return;
    status.textContent = message || "";
    status.className = "wb-status " + (ok === false ? "error" : "ok");
  }

  function units() {
    return Array.from(root.querySelectorAll(".unit"));
  }

  function unitOf(key) {
    return root.querySelector('.unit[data-key="' + CSS.escape(key) + '"]');
  }

  function currentUnit() {
    const here = document.activeElement && document.activeElement.closest && document.activeElement.closest(".unit");
    if (here) return here;
    return current ? unitOf(current) : null;
  }

  function focusUnit(unit) {
    if (!unit) return;
    const area = unit.querySelector("textarea.translation");
    (area || unit).focus({ preventScroll: true });
    unit.scrollIntoView({ block: "center" });
    current = unit.dataset.key;
  }

  root.addEventListener("focusin", (event) => {
    const unit = event.target.closest(".unit");
    if (unit) current = unit.dataset.key;
  });

  // --- landing: "#unit-<key>" (a jump), "#first" / "#last" (paging unit by unit) -------------
  function land() {
    const hash = decodeURIComponent(location.hash.slice(1));
    const all = units();
    if (hash === "first") focusUnit(all[0]);
    else if (hash === "last") focusUnit(all[all.length - 1]);
    else if (hash.startsWith("unit-")) focusUnit(unitOf(hash.slice(5)));
  }

  // --- the next unit of a state --------------------------------------------------------
  async function jump(state) {
    const params = new URLSearchParams({ state: state, filter: move.dataset.filter, q: move.dataset.q });
    const from = currentUnit();
    const all = units();
    if (from) params.set("after", from.dataset.key);
    else if (all.length) {
      params.set("after", all[0].dataset.key);
      params.set("include", "1");
    }
    let data;
    try {
      const response = await fetch(move.dataset.nextUrl + "?" + params, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      data = await response.json();
    } catch (error) {
      say(String(error), false);
      return;
    }
    if (!data.ok) return say(data.error, false);
    if (!data.found) return say(data.message, true);
    const unit = unitOf(data.key);
    if (unit) {
      focusUnit(unit);
      say(data.message, true);
    } else {
      location.assign(data.url);
    }
  }

  move.querySelectorAll(".wb-next a[data-state]").forEach((link) => {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      jump(link.dataset.state);
    });
  });

  // --- lengths ---------------------------------------------------------------------------
  function measure(unit) {
    const line = unit.querySelector(".unit-length");
    if (!line) return;
    const area = unit.querySelector("textarea.translation");
    const source = +line.dataset.sourceLength;
    // Code points, as the server counts; a unit shown without a text field keeps its count.
    const target = area ? Array.from(area.value.trim()).length : +line.querySelector(".length-target").textContent;
    const ratio = source && target ? target / source : null;
    line.querySelector(".length-target").textContent = target;
    line.querySelector(".length-ratio").textContent = ratio === null ? "—" : number.format(ratio);
    const extreme = !!(median && ratio !== null && source >= MIN_SOURCE &&
      (ratio / median > EXTREME || ratio / median < 1 / EXTREME));
    line.classList.toggle("extreme", extreme);
    line.querySelector(".length-flag").hidden = !extreme;
  }

  root.addEventListener("input", (event) => {
    if (event.target.matches("textarea.translation")) measure(event.target.closest(".unit"));
  });

  // --- bulk submission: the drafts the page shows now ------------------------------------
  const submitAll = root.querySelector("form.wb-submit-all");

  function drafts() {
    return units().filter((unit) => unit.classList.contains("state-draft") && unit.querySelector("form[data-action=submit]"));
  }

  function refreshDrafts() {
    if (!submitAll) return;
    const count = drafts().length;
    submitAll.querySelector(".count").textContent = count;
    submitAll.hidden = count === 0;
  }

  function setHidden(form, name, values) {
    form.querySelectorAll('input[type=hidden][name="' + name + '"]').forEach((input) => input.remove());
    values.forEach((value) => {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      form.appendChild(input);
    });
  }

  // Capture: before workbench.js reads the form, name the units as the page shows them now.
  root.addEventListener("submit", (event) => {
    const form = event.target;
    if (form === submitAll) {
      const listed = drafts();
      if (!listed.length) {
        event.preventDefault();
        event.stopImmediatePropagation();
        say(submitAll.dataset.none || "", false);
        return;
      }
      setHidden(form, "key", listed.map((unit) => unit.dataset.key));
      // The oldest revision a listed unit was shown at: a unit changed since is refused.
      setHidden(form, "based_on", [Math.min(...listed.map((unit) => +unit.dataset.base))]);
    }
    if (form === submitAll || form.matches("form.wb-pretranslate, form.wb-pretranslate-submit")) {
      setHidden(form, "shown", units().map((unit) => unit.dataset.key));
    }
  }, true);

  // --- submitting units with error findings, approving units with open comments: ask ------
  const confirmBoxes = {
    submit: document.getElementById("wb-confirm"),
    approve: document.getElementById("wb-confirm-approve"),
  };

  function ask(findings, kind) {
    const confirmBox = confirmBoxes[kind] || confirmBoxes.submit;
    return new Promise((resolve) => {
      if (!confirmBox || typeof confirmBox.showModal !== "function") {
        const lines = findings.map((f) => f.unit + ": " + f.message).join("\n");
        resolve(window.confirm(lines));
        return;
      }
      const list = confirmBox.querySelector(".findings");
      list.replaceChildren(...findings.map((finding) => {
        const item = document.createElement("li");
        const unit = document.createElement("strong");
        unit.textContent = finding.unit;
        item.append(unit, ": " + finding.message);
        return item;
      }));
      const done = (answer) => {
        confirmBox.close();
        resolve(answer);
      };
      confirmBox.querySelector('button[value="confirm"]').onclick = () => done(true);
      confirmBox.querySelector('button[value="cancel"]').onclick = () => done(false);
      confirmBox.oncancel = () => resolve(false);
      confirmBox.showModal();
      confirmBox.querySelector('button[value="cancel"]').focus();
    });
  }

  root.addEventListener("wb:answer", (event) => {
    const { form, submitter, body } = event.detail;
    if (!body || body.ok || !Array.isArray(body.confirm) || !body.confirm.length) return;
    event.preventDefault();
    say(body.error, false);
    ask(body.confirm, body.confirm_kind).then((yes) => {
      if (!yes || !form.isConnected) return;
      // workbench.js reads the form at once: the flag goes with this request only.
      setHidden(form, "confirm", ["1"]);
      form.requestSubmit(submitter && submitter.form === form ? submitter : null);
      setHidden(form, "confirm", []);
    });
  });

  // Rows re-rendered by an answer: measure them again, count the drafts again.
  new MutationObserver(() => {
    units().forEach(measure);
    refreshDrafts();
  }).observe(root.querySelector(".wb-units") || root, { childList: true });

  // --- the keyboard ----------------------------------------------------------------------
  function typing(target) {
    return target.closest && target.closest("input, textarea, select, [contenteditable]");
  }

  function page(which) {
    const url = move.dataset[which === 1 ? "nextPage" : "previousPage"];
    if (url) location.assign(url + (which === 1 ? "#first" : "#last"));
    return !!url;
  }

  function approve(unit) {
    const button = unit && unit.querySelector("form[data-action=approve] button");
    if (!button) return say(move.dataset.noApprove || "", false);
    if (button.disabled) {
      const why = unit.querySelector(".unit-actions .help");
      return say(why ? why.textContent : "", false);
    }
    button.form.requestSubmit(button);
  }

  function sendBack(unit) {
    const form = unit && unit.querySelector("form[data-action=request-changes]");
    if (!form) return say(move.dataset.noSendBack || "", false);
    form.closest("details").open = true;
    form.querySelector("textarea").focus();
  }

  function filters(event) {
    const links = Array.from(root.querySelectorAll(".wb-filters a"));
    const index = links.indexOf(document.activeElement);
    if (index < 0) return false;
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      const step = event.key === "ArrowRight" ? 1 : -1;
      links[(index + step + links.length) % links.length].focus();
      return true;
    }
    return false;
  }

  function keysList() {
    const list = document.getElementById("wb-keys");
    if (list && typeof list.togglePopover === "function") list.togglePopover();
  }

  document.addEventListener("keydown", (event) => {
    if (event.isComposing) return;
    const inField = typing(event.target);
    let done = true;
    if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey) {
      const unit = currentUnit();
      if (NEXT_KEYS[event.code]) jump(NEXT_KEYS[event.code]);
      else if (event.code === "KeyA") approve(unit);
      else if (event.code === "KeyB") sendBack(unit);
      else if (event.code === "KeyF") document.getElementById("wb-search").focus();
      else if (event.code === "KeyL") (root.querySelector(".wb-filters a[aria-current]") || root.querySelector(".wb-filters a")).focus();
      else done = false;
    } else if (event.altKey && !event.shiftKey && !event.ctrlKey && (event.key === "PageDown" || event.key === "PageUp")) {
      done = page(event.key === "PageDown" ? 1 : -1);
    } else if (event.altKey && !event.shiftKey && !event.ctrlKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      // Within the page workbench.js moves; from its last (first) unit on to the next page.
      const unit = event.target.closest && event.target.closest(".unit");
      const all = units();
      const down = event.key === "ArrowDown";
      done = !!unit && unit === all[down ? all.length - 1 : 0] && page(down ? 1 : -1);
    } else if (!inField && !event.ctrlKey && !event.metaKey && !event.altKey && event.key === "?") {
      keysList();
    } else if (!inField && !event.ctrlKey && !event.metaKey && !event.altKey && event.key === "/") {
      document.getElementById("wb-search").focus();
    } else {
      done = filters(event);
    }
    if (done) event.preventDefault();
  });

  // --- the term check's notice: gone by itself once the check has finished -------------
  const notice = document.getElementById("wb-check-pending");
  if (notice) {
    let wait = 4000;
    const poll = async () => {
      if (document.hidden) return setTimeout(poll, wait);
      let data;
      try {
        const response = await fetch(notice.dataset.statusUrl, {
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        });
        data = await response.json();
      } catch (error) {
        data = null;
      }
      if (!data || data.check === "pending") {
        wait = Math.min(wait * 1.5, 30000);
        setTimeout(poll, wait);
        return;
      }
      // Finished: the rows shown get their findings (a row with unsaved text is left as is).
      const params = new URLSearchParams();
      units().forEach((unit) => params.append("key", unit.dataset.key));
      try {
        const response = await fetch(notice.dataset.rowsUrl + "?" + params, {
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        });
        const rows = await response.json();
        if (rows.ok) root.dispatchEvent(new CustomEvent("wb:update", { detail: rows }));
      } catch (error) {
        return; // the notice stays, with its reload link
      }
      notice.remove();
      say(notice.dataset.done, true);
    };
    setTimeout(poll, wait);
  }

  units().forEach(measure);
  refreshDrafts();
  land();
  window.addEventListener("hashchange", land);
})();
