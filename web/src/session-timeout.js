// Takes a signed-in person to the timeout warning page two minutes before their session would
// end for inactivity, so they can choose to stay signed in. Without JavaScript the session still
// ends safely; the person is just not warned first.
const marker = document.querySelector("[data-waymark-session-warning-after]");
if (marker) {
  const seconds = Number(marker.dataset.waymarkSessionWarningAfter);
  if (Number.isFinite(seconds) && seconds >= 0) {
    window.setTimeout(() => {
      window.location.assign("/session/timeout-warning");
    }, seconds * 1000);
  }
}
