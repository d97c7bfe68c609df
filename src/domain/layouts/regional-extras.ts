/**
 * Regional extras that must be recognised as themselves, never as a core kind: Beijing's
 * 政府采购情况表 and 政府购买服务支出情况表 (layouts not retrieved: read as labelled rows and
 * columns, no identities checked).
 */
import { KIND_TITLES } from "../kinds";
import type { LayoutSpec } from "./spec";

const generic = {
  headerWords: ["项目", "金额", "合计", "货物", "工程", "服务", "决算数", "预算数", "序号", "名称"],
  columnKey: (path: string) => (/行次|序号/.test(path) ? null : path || "amount"),
  rowKey: () => null,
  accept: () => true,
};

export const governmentProcurement: LayoutSpec = {
  ...generic,
  kind: "government-procurement",
  title: KIND_TITLES["government-procurement"],
  matchesTitle: (t) => /政府采购(支出)?(情况|信息)表$/.test(t),
};

export const governmentPurchasedServices: LayoutSpec = {
  ...generic,
  kind: "government-purchased-services",
  title: KIND_TITLES["government-purchased-services"],
  matchesTitle: (t) => /政府购买服务(支出)?(情况|信息)?表$/.test(t),
};
