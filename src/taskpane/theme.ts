/**
 * Fluent theme for the pane: a CJK font stack (Fluent's default Segoe UI has no Chinese glyphs, so
 * Windows would fall back per glyph and mix fonts), and Office's host colours when the pane runs inside
 * Office. The host theme is passed in (index.tsx reads Office.context.officeTheme), never read here.
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

const CJK_FONT_STACK = '"Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

/** The part of Office.OfficeTheme the pane uses (all optional: older hosts omit isDarkTheme). */
export interface HostTheme {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
  isDarkTheme?: boolean;
}

export function paneTheme(host?: HostTheme | null): Theme {
  if (!host) return { ...webLightTheme, fontFamilyBase: CJK_FONT_STACK };
  const background = validColor(host.bodyBackgroundColor);
  const dark = host.isDarkTheme ?? (background ? relativeLuminance(background) < 0.4 : false);
  const base = dark ? webDarkTheme : webLightTheme;
  const theme: Theme = { ...base, fontFamilyBase: CJK_FONT_STACK };
  if (background) {
    theme.colorNeutralBackground1 = background;
  }
  const foreground = validColor(host.bodyForegroundColor);
  if (foreground) {
    theme.colorNeutralForeground1 = foreground;
  }
  return theme;
}

function validColor(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^#[0-9a-f]{6}$/i.test(v)) return v;
  if (/^#[0-9a-f]{3}$/i.test(v)) return `#${v[1]}${v[1]}${v[2]}${v[2]}${v[3]}${v[3]}`;
  return undefined;
}

/** WCAG relative luminance of a #rrggbb colour (0 black … 1 white). */
export function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
