/**
 * Web-page renderings of real reports, as the variants of issue 14 need them: the report's own lines as
 * paragraphs of a government site's article page, wrapped in the chrome such pages have (crawler
 * metadata block, navigation, breadcrumb, share/print bar, related links, footer). Nothing of the report
 * is changed; only the page around it is generated.
 */

/** The site chrome around the article. */
export interface PageChrome {
  /** The page title (usually the report title). */
  title: string;
  /** The site's name, in the header and footer (a different body than the report's agency). */
  site: string;
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The crawler metadata block some archives put before the page. */
export function crawlerHeader(chrome: PageChrome): string {
  return [
    '---',
    `url: https://www.example.gov.cn/zwgk/ndbg/202401/t20240131_1234567.html`,
    `title: ${chrome.title}`,
    'crawled_at: 2024-03-02T08:15:00Z',
    `site: ${chrome.site}`,
    '---',
    '',
  ].join('\n');
}

/** The report's lines as a whole article page (HTML). */
export function articlePage(report: string, chrome: PageChrome): string {
  const paragraphs = report
    .split('\n')
    .map((line) => `<p style="text-indent:2em">${escape(line).replace(/\t/g, '&emsp;')}</p>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(chrome.title)}_${escape(chrome.site)}</title>
<script>var _hmt = _hmt || []; (function(){ var hm = document.createElement("script"); })();</script>
<style>.share a{margin:0 4px}</style></head>
<body>
<div class="top"><a href="/">${escape(chrome.site)}</a> | <a href="#">无障碍</a> | <a href="#">长者模式</a></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开年报</a> &gt; ${escape(chrome.title)}</div>
<div class="article">
<h1>${escape(chrome.title)}</h1>
<div class="info">来源：${escape(chrome.site)}办公室\u3000\u3000时间：2024-01-31 10:25\u3000\u3000浏览次数：1024\u3000\u3000<span class="share">分享到：<a>微信</a><a>微博</a><a>QQ空间</a></span>\u3000字号：<a>大</a> <a>中</a> <a>小</a></div>
<div class="content">
${paragraphs}
</div>
<div class="tools">【<a>打印本页</a>】【<a>关闭窗口</a>】</div>
<div class="related"><h3>相关链接</h3><ul>
<li><a>2022年政府信息公开工作年度报告</a></li>
<li><a>市交通运输局2023年政府信息公开工作年度报告</a></li>
<li><a>关于印发2024年政务公开工作要点的通知</a></li>
</ul></div>
</div>
<div class="footer"><p>主办单位：${escape(chrome.site)}办公室\u3000承办单位：${escape(chrome.site)}大数据中心</p>
<p>版权所有：${escape(chrome.site)}\u3000网站标识码：3208000001\u3000苏ICP备05012345号-1\u3000苏公网安备 32080202000123号</p>
<p><a>网站地图</a> | <a>联系我们</a> | <a>隐私声明</a></p></div>
</body></html>
`;
}

/**
 * The same page as text, as a crawler or "save as text" gives it: the chrome's lines around the report's
 * lines (the report's lines unchanged).
 */
export function articleText(report: string, chrome: PageChrome): string {
  return [
    crawlerHeader(chrome),
    `${chrome.site}\u3000无障碍\u3000长者模式`,
    '首页 政务公开 政务服务 互动交流',
    `当前位置：首页 > 政务公开 > 政府信息公开年报 > ${chrome.title}`,
    chrome.title,
    `来源：${chrome.site}办公室  时间：2024-01-31 10:25  浏览次数：1024  分享到：微信 微博 QQ空间  字号：大 中 小`,
    report,
    '【打印本页】【关闭窗口】',
    '相关链接',
    '2022年政府信息公开工作年度报告',
    '市交通运输局2023年政府信息公开工作年度报告',
    `主办单位：${chrome.site}办公室  版权所有：${chrome.site}  网站标识码：3208000001  苏ICP备05012345号-1`,
    '网站地图 | 联系我们 | 隐私声明',
    '',
  ].join('\n');
}
