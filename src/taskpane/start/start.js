/*
 * ZoneReport start script: the first code of the task pane, in ES5 on purpose (checked by
 * src/taskpane/start/start.test.ts), so that it runs in every web engine Office puts add-ins in.
 *
 * Volume-licensed Office 2016/2019 (and older builds of the others) show add-ins in Internet
 * Explorer 11 (Trident) or Edge Legacy (EdgeHTML). The pane (React 19, Fluent UI v9, exact decimal
 * arithmetic with BigInt) cannot run there, and its bundle (ES2022) does not even parse. So this
 * script checks the engine for what the bundle needs; where something is missing it shows a
 * bilingual message instead of a blank pane (Microsoft's advice): update Office, or open this same
 * page in a current browser (the standalone mode works on .xlsx files). Otherwise it loads the
 * bundle (listed in its data-entry attribute) and keeps watch: if the bundle fails to load or to
 * run, or the pane has not started within START_TIMEOUT_MS, the message shows as well, with the
 * reason. The pane tells it that it started with the window event "zonereport:started".
 */
(function () {
  'use strict';

  var START_TIMEOUT_MS = 45000;
  var doc = document;
  var me = doc.getElementById('zr-start');
  var entry = me ? (me.getAttribute('data-entry') || '').split(' ') : [];
  var started = false;
  var shown = null;

  /** 'ie' (Trident), 'edge' (EdgeHTML) or 'other', from the user agent, for the wording only. */
  function engine() {
    var ua = navigator.userAgent || '';
    if (ua.indexOf('Trident/') !== -1 || ua.indexOf('MSIE ') !== -1) return 'ie';
    if (/ Edge\/\d/.test(ua)) return 'edge';
    return 'other';
  }

  /** The built-ins the bundle relies on that old engines lack; their presence implies its ES2022 syntax in current engines. */
  function missingFeatures() {
    var w = window;
    var checks = [
      ['Promise', typeof w.Promise === 'function' && typeof w.Promise.prototype['finally'] === 'function'],
      ['Symbol', typeof w.Symbol === 'function'],
      ['Map', typeof w.Map === 'function' && typeof w.Set === 'function' && typeof w.WeakMap === 'function'],
      ['Proxy', typeof w.Proxy === 'function' && typeof w.Reflect === 'object'],
      ['BigInt', typeof w.BigInt === 'function'],
      ['globalThis', typeof w.globalThis === 'object'],
      ['WeakRef', typeof w.WeakRef === 'function'],
      ['structuredClone', typeof w.structuredClone === 'function'],
      ['TextDecoder', typeof w.TextDecoder === 'function' && typeof w.TextEncoder === 'function'],
      ['AbortController', typeof w.AbortController === 'function']
    ];
    var missing = [];
    for (var i = 0; i < checks.length; i++) if (!checks[i][1]) missing.push(checks[i][0]);
    return missing;
  }

  /** This page's address without its query (Office adds one): what to open in a browser. */
  function pageAddress() {
    return String(location.href).split('#')[0].split('?')[0];
  }

  function texts(kind, detail) {
    var url = pageAddress();
    var engineZh = engine() === 'ie' ? 'Internet Explorer 11' : engine() === 'edge' ? '旧版 Edge(EdgeHTML)' : '旧的浏览器内核';
    var engineEn = engine() === 'ie' ? 'Internet Explorer 11' : engine() === 'edge' ? 'Edge Legacy (EdgeHTML)' : 'an old browser engine';
    var adviceZh =
      '可以:① 更新到 Microsoft 365 或 Office 2021 及以上版本(零售版 Office 2016/2019 安装 Microsoft Edge WebView2 运行时后也可);' +
      '② 在 Edge、Chrome、360 等较新的浏览器中打开本页面 ' + url + ' ,用“打开文件”核查 .xlsx 文件,标注后的工作簿和汇总可以下载。';
    var adviceEn =
      'You can: (1) update to Microsoft 365 or Office 2021 or later (retail Office 2016/2019 also work once the Microsoft Edge WebView2 runtime is installed); ' +
      '(2) open this page, ' + url + ', in Edge, Chrome or another current browser and check the .xlsx files there with "Open files"; the annotated workbooks and the summary can be downloaded.';
    if (kind === 'engine') {
      return {
        zh: { title: '此版本的 Office 无法运行本加载项', body: '这台电脑上的 Office 用 ' + engineZh + ' 显示加载项,本工具无法在其中运行(缺少:' + detail + ')。' + adviceZh },
        en: { title: 'This version of Office cannot run this add-in', body: 'Office on this computer shows add-ins with ' + engineEn + ', which cannot run this tool (missing: ' + detail + '). ' + adviceEn }
      };
    }
    return {
      zh: { title: '任务窗格未能启动', body: '原因:' + detail + '。请关闭后重新打开任务窗格。若仍不行,' + adviceZh },
      en: { title: 'The task pane could not start', body: 'Reason: ' + detail + '. Close and reopen the task pane. If it still fails: ' + adviceEn }
    };
  }

  function paragraph(text, lang, strong) {
    var el = doc.createElement(strong ? 'strong' : 'p');
    el.setAttribute('lang', lang);
    el.style.cssText = strong ? 'display:block;margin:0 0 4px 0;font-size:15px' : 'margin:0 0 12px 0;line-height:1.5';
    el.appendChild(doc.createTextNode(text));
    return el;
  }

  /** Shows the message (once; a later one replaces it) above the pane's root. */
  function show(kind, detail) {
    var render = function () {
      var t = texts(kind, detail);
      var box = doc.createElement('div');
      box.id = 'zr-start-message';
      box.setAttribute('role', 'alert');
      box.setAttribute('data-kind', kind);
      box.style.cssText =
        'margin:8px;padding:12px;border:1px solid #d13438;border-radius:4px;background:#fde7e9;color:#201f1e;' +
        'font-family:"Segoe UI","Microsoft YaHei",sans-serif;font-size:14px';
      box.appendChild(paragraph(t.zh.title, 'zh-CN', true));
      box.appendChild(paragraph(t.zh.body, 'zh-CN', false));
      box.appendChild(paragraph(t.en.title, 'en-US', true));
      box.appendChild(paragraph(t.en.body, 'en-US', false));
      if (shown && shown.parentNode) shown.parentNode.removeChild(shown);
      shown = box;
      doc.body.insertBefore(box, doc.body.firstChild);
    };
    if (doc.body) render();
    else doc.addEventListener('DOMContentLoaded', render);
  }

  function isOurs(filename) {
    if (!filename) return false;
    for (var i = 0; i < entry.length; i++) if (entry[i] && String(filename).indexOf(entry[i]) !== -1) return true;
    return false;
  }

  var missing = missingFeatures();
  if (missing.length > 0) {
    show('engine', missing.join(', '));
    return;
  }

  window.addEventListener('zonereport:started', function () {
    started = true;
    if (shown && shown.parentNode) shown.parentNode.removeChild(shown);
    shown = null;
  });
  // an error in the bundle before the pane started (a syntax this engine lacks, a missing built-in)
  window.addEventListener('error', function (e) {
    if (!started && isOurs(e.filename)) show('failed', String(e.message || 'script error'));
  });
  setTimeout(function () {
    if (!started) show('failed', 'timeout (' + START_TIMEOUT_MS / 1000 + ' s)');
  }, START_TIMEOUT_MS);

  for (var i = 0; i < entry.length; i++) {
    if (!entry[i]) continue;
    var s = doc.createElement('script');
    s.src = entry[i];
    // keep the listed order (webpack's runtime and chunks)
    s.async = false;
    s.onerror = function () {
      if (!started) show('failed', 'could not load ' + this.src);
    };
    (doc.head || doc.documentElement).appendChild(s);
  }
})();
