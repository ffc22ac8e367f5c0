// Progressive enhancement only: every page reads and works with this file absent.
document.documentElement.classList.replace("no-js", "js");
