/**
 * The batch HTML report of `juesuan check --out DIR`: one page, per-file summary and every finding,
 * with links to the annotated copies; sortable by clicking a column. All text is escaped.
 */
import { basename, relative } from "node:path";
import type { FileReport } from "./check-file";
import { countBySeverity, KIND_NAMES, SEVERITY_NAMES } from "./readable";

export function escapeHtml(s: unknown): string {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function renderHtmlReport(reports: readonly FileReport[], outDir: string): string {
  const summaryRows = reports
    .map((r) => {
      const c = countBySeverity(r.findings);
      const link = r.annotated ? `<a href="${escapeHtml(encodeURI(relative(outDir, r.annotated)))}">${escapeHtml(basename(r.annotated))}</a>` : "";
      const state = r.error ? `<span class="error">无法读取：${escapeHtml(r.error)}</span>` : c.error ? "有错误" : c.warning ? "有警告" : "通过";
      return `<tr><td>${escapeHtml(r.file)}</td><td>${r.tables.length}</td><td data-v="${c.error}">${c.error}</td><td data-v="${c.warning}">${c.warning}</td><td data-v="${c.info}">${c.info}</td><td>${state}</td><td>${link}</td></tr>`;
    })
    .join("\n");
  const findingRows = reports
    .flatMap((r) =>
      r.findings.map(
        (f) =>
          `<tr class="${f.severity}"><td>${escapeHtml(basename(r.file))}</td><td>${SEVERITY_NAMES[f.severity]}</td><td>${escapeHtml(f.rule)}</td><td>${escapeHtml(f.sheet ?? "")}</td><td>${escapeHtml(f.cell ?? "")}</td><td>${escapeHtml(f.message)}</td><td>${escapeHtml(f.expected ?? "")}</td><td>${escapeHtml(f.actual ?? "")}</td></tr>`,
      ),
    )
    .join("\n");
  const tableRows = reports
    .flatMap((r) => r.tables.map((t) => `<tr><td>${escapeHtml(basename(r.file))}</td><td>${escapeHtml(t.sheet)}</td><td>${escapeHtml(KIND_NAMES[t.kind] ?? t.kind)}</td><td>${escapeHtml(t.range)}</td><td>${escapeHtml(t.unit ?? "")}</td><td>${escapeHtml(t.year ?? "")}</td><td>${escapeHtml(t.unitName ?? "")}</td></tr>`))
    .join("\n");
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>决算检查报告</title>
<style>
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:24px;color:#222}
table{border-collapse:collapse;margin:12px 0;width:100%}th,td{border:1px solid #ccc;padding:4px 8px;font-size:13px;vertical-align:top}
th{background:#f3f3f3;cursor:pointer;user-select:none}tr.error td{background:#FFC7CE}tr.warning td{background:#FFEB9C}tr.info td{background:#DDEBF7}
.error{color:#9c0006}
</style></head><body>
<h1>决算检查报告</h1>
<p>共 ${reports.length} 个工作簿；由 juesuan 在本机生成，未上传任何数据。点击表头可排序。</p>
<h2>各文件</h2>
<table class="sortable"><thead><tr><th>文件</th><th>识别表数</th><th>错误</th><th>警告</th><th>提示</th><th>结论</th><th>标注副本</th></tr></thead><tbody>
${summaryRows}
</tbody></table>
<h2>问题清单</h2>
<table class="sortable"><thead><tr><th>文件</th><th>级别</th><th>规则</th><th>工作表</th><th>单元格</th><th>说明</th><th>应为</th><th>实为</th></tr></thead><tbody>
${findingRows}
</tbody></table>
<h2>识别的表</h2>
<table class="sortable"><thead><tr><th>文件</th><th>工作表</th><th>表</th><th>区域</th><th>单位</th><th>年度</th><th>编制单位</th></tr></thead><tbody>
${tableRows}
</tbody></table>
<script>
document.querySelectorAll("table.sortable th").forEach(function(th, i){th.addEventListener("click", function(){
  var tbody = th.closest("table").tBodies[0]; var rows = Array.prototype.slice.call(tbody.rows);
  var asc = th.dataset.asc !== "1"; th.dataset.asc = asc ? "1" : "0";
  rows.sort(function(a, b){ var x = a.cells[i].textContent, y = b.cells[i].textContent; var nx = parseFloat(x), ny = parseFloat(y);
    var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, "zh-CN"); return asc ? c : -c; });
  rows.forEach(function(r){ tbody.appendChild(r); });
});});
</script>
</body></html>
`;
}
