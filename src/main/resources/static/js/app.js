// CSRF token for htmx requests; charts that click through to the rows behind each bar; indicator filter.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

function cwBarChart(element, data, horizontal) {
  if (!window.echarts || !element) {
    return;
  }
  var chart = echarts.init(element);
  var category = { type: 'category', data: data.labels, axisLabel: { interval: 0 } };
  var value = { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } };
  chart.setOption({
    grid: { left: horizontal ? 90 : 40, right: 20, top: 20, bottom: 40 },
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + '%'; } },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? Object.assign({}, category, { inverse: true }) : value,
    series: [{ type: 'bar', data: data.values, itemStyle: { color: '#b71c1c' },
               label: { show: true, position: horizontal ? 'right' : 'top', formatter: '{c}%' } }]
  });
  chart.on('click', function (params) {
    if (data.links && data.links[params.dataIndex]) {
      window.location.href = data.links[params.dataIndex];
    }
  });
  window.addEventListener('resize', function () { chart.resize(); });
}

document.addEventListener('input', function (event) {
  if (!event.target.matches('[data-filter-list]')) {
    return;
  }
  var needle = event.target.value.trim().toLowerCase();
  document.querySelectorAll(event.target.dataset.filterList + ' [data-filter-text]').forEach(function (item) {
    item.hidden = needle !== '' && item.dataset.filterText.toLowerCase().indexOf(needle) < 0;
  });
});
