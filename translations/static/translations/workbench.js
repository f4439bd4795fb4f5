/* The workbench: post its forms with fetch and update the unit in place, keyboard shortcuts.
 *
 * Every form of a unit has data-action; the server answers with JSON: the re-rendered rows
 * it touched ({key: html}), the counts per filter, the progress and the newest revision, or
 * an error (403/400) or a conflict (409, with base / theirs / yours) for the unit.
 * Without this script the forms still work: the server redirects back to the page.
 */
(function () {
  "use strict";
  const root = document.querySelector(".workbench");
  if (!root) return;
  const token = root.querySelector("input[name=csrfmiddlewaretoken]").value;
  const status = document.getElementById("wb-status");

  function unitOf(key) {
    return root.querySelector('.unit[data-key="' + CSS.escape(key) + '"]');
  }

  function say(message, ok) {
    status.textContent = message || "";
    status.className = "wb-status " + (ok ? "ok" : "error");
  }

  function autosize(textarea) {
    textarea.style.height = "auto";
    textarea.style.height = Math.min(textarea.scrollHeight + 4, 480) + "px";
  }

  function replaceRow(key, html) {
    const old = unitOf(key);
    if (!old) return null;
    const hadFocus = old.contains(document.activeElement);
    const box = document.createElement("div");
    box.innerHTML = html.trim();
    const fresh = box.firstElementChild;
    old.replaceWith(fresh);
    fresh.querySelectorAll("textarea.translation").forEach(autosize);
    if (hadFocus) {
      const area = fresh.querySelector("textarea.translation");
      (area || fresh).focus();
    }
    return fresh;
  }

  // The bulk approval lists the units approvable when the page was loaded: one approved,
  // sent back or edited since leaves it, and with none left the button goes.
  function refreshBulk() {
    const bulk = root.querySelector("form.wb-bulk");
    if (!bulk) return;
    const inputs = Array.from(bulk.querySelectorAll("input[name=key]"));
    const stale = inputs.filter((input) => {
      const unit = unitOf(input.value);
      return !unit || unit.classList.contains("has-errors") || !unit.querySelector("form[data-action=approve]");
    });
    if (!stale.length) return;
    stale.forEach((input) => input.remove());
    if (stale.length === inputs.length) {
      bulk.remove();
      return;
    }
    const button = bulk.querySelector("button");
    if (button.dataset.label) button.textContent = button.dataset.label;
  }

  // After a save the page follows the newest revision: every unit still at the page's revision
  // moves there (nobody changed it since, or its new text came back with the answer); a unit
  // someone else changed while it holds unsaved text keeps its base, so saving it merges.
  function follow(base, changed) {
    const previous = +root.dataset.base;
    root.querySelectorAll(".unit").forEach((unit) => {
      if (+unit.dataset.base !== previous) return;
      if (changed.has(unit.dataset.key) && unit.classList.contains("dirty")) return;
      unit.dataset.base = base;
      unit.querySelectorAll("input[name=based_on]").forEach((input) => (input.value = base));
    });
  }

  function update(data) {
    const changed = new Set(data.changed || []);
    Object.entries(data.rows || {}).forEach(([key, html]) => {
      const unit = unitOf(key);
      if (changed.has(key) && unit && unit.classList.contains("dirty")) return;
      replaceRow(key, html);
    });
    refreshBulk();
    if (data.counts) {
      Object.entries(data.counts).forEach(([name, count]) => {
        const badge = root.querySelector('.count[data-filter="' + name + '"]');
        if (badge) badge.textContent = count;
      });
    }
    if (data.progress_html) document.getElementById("wb-progress").innerHTML = data.progress_html;
    if (data.base && data.base !== +root.dataset.base) {
      follow(data.base, changed);
      const head = document.getElementById("wb-head");
      head.textContent = head.textContent.replace(root.dataset.base, data.base);
      root.dataset.base = data.base;
    }
  }

  function showConflict(unit, data, mine) {
    const template = document.getElementById("wb-conflict");
    const box = template.content.firstElementChild.cloneNode(true);
    const conflict = (data.conflicts || [])[0] || {};
    box.querySelector(".message").textContent = data.error;
    box.querySelector(".base").textContent = conflict.deleted ? "" : (conflict.base || "");
    box.querySelector(".theirs").textContent = conflict.deleted ? "—" : (conflict.theirs || "");
    box.querySelector(".mine").textContent = mine;
    const key = unit.dataset.key;
    box.querySelector(".keep-mine").addEventListener("click", () => {
      unit.dataset.base = data.head;
      const form = unit.querySelector("form[data-action=save]");
      form.querySelector("input[name=based_on]").value = data.head;
      box.remove();
      form.requestSubmit(form.querySelector('button[value="0"]'));
    });
    box.querySelector(".take-theirs").addEventListener("click", () => {
      if (data.rows && data.rows[key]) replaceRow(key, data.rows[key]);
      else box.remove();
    });
    unit.querySelectorAll(".conflict").forEach((old) => old.remove());
    unit.querySelector(".unit-message").before(box);
    box.querySelector("button").focus();
  }

  async function send(form, submitter) {
    const data = new FormData(form);
    if (submitter && submitter.name) data.set(submitter.name, submitter.value);
    data.set("seen", root.dataset.base);
    // The page's search: rows sent back re-rendered keep its marks.
    const query = new URLSearchParams(window.location.search).get("q");
    if (query && !data.has("q")) data.set("q", query);
    const unit = form.closest(".unit");
    if (form.classList.contains("wb-bulk")) {
      // The oldest revision any listed unit was shown at: a unit changed since is refused.
      const bases = data.getAll("key").map((key) => unitOf(key)).filter(Boolean).map((u) => +u.dataset.base);
      if (bases.length) data.set("based_on", Math.min(...bases));
    }
    const buttons = form.querySelectorAll("button");
    buttons.forEach((b) => (b.disabled = true));
    let response, body;
    try {
      response = await fetch(form.action, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-CSRFToken": token, Accept: "application/json" },
      });
      body = await response.json();
    } catch (error) {
      body = { ok: false, error: String(error) };
    }
    buttons.forEach((b) => (b.disabled = false));
    // Other scripts of the page may take an answer over (workbench_move.js asks before
    // submitting units with error findings): a cancelled event ends here.
    const answer = new CustomEvent("wb:answer", {
      cancelable: true,
      detail: { form: form, submitter: submitter, status: response ? response.status : 0, body: body },
    });
    if (!root.dispatchEvent(answer)) return;
    const message = unit && unit.isConnected ? unit.querySelector(".unit-message") : null;
    if (response && response.status === 409 && unit) {
      showConflict(unit, body, data.get("text") || "");
      say(body.error, false);
      return;
    }
    if (!body.ok) {
      if (message) message.textContent = body.error;
      say(body.error, false);
      return;
    }
    update(body);
    say(body.message, true);
  }

  // Rows, counts and a newer revision fetched by other scripts of the page, shown as an
  // action's answer is (rows listed in "changed" that hold unsaved text are left alone).
  root.addEventListener("wb:update", (event) => update(event.detail));

  root.addEventListener("submit", (event) => {
    const form = event.target.closest("form[data-action]");
    if (!form) return;
    event.preventDefault();
    send(form, event.submitter);
  });

  root.addEventListener("input", (event) => {
    if (!event.target.matches("textarea.translation")) return;
    autosize(event.target);
    const unit = event.target.closest(".unit");
    unit.classList.toggle("dirty", event.target.value !== event.target.dataset.original);
  });

  function move(from, step) {
    const units = Array.from(root.querySelectorAll(".unit"));
    const index = units.indexOf(from.closest(".unit"));
    const next = units[index + step];
    if (!next) return;
    const area = next.querySelector("textarea.translation");
    (area || next).focus();
    next.scrollIntoView({ block: "nearest" });
  }

  root.addEventListener("keydown", (event) => {
    const field = event.target.closest && event.target.closest("form[data-action] textarea");
    if (field && event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      // In a translation: save (with Shift: and submit); in a comment: send it.
      event.preventDefault();
      const form = field.form;
      const button = field.matches(".translation")
        ? form.querySelector(event.shiftKey ? 'button[value="1"]' : 'button[value="0"]')
        : null;
      form.requestSubmit(button);
    } else if (event.altKey && (event.key === "ArrowDown" || event.key === "ArrowUp") && event.target.closest(".unit")) {
      event.preventDefault();
      move(event.target, event.key === "ArrowDown" ? 1 : -1);
    }
  });

  window.addEventListener("beforeunload", (event) => {
    if (root.querySelector(".unit.dirty")) event.preventDefault();
  });

  root.querySelectorAll("textarea.translation").forEach(autosize);
})();
