// Progressive enhancement only: every page reads and works with this file absent.
// Loaded in <head> without defer, so the visitor's reading preferences are on
// <html> before the first paint (no flash of the default look).
(function () {
  "use strict";
  var root = document.documentElement;
  var KEY = "reading-options";
  // The preferences and the values site.css styles; anything else is ignored.
  var ALLOWED = { text: ["large", "largest"], spacing: ["wide"], theme: ["soft", "contrast"] };

  function load() {
    try {
      var stored = JSON.parse(localStorage.getItem(KEY));
      return stored && typeof stored === "object" ? stored : {};
    } catch (error) {
      return {}; // storage blocked (private mode, strict settings): defaults
    }
  }

  function save(prefs) {
    try {
      localStorage.setItem(KEY, JSON.stringify(prefs));
    } catch (error) {
      // Not saved: the choice still applies to this page.
    }
  }

  function apply(prefs) {
    Object.keys(ALLOWED).forEach(function (name) {
      if (ALLOWED[name].indexOf(prefs[name]) >= 0) {
        root.setAttribute("data-" + name, prefs[name]);
      } else {
        root.removeAttribute("data-" + name);
      }
    });
  }

  root.classList.replace("no-js", "js");
  apply(load());

  // The radio groups are named reading-text, reading-spacing and reading-theme.
  function showChoices(panel, prefs) {
    Object.keys(ALLOWED).forEach(function (name) {
      var value = ALLOWED[name].indexOf(prefs[name]) >= 0 ? prefs[name] : "";
      var input = panel.querySelector('input[name="reading-' + name + '"][value="' + value + '"]');
      if (input) input.checked = true;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var panel = document.querySelector("[data-reading-options]");
    if (!panel) return;
    var prefs = load();
    showChoices(panel, prefs);
    panel.addEventListener("change", function (event) {
      var name = event.target.name.replace("reading-", "");
      if (!ALLOWED[name]) return;
      prefs[name] = event.target.value;
      apply(prefs);
      save(prefs);
    });
    // A choice made in another tab follows here too.
    window.addEventListener("storage", function (event) {
      if (event.key !== KEY) return;
      prefs = load();
      apply(prefs);
      showChoices(panel, prefs);
    });
  });
})();
