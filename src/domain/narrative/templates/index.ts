/** The regional templates, and which one a workbook's recognized layout implies. */
import type { RecognizedTable } from "../../model";
import { BEIJING_2023 } from "./beijing-2023";
import { CENTRAL_2023 } from "./central-2023";
import { SHANGHAI_2024 } from "./shanghai-2024";
import type { NarrativeTemplate, TemplateId } from "./types";
export type { NarrativeTemplate, NumberConventions, Region, TemplateId, TemplateNode } from "./types";

export const TEMPLATES: Readonly<Record<TemplateId, NarrativeTemplate>> = {
  "shanghai-2024": SHANGHAI_2024,
  "beijing-2023": BEIJING_2023,
  "central-2023": CENTRAL_2023,
};

export const TEMPLATE_IDS = Object.keys(TEMPLATES) as TemplateId[];

/** "shanghai" / "beijing" / "central" or a template id → the template id, else undefined. */
export function templateIdOf(name: string): TemplateId | undefined {
  if (name in TEMPLATES) return name as TemplateId;
  return TEMPLATE_IDS.find((id) => TEMPLATES[id].region === name);
}

/**
 * The template the recognized layout implies: the most frequent regional variant among the core tables
 * (Shanghai form → Shanghai, Beijing C0x sheets → Beijing, central 公开NN表/元 → central). Other layouts
 * (Guangdong, generic) follow the 财政部 template, which the regional ones derive from.
 */
export function detectTemplate(tables: readonly RecognizedTable[]): { id: TemplateId; reason: string } {
  const counts = new Map<string, number>();
  for (const t of tables) {
    if (t.kind === "project-self-evaluation" || t.kind === "department-self-evaluation" || t.kind === "other") continue;
    counts.set(t.variant, (counts.get(t.variant) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const names: Record<string, string> = { shanghai: "上海", beijing: "北京", central: "中央" };
  for (const [variant, n] of ranked) {
    if (variant === "shanghai" || variant === "beijing" || variant === "central") {
      const id = templateIdOf(variant)!;
      return { id, reason: `按识别到的${names[variant]}版式（${n}张表）` };
    }
  }
  return { id: "central-2023", reason: "未识别到上海、北京或中央版式，按财政部模板" };
}
