/**
 * The fonts of GB/T 9704-2012 and what stands in for them where they are missing. Word looks a
 * missing font up in word/fontTable.xml: its altName (the name under which Windows ships a close
 * font: 仿宋_GB2312 → 仿宋, 方正小标宋简体 → 宋体), then charset 86 (GB2312), family and PANOSE, so a
 * reader without the *_GB2312 fonts still sees a Song/Fang Song/Kai/Hei face, not a Latin fallback.
 * LibreOffice has its own replacement table and falls back on the CJK font fontconfig offers (Noto
 * Sans/Serif CJK SC on Debian; see docs/decisions.md).
 */

export const FONT = {
  /** 公文标题: 2号方正小标宋简体 */
  title: '方正小标宋简体',
  /** 正文: 3号仿宋_GB2312 */
  body: '仿宋_GB2312',
  /** 一级标题: 3号黑体 */
  heading1: '黑体',
  /** 二级标题: 3号楷体_GB2312 */
  heading2: '楷体_GB2312',
  /** 页码: 4号半角宋体 */
  pageNumber: '宋体',
} as const;

interface FontEntry {
  name: string;
  altName: string;
  panose: string;
  family: 'roman' | 'swiss' | 'modern' | 'script' | 'decorative' | 'auto';
  pitch: 'fixed' | 'variable';
}

/** The font table entries (PANOSE as the fonts report it; charset 86 = GB2312). */
const ENTRIES: FontEntry[] = [
  { name: FONT.body, altName: '仿宋', panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  { name: '仿宋', altName: 'FangSong', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { name: FONT.title, altName: '宋体', panose: '02010600010101010101', family: 'auto', pitch: 'variable' },
  { name: FONT.heading1, altName: 'SimHei', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { name: FONT.heading2, altName: '楷体', panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  { name: '楷体', altName: 'KaiTi', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { name: FONT.pageNumber, altName: 'SimSun', panose: '02010600030101010101', family: 'auto', pitch: 'variable' },
  { name: 'Times New Roman', altName: 'Liberation Serif', panose: '02020603050405020304', family: 'roman', pitch: 'variable' },
];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** word/fontTable.xml with an entry, altName and charset for every font the bulletin names. */
export function fontTableXml(): string {
  const fonts = ENTRIES.map(
    (f) =>
      `<w:font w:name="${esc(f.name)}"><w:altName w:val="${esc(f.altName)}"/><w:panose1 w:val="${f.panose}"/>` +
      `<w:charset w:val="${f.name === 'Times New Roman' ? '00' : '86'}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts +
    '</w:fonts>'
  );
}
