import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

// MUI's default stack has no Chinese face, leaving the glyphs to whatever the browser picks first; name the
// common CJK system fonts of Windows, macOS and Linux so Chinese renders in a clean sans-serif everywhere.
const FONT_FAMILY = [
  '"Helvetica Neue"',
  'Roboto',
  'Arial',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"WenQuanYi Micro Hei"',
  'sans-serif',
].join(',');

function withChineseFonts(theme: RaThemeOptions): RaThemeOptions {
  return { ...theme, typography: { ...theme.typography, fontFamily: FONT_FAMILY } };
}

export const lightTheme = withChineseFonts(defaultLightTheme);
export const darkTheme = withChineseFonts(defaultDarkTheme);
