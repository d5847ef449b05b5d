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
