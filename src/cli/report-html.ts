/**
 * The batch HTML report of `juesuan check --out DIR`: one page, per-file summary and one entry per
 * marked cell with every rule it breaks (groupFindingsByCell, as in the pane), with links to the
 * annotated copies. No inline script: the column sorting lives in REPORT_SCRIPT, written next to the
 * report, and the page's policy allows only that file and the page's own style (by hash).
 * Every text is escaped; links are relative file paths, percent-encoded segment by segment.
 */
import { createHash } from "node:crypto";
import { basename, isAbsolute, relative, sep } from "node:path";
import { groupFindingsByCell } from "../domain/finding-groups";
import type { FileReport } from "./check-file";
import { countBySeverity, KIND_NAMES, SEVERITY_NAMES } from "./readable";

export const REPORT_NAME = "决算检查报告.html";
export const REPORT_SCRIPT_NAME = "决算检查报告.js";

export function escapeHtml(s: unknown): string {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A link to a file inside the report's folder: "./" + percent-encoded segments, never a scheme or an absolute path. */
export function relativeHref(fromDir: string, target: string): string | null {
  const rel = relative(fromDir, target);
  if (!rel || isAbsolute(rel) || rel.split(sep).includes("..")) return null;
  return "./" + rel.split(sep).map((part) => encodeURIComponent(part)).join("/");
}

const STYLE = `body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:24px;color:#222}
table{border-collapse:collapse;margin:12px 0;width:100%}th,td{border:1px solid #ccc;padding:4px 8px;font-size:13px;vertical-align:top}
th{background:#f3f3f3;cursor:pointer;user-select:none}tr.error td{background:#FFC7CE}tr.warning td{background:#FFEB9C}tr.info td{background:#DDEBF7}
.error{color:#9c0006}td ul{margin:0;padding-left:1.2em}`;

/** Column sorting, loaded from its own file (the report's policy forbids inline script). */
export const REPORT_SCRIPT = `"use strict";
document.querySelectorAll("table.sortable th").forEach(function (th, i) {
  th.addEventListener("click", function () {
    var tbody = th.closest("table").tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var asc = th.dataset.asc !== "1";
    th.dataset.asc = asc ? "1" : "0";
    rows.sort(function (a, b) {
      var x = a.cells[i].textContent, y = b.cells[i].textContent;
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y, "zh-CN");
      return asc ? c : -c;
    });
    rows.forEach(function (r) { tbody.appendChild(r); });
  });
});
`;

export function renderHtmlReport(reports: readonly FileReport[], outDir: string): string {
  const summaryRows = reports
    .map((r) => {
      const c = countBySeverity(r.findings);
      const href = r.annotated ? relativeHref(outDir, r.annotated) : null;
      const link = r.annotated && href ? `<a href="${escapeHtml(href)}">${escapeHtml(relative(outDir, r.annotated))}</a>` : "";
      const state = r.error ? `<span class="error">无法读取：${escapeHtml(r.error)}</span>` : c.error ? "有错误" : c.warning ? "有警告" : "通过";
      return `<tr><td>${escapeHtml(r.file)}</td><td>${r.tables.length}</td><td data-v="${c.error}">${c.error}</td><td data-v="${c.warning}">${c.warning}</td><td data-v="${c.info}">${c.info}</td><td>${state}</td><td>${escapeHtml(r.unrecognizedSheets.join("、"))}</td><td>${link}</td></tr>`;
    })
    .join("\n");
  // one row per marked cell, every rule it breaks listed in it (the JSON outputs keep one finding per entry)
  const findingRows = reports
    .flatMap((r) =>
      groupFindingsByCell(r.findings).map((g) => {
        const items = g.findings
          .map((f) => `<li>[${SEVERITY_NAMES[f.severity]}] ${escapeHtml(f.rule)} ${escapeHtml(f.message)}${f.expected !== null || f.actual !== null ? `（应为 ${escapeHtml(f.expected ?? "—")}，实为 ${escapeHtml(f.actual ?? "—")}）` : ""}</li>`)
          .join("");
        return `<tr class="${g.severity}"><td>${escapeHtml(basename(r.file))}</td><td>${SEVERITY_NAMES[g.severity]}</td><td>${escapeHtml(g.sheet ?? "")}</td><td>${escapeHtml(g.cell ?? "")}</td><td>${escapeHtml(g.findings.map((f) => f.rule).join("、"))}</td><td><ul>${items}</ul></td></tr>`;
      }),
    )
    .join("\n");
  const tableRows = reports
    .flatMap((r) => r.tables.map((t) => `<tr><td>${escapeHtml(basename(r.file))}</td><td>${escapeHtml(t.sheet)}</td><td>${escapeHtml(KIND_NAMES[t.kind] ?? t.kind)}</td><td>${escapeHtml(t.range)}</td><td>${escapeHtml(t.unit ?? "")}</td><td>${escapeHtml(t.year ?? "")}</td><td>${escapeHtml(t.unitName ?? "")}</td></tr>`))
    .join("\n");
  const styleHash = createHash("sha256").update(STYLE, "utf8").digest("base64");
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${styleHash}'; script-src 'self'; img-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>决算检查报告</title>
<style>${STYLE}</style>
<script src="./${encodeURIComponent(REPORT_SCRIPT_NAME)}" defer></script>
</head><body>
<h1>决算检查报告</h1>
<p>共 ${reports.length} 个工作簿；由 juesuan 在本机生成，未上传任何数据。点击表头可排序（需要同一文件夹中的 ${escapeHtml(REPORT_SCRIPT_NAME)}）。</p>
<h2>各文件</h2>
<table class="sortable"><thead><tr><th>文件</th><th>识别表数</th><th>错误</th><th>警告</th><th>提示</th><th>结论</th><th>未识别的工作表</th><th>标注副本</th></tr></thead><tbody>
${summaryRows}
</tbody></table>
<h2>问题清单（每个单元格一行，列出它违反的全部规则）</h2>
<table class="sortable"><thead><tr><th>文件</th><th>级别</th><th>工作表</th><th>单元格</th><th>规则</th><th>说明</th></tr></thead><tbody>
${findingRows}
</tbody></table>
<h2>识别的表</h2>
<table class="sortable"><thead><tr><th>文件</th><th>工作表</th><th>表</th><th>区域</th><th>单位</th><th>年度</th><th>编制单位</th></tr></thead><tbody>
${tableRows}
</tbody></table>
</body></html>
`;
}
