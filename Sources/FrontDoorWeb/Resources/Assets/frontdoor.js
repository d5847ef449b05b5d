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
