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

  // The "Menu" link (which jumps to the menu without JavaScript) becomes a
  // button that opens the menu in place and says whether it is open.
  function setUpMenu() {
    var link = document.querySelector("[data-menu-toggle]");
    var menu = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!menu) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.textContent = link.textContent;
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", menu.id);
    link.replaceWith(button);
    function toggle(open) {
      button.setAttribute("aria-expanded", String(open));
      if (open) menu.setAttribute("data-open", "");
      else menu.removeAttribute("data-open");
    }
    button.addEventListener("click", function () {
      toggle(button.getAttribute("aria-expanded") !== "true");
    });
    return { button: button, close: function () { toggle(false); }, isOpen: function () { return menu.hasAttribute("data-open"); } };
  }

  // Escape closes whatever was opened last: the reading options, then the menu,
  // and gives focus back to the control that opened it.
  function closeOnEscape(menu) {
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      var options = document.querySelector(".reading-options[open]");
      if (options) {
        options.open = false;
        options.querySelector("summary").focus();
      } else if (menu && menu.isOpen()) {
        menu.close();
        menu.button.focus();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    closeOnEscape(setUpMenu());
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
