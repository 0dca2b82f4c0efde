// Takes a signed-in person to the timeout warning page two minutes before their session would
// end for inactivity, so they can choose to stay signed in. Without JavaScript the session still
// ends safely; the person is just not warned first.
const warningPage = "/session/timeout-warning";
const marker = document.querySelector("[data-waymark-session-warning-after]");
// On the warning page itself the time left is under two minutes: going there again would only
// reload it in a loop.
if (marker && window.location.pathname !== warningPage) {
  const seconds = Number(marker.dataset.waymarkSessionWarningAfter);
  if (Number.isFinite(seconds) && seconds >= 0) {
    window.setTimeout(() => {
      window.location.assign(warningPage);
    }, seconds * 1000);
  }
}
