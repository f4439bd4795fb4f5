// Poll an export job's status and show its progress, error or download link.
(function () {
  var box = document.querySelector(".exchange-job");
  if (!box) { return; }
  var counted = box.dataset.counted;
  function poll() {
    fetch(box.dataset.statusUrl, {credentials: "same-origin"}).then(function (r) { return r.json(); }).then(function (job) {
      var bar = document.getElementById("job-progress");
      bar.max = job.total || 1; bar.value = job.done;
      document.getElementById("job-count").textContent = counted.replace("__DONE__", job.done).replace("__TOTAL__", job.total);
      if (job.error) { var e = document.getElementById("job-error"); e.textContent = job.error; e.className = "errornote"; e.hidden = false; return; }
      if (job.download) { var d = document.getElementById("job-download"); d.querySelector("a").href = job.download; d.hidden = false; return; }
      setTimeout(poll, 1000);
    });
  }
  poll();
})();
