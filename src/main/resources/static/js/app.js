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
