// Kiosk mode: back to the start after a time without input, counted from the last touch,
// key, scroll or typing, not from when the page opened; and before that, "Are you still
// there?" with a button to continue (WCAG 2.2.1, Timing Adjustable: warned, and able to
// extend). Its words and times come from the page (#idle-warning, in templates/layout.html),
// translated there. Without JavaScript the page's <noscript> refresh does a blunter job.
//
// On the question sheet it also adds the Print button, as print.js does on the web: one
// script per kiosk page keeps it within the page-weight budget of three requests.
(function () {
  "use strict";

  var help = document.getElementById("print-help");
  if (help && window.print) {
    var print = document.createElement("button");
    print.type = "button";
    print.className = "button";
    print.textContent = help.getAttribute("data-label");
    print.addEventListener("click", function () { window.print(); });
    help.insertBefore(print, help.firstChild);
  }

  var box = document.getElementById("idle-warning");
  if (!box) { return; }
  var idle = Number(box.getAttribute("data-idle-seconds")) * 1000;
  var warn = Number(box.getAttribute("data-warn-seconds")) * 1000;
  var start = box.getAttribute("data-start");
  var text = document.getElementById("idle-warning-text");
  var button = box.querySelector("button");
  if (!(idle > 0) || !start || !text || !button) { return; }

  var last = Date.now();
  var open = false;
  var before = null;

  function show() {
    open = true;
    before = document.activeElement;
    box.hidden = false;
    // Put in now, not before: a live region announces what is added to it.
    text.textContent = text.getAttribute("data-text");
    button.focus();
  }

  function hide() {
    open = false;
    box.hidden = true;
    text.textContent = "";
    if (before && before !== document.body && document.contains(before) && before.focus) {
      before.focus({ preventScroll: true });
    }
    before = null;
  }

  // Any sign of someone there starts the count again; with the question showing, it is
  // the answer to it (the button, Escape, any key or touch).
  function active() {
    last = Date.now();
    if (open) { hide(); }
  }

  ["pointerdown", "touchstart", "keydown", "wheel", "scroll", "input"].forEach(function (type) {
    document.addEventListener(type, active, { capture: true, passive: true });
  });
  button.addEventListener("click", active);

  // A timestamp checked often rather than one long timer: a tablet that slept, or a
  // throttled background tab, still leaves on time.
  var timer = window.setInterval(function () {
    var quiet = Date.now() - last;
    if (quiet >= idle) {
      window.clearInterval(timer);
      // Replace: the page left behind does not stay in this tab's history.
      window.location.replace(start);
    } else if (quiet >= idle - warn && !open) {
      show();
    }
  }, 250);
})();
