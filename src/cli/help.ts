/** The --help texts of the command line, in both languages. */

export const MAIN_HELP = `zone-report — 开发区统计月报助手 / development-zone monthly report assistant

用法 Usage:
  zone-report check   <文件或文件夹...> [--register 名录.xlsx] [--history 历史.xlsx] [--config cfg.json]
                      [--out annotated/] [--json] [--lang zh|en]
  zone-report summary <文件或文件夹...> [--register ...] [--history ...] [--config ...] --out 汇总.xlsx
  zone-report sample  [--out samples/] [--zones N]

  zone-report <命令 command> --help   查看命令说明 / help on a command

退出码 Exit codes: 0 无错误 no errors · 1 发现错误 errors found · 2 输入无法读取或参数有误 input unreadable or bad arguments
`;

export const CHECK_HELP = `zone-report check <文件或文件夹...> [选项]
zone-report check <files or folders...> [options]

核查月报工作簿:.xlsx、.xls(含 WPS)、.xlsb、.ods、Excel 2003 XML、网页表格(HTML)和 CSV(UTF-8/UTF-16/GB18030),
按文件内容识别格式,不看扩展名。文件夹会递归查找这些文件(.xml/.htm/.txt 仅在内容是表格时;跳过 ~$ 锁定文件和 --out 文件夹)。
Checks monthly report workbooks: .xlsx, .xls (WPS's too), .xlsb, .ods, Excel 2003 XML, web-page (HTML) tables and CSV
(UTF-8/UTF-16/GB18030), the format told from the content, never the extension. Folders are searched recursively for these
(.xml/.htm/.txt only when their content is a table; skipping ~$ lock files and the --out folder).

  --register 名录.xlsx   开发区名录(含“开发区名录”工作表)/ the zone register workbook
  --history 历史.xlsx    历史数据(含“历史数据”工作表)/ the history workbook (历史数据 sheet)
  --config cfg.json      局里下发的配置 / the bureau's configuration (JSON)
  --out 文件夹           每个工作簿写一份标注副本(标色 + 核查结果工作表),从不覆盖输入文件;副本总是 .xlsx
                         (.xls、.ods、CSV 等无法在原格式上标注)
                         writes an annotated copy of each workbook (highlights + 核查结果 sheet); never overwrites an input;
                         the copy is always .xlsx (.xls, .ods, CSV… cannot be annotated in their own format)
  --json                 在标准输出打印机器可读的核查报告 / prints the machine-readable check report on stdout
  --lang zh|en           界面语言(默认中文)/ language of the messages (default Chinese)

退出码 Exit codes: 0 无错误 no errors · 1 发现错误 errors found · 2 输入无法读取或参数有误 input unreadable or bad arguments
`;

export const SAMPLE_HELP = `zone-report sample [--out samples/] [--zones N]

写出示例文件:月报模板.xlsx(空白模板,含公式)、开发区名录.xlsx、2026-09/ 下每个开发区一个月报工作簿
(其中一个开发区带有典型填报错误),以及历史数据.xlsx(2025-09、2025-12、2026-03、2026-06、2026-08)。
Writes sample files: 月报模板.xlsx (the empty template with formulas), 开发区名录.xlsx (the register), one report
workbook per zone under 2026-09/ (one zone with typical clerk mistakes), and 历史数据.xlsx (earlier months).

  --out 文件夹   输出文件夹(默认 samples)/ output folder (default samples)
  --zones N      开发区个数(默认 10)/ number of zones (default 10)
`;
