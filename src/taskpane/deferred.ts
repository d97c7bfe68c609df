/**
 * What the pane does not need to open: the 说明 and 校对 panel with their engines, and the 设置 panel.
 * App.tsx loads this module after the first paint (its own chunk), so the pane's first load carries
 * only what checking needs.
 */
export { NarrativePanel } from "./NarrativePanel";
export { SettingsPanel } from "./SettingsPanel";
export { generateNarrative } from "../domain/narrative";
export { proofread } from "../domain/proofread";
