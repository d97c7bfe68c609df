/**
 * The 说明 page with its engines (说明 generation, 校对) and the dialog only it opens: fetched when the user
 * first opens the 说明 tab (App.tsx), so the pane's first load carries only what checking shows.
 */
export { NarrativePanel } from "./NarrativePanel";
export { ReplaceSheetDialog } from "./ReplaceSheetDialog";
export { generateNarrative } from "../domain/narrative";
export { proofread } from "../domain/proofread";
