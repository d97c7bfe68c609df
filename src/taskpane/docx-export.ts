/** Word export for the pane and the demo, loaded only when the user asks for it (the docx library is large). */
import type { NarrativeDocument } from "../domain/narrative/types";

export async function exportNarrativeDocx(doc: NarrativeDocument): Promise<Blob | Uint8Array> {
  const { narrativeToDocx } = await import("../export/docx");
  return narrativeToDocx(doc);
}
