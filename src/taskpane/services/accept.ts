/**
 * What the pane's file pickers offer (the `accept` filter of the browser's dialog): every format the
 * tool reads. Only a filter: the format is always told from the file's bytes, and a file picked with
 * "all files" is read the same way.
 */
export const WORKBOOK_ACCEPT = '.xlsx,.xlsm,.xltx,.xls,.xlt,.et,.xlsb,.ods,.fods,.csv,.tsv,.txt,.xml,.htm,.html';
