// Every script of the pages lives here (the Content-Security-Policy allows no inline script): CSRF token for htmx
// requests; charts that click through to the rows behind each bar; indicator filter; select-all boxes; back links.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Horizontal bars, one row per label, tall enough to read on a phone; a click opens the rows behind the bar.
function cwBarChart(element, data) {
  if (!window.echarts || !element) {
    return;
  }
  element.style.height = Math.max(200, data.labels.length * 26 + 50) + 'px';
  var chart = echarts.init(element);
  chart.setOption({
    grid: { left: 8, right: 48, top: 10, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + '%'; } },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: data.labels, inverse: true, axisLabel: { interval: 0 } },
    series: [{ type: 'bar', data: data.values, itemStyle: { color: '#b71c1c' },
               label: { show: true, position: 'right', formatter: '{c}%' } }]
  });
  chart.on('click', function (params) {
    if (data.links && data.links[params.dataIndex]) {
      window.location.href = data.links[params.dataIndex];
    }
  });
  window.addEventListener('resize', function () { chart.resize(); });
}

// Charts whose data the page carries in <script type="application/json" data-chart-for="id of the element">.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('script[type="application/json"][data-chart-for]').forEach(function (data) {
    cwBarChart(document.getElementById(data.dataset.chartFor), JSON.parse(data.textContent));
  });
});

// <input type="checkbox" data-check-all="selector">: ticks or clears every box the selector finds.
document.addEventListener('click', function (event) {
  var all = event.target.closest('[data-check-all]');
  if (all) {
    document.querySelectorAll(all.dataset.checkAll).forEach(function (box) { box.checked = all.checked; });
  }
  var back = event.target.closest('a[data-back]');
  if (back && window.history.length > 1) {
    event.preventDefault();
    window.history.back();
  }
});

document.addEventListener('input', function (event) {
  if (!event.target.matches('[data-filter-list]')) {
    return;
  }
  var needle = event.target.value.trim().toLowerCase();
  document.querySelectorAll(event.target.dataset.filterList + ' [data-filter-text]').forEach(function (item) {
    item.hidden = needle !== '' && item.dataset.filterText.toLowerCase().indexOf(needle) < 0;
  });
});

// <select data-submit-on-change>: a choice submits its form at once (no inline handler, which the CSP forbids).
document.addEventListener('change', function (event) {
  if (event.target.matches('[data-submit-on-change]') && event.target.form) {
    event.target.form.submit();
  }
});

// <input type="file" data-max-bytes data-max-files data-too-big data-too-many>: an oversize file, or too many, is
// refused on the phone with the reason, before anything is sent (the server refuses them too).
document.addEventListener('change', function (event) {
  var input = event.target;
  if (!input.matches('input[type="file"][data-max-bytes]')) {
    return;
  }
  var max = Number(input.dataset.maxBytes);
  var big = Array.prototype.filter.call(input.files, function (file) { return file.size > max; })
    .map(function (file) { return file.name; });
  var message = '';
  if (big.length > 0) {
    message = input.dataset.tooBig.replace('%s', big.join('、'));
  } else if (input.files.length > Number(input.dataset.maxFiles)) {
    message = input.dataset.tooMany;
  }
  input.setCustomValidity(message);
  if (message) {
    input.reportValidity();
  }
});

// <form data-upload> with a [data-upload-progress] bar: sent in the background so the bar shows how much of the
// files has gone; the answer then replaces the page as a normal submission would (the next page, or the form again
// with the server's reason).
document.addEventListener('submit', function (event) {
  var form = event.target;
  var progress = form.querySelector('[data-upload-progress]');
  if (!form.matches('form[data-upload]') || !progress || !window.FormData) {
    return;
  }
  event.preventDefault();
  var bar = progress.querySelector('.progress-bar');
  var buttons = form.querySelectorAll('button[type="submit"]');
  buttons.forEach(function (button) { button.disabled = true; });
  progress.hidden = false;
  bar.style.width = '0%';
  var request = new XMLHttpRequest();
  request.open('POST', form.action);
  request.upload.addEventListener('progress', function (e) {
    if (e.lengthComputable) {
      var percent = Math.round(e.loaded * 100 / e.total);
      bar.style.width = percent + '%';
      bar.textContent = percent + '%';
      progress.setAttribute('aria-valuenow', percent);
    }
  });
  request.addEventListener('load', function () {
    // the answer is shown as it came (a redirect's one-time notice is in it: loading the address again would lose it)
    document.open();
    document.write(request.responseText);
    document.close();
    if (request.responseURL) {
      window.history.replaceState(null, '', request.responseURL);
    }
  });
  request.addEventListener('error', function () {
    buttons.forEach(function (button) { button.disabled = false; });
    progress.hidden = true;
    window.alert(form.dataset.uploadFailed || '网络中断,文件没有上传成功,请重试。');
  });
  request.send(new FormData(form));
});

// The menu item of the page shown is marked: the link whose path is the longest start of the address.
document.addEventListener('DOMContentLoaded', function () {
  var here = window.location.pathname;
  var best = null;
  document.querySelectorAll('#menu a.nav-link').forEach(function (link) {
    var path = new URL(link.href, window.location.href).pathname;
    var matches = here === path || (path !== '/' && here.indexOf(path.replace(/\/$/, '') + '/') === 0);
    if (matches && (!best || path.length > new URL(best.href, window.location.href).pathname.length)) {
      best = link;
    }
  });
  if (best) {
    best.classList.add('active');
    best.setAttribute('aria-current', 'page');
  }
});
