/* Progressive enhancement for the search pages: everything works without this file.
 * It adds (1) instant submit of the facet and sort forms, (2) suggestions as you type,
 * (3) the filter panel open on wide screens, (4) "back to search" returning to the last search.
 * Every change of state is a normal navigation, so the URL and the back button stay right. */
(function () {
  "use strict";

  var WIDE = window.matchMedia("(min-width: 761px)");

  /* (1) Tick a facet or pick a sort: submit at once. */
  document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
    form.addEventListener("change", function (event) {
      var target = event.target;
      if (target.type === "checkbox" || target.tagName === "SELECT") {
        form.submit();
      }
    });
  });

  /* (3) The filter panel is a <details>: closed on phones, always open on wide screens. */
  var filters = document.getElementById("filters");
  if (filters) {
    var sync = function () { if (WIDE.matches) { filters.open = true; } };
    sync();
    WIDE.addEventListener("change", sync);
  }

  /* (4) Back to the search the reader came from, with its filters and page. */
  var back = document.querySelector("a[data-back-to-search]");
  if (back && document.referrer) {
    try {
      var from = new URL(document.referrer);
      var search = new URL(back.href);
      if (from.origin === window.location.origin && from.pathname === search.pathname) {
        back.href = from.href;
      }
    } catch (ignored) { /* a referrer we cannot parse: keep the plain link */ }
  }

  /* (2) Suggestions: a listbox under the search box (ARIA combobox pattern). */
  var input = document.querySelector("input[data-suggest-url]");
  var list = document.getElementById("suggestions");
  if (!input || !list || !window.fetch) { return; }

  var DEBOUNCE_MS = 150;
  var MIN_CHARS = 2;
  var labels = {};
  try { labels = JSON.parse(input.dataset.typeLabels || "{}"); } catch (ignored) { labels = {}; }
  var timer = null;
  var controller = null;
  var items = [];
  var active = -1;
  var lastAsked = "";

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  function close() {
    list.hidden = true;
    list.innerHTML = "";
    items = [];
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function highlight(index) {
    var options = list.querySelectorAll("[role=option]");
    options.forEach(function (option, position) {
      option.setAttribute("aria-selected", position === index ? "true" : "false");
    });
    active = index;
    if (index >= 0 && options[index]) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function choose(index) {
    var item = items[index];
    if (!item) { return; }
    if (item.type === "title" && item.record_id) {
      window.location.href = input.dataset.recordUrl.replace(
        "RECORD_ID", encodeURIComponent(item.record_id));
      return;
    }
    input.value = item.text;
    close();
    input.form.submit();
  }

  function show(suggestions) {
    list.innerHTML = "";
    items = suggestions.slice(0, 10);
    if (!items.length) { close(); return; }
    items.forEach(function (item, index) {
      var option = document.createElement("li");
      option.id = "suggestion-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.className = "suggestion suggestion-" + (item.type || "other");
      var text = document.createElement("span");
      text.className = "suggestion-text";
      text.textContent = item.text;
      option.appendChild(text);
      if (item.type) {
        var kind = document.createElement("span");
        kind.className = "suggestion-type";
        kind.textContent = labels[item.type] || item.type;
        option.appendChild(kind);
      }
      /* mousedown, not click: the input keeps focus and does not close the list first. */
      option.addEventListener("mousedown", function (event) {
        event.preventDefault();
        choose(index);
      });
      list.appendChild(option);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    active = -1;
  }

  function ask(text) {
    if (controller) { controller.abort(); }
    controller = window.AbortController ? new AbortController() : null;
    lastAsked = text;
    var url = input.dataset.suggestUrl + "?q=" + encodeURIComponent(text);
    fetch(url, { signal: controller ? controller.signal : undefined,
                 headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (body) {
        if (text !== lastAsked || input.value.trim() !== text) { return; }  /* stale answer */
        show(Array.isArray(body.suggestions) ? body.suggestions : []);
      })
      .catch(function () { /* aborted or offline: the plain search still works */ });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    var text = input.value.trim();
    if (text.length < MIN_CHARS) { close(); return; }
    timer = window.setTimeout(function () { ask(text); }, DEBOUNCE_MS);
  });

  input.addEventListener("keydown", function (event) {
    var open = !list.hidden && items.length > 0;
    if (event.key === "ArrowDown" && open) {
      event.preventDefault();
      highlight(active + 1 >= items.length ? 0 : active + 1);
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      highlight(active <= 0 ? items.length - 1 : active - 1);
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      close();
    }
  });

  input.addEventListener("blur", function () { window.setTimeout(close, 100); });
  input.form.addEventListener("submit", function () {
    window.clearTimeout(timer);
    if (controller) { controller.abort(); }
    close();
  });
})();
