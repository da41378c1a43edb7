// Adds a Print button to the question sheet. Without JavaScript the page says how to
// print with the browser's own command, so nothing depends on this file.
(function () {
  var help = document.getElementById("print-help");
  if (!help || !window.print) { return; }
  var button = document.createElement("button");
  button.type = "button";
  button.className = "button";
  button.textContent = help.getAttribute("data-label");
  button.addEventListener("click", function () { window.print(); });
  help.insertBefore(button, help.firstChild);
})();
