// Progressive enhancement only: every page works without this file.
// Location questions: offer the device's location, filling the question's latitude and
// longitude inputs. Without JavaScript (or if the resident declines), they describe the place.
(function () {
  "use strict";
  if (!("geolocation" in navigator)) return;
  document.querySelectorAll("[data-module='fd-location']").forEach(function (container) {
    var latitude = document.getElementById(container.getAttribute("data-latitude"));
    var longitude = document.getElementById(container.getAttribute("data-longitude"));
    if (!latitude || !longitude) return;
    var status = document.createElement("p");
    status.className = "fd-body fd-location__found";
    status.setAttribute("role", "status");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "fd-button fd-button--secondary";
    button.textContent = "Use my current location";
    button.addEventListener("click", function () {
      status.textContent = "Finding your location…";
      navigator.geolocation.getCurrentPosition(function (position) {
        latitude.value = position.coords.latitude.toFixed(6);
        longitude.value = position.coords.longitude.toFixed(6);
        status.textContent = "We have your location. You can still describe the place below.";
      }, function () {
        status.textContent = "We could not get your location. Describe the place below instead.";
      }, { enableHighAccuracy: true, timeout: 15000 });
    });
    container.appendChild(button);
    container.appendChild(status);
  });
})();

// Find a customer: results as you type. The box is a plain GET form that works without this;
// here, after a short pause in typing, the same page is fetched for what is in the box (the
// request the form itself would make, and no other) and its results replace these, parsed as a
// document rather than written in as HTML.
(function () {
  "use strict";
  var form = document.querySelector("form[data-module='fd-live-search']");
  if (!form || !("fetch" in window) || !("DOMParser" in window) || !("URLSearchParams" in window)) return;
  var box = form.querySelector("input[type='search']");
  var results = document.getElementById(form.getAttribute("data-results"));
  if (!box || !results) return;
  var timer = null;
  var asked = 0;
  box.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      if (box.value.trim().length < 2) return;
      var url = form.action + "?" + new URLSearchParams(new FormData(form)).toString();
      var mine = ++asked;
      fetch(url, { method: "GET", credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (html === null || mine !== asked) return;
          var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(results.id);
          if (!fresh) return;
          var adopted = document.importNode(fresh, true);
          results.replaceWith(adopted);
          results = adopted;
          window.history.replaceState(null, "", url);
        })
        .catch(function () { /* the Find button still works */ });
    }, 300);
  });
})();

// The call screen: calls put through to this advisor, pushed over a WebSocket as they ring.
// Without this, the "Your calls" page lists the same calls, and any customer can be found by
// search. Each message is the whole list, rebuilt here from text (never parsed as HTML).
(function () {
  "use strict";
  var screen = document.querySelector("[data-call-socket]");
  if (!screen || !("WebSocket" in window)) return;
  var retry = 1000;
  function render(calls) {
    while (screen.firstChild) screen.removeChild(screen.firstChild);
    calls.forEach(function (call) {
      var panel = document.createElement("div");
      panel.className = "fd-call-pop fd-call-pop--" + call.state;
      // Not a heading element: it comes before the page's own h1.
      var heading = document.createElement("p");
      heading.className = "fd-heading-s fd-call-pop__heading";
      heading.textContent = call.heading;
      var detail = document.createElement("p");
      detail.className = "fd-body";
      detail.textContent = call.detail;
      var link = document.createElement("a");
      link.className = "fd-link fd-call-pop__link";
      link.href = call.href;
      link.textContent = call.linkText;
      panel.appendChild(heading);
      panel.appendChild(detail);
      panel.appendChild(link);
      screen.appendChild(panel);
    });
  }
  function connect() {
    var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + screen.getAttribute("data-call-socket"));
    socket.addEventListener("open", function () { retry = 1000; });
    socket.addEventListener("message", function (event) {
      try { render(JSON.parse(event.data).calls || []); } catch (ignored) { /* a malformed message leaves the screen as it was */ }
    });
    socket.addEventListener("close", function () {
      window.setTimeout(connect, retry);
      retry = Math.min(retry * 2, 30000);
    });
  }
  connect();
})();

// Guidance for advisors: choosing a service shows its guidance at once. Every service's
// guidance is already on the page; without this, the Show guidance button reloads the page.
(function () {
  "use strict";
  var form = document.querySelector("form[data-guidance-form]");
  if (!form) return;
  var select = form.querySelector("select");
  var button = form.querySelector("button");
  if (!select) return;
  if (button) button.hidden = true;
  select.addEventListener("change", function () {
    document.querySelectorAll(".fd-guidance__section").forEach(function (section) {
      section.hidden = section.id !== "guidance-" + select.value;
    });
  });
})();
