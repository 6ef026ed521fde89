import { EngineServices } from './engine';
import type { OfficePort } from './workbook-source';

/** An Office port that only says what its last highlight/clear left in place. */
function officeSaying(notice: { sheets: string[]; zh: string; en: string } | null): OfficePort {
  return {
    lastHighlightNotice: notice,
    readWorkbook: async () => ({ name: 'Book1.xlsx', sheets: [] }),
    highlight: async () => undefined,
    clearHighlights: async () => undefined,
    writeSheets: async () => undefined,
    loadStoredConfig: async () => null,
    storeConfig: async () => undefined,
    selectCell: async () => undefined,
    activeSheetName: async () => 'Sheet1',
    watchEdits: async () => () => undefined,
    insertWorkbook: async () => false,
  };
}

describe('pane services: highlights Excel could not remove', () => {
  it("pass the Office port's notice on, in both languages", async () => {
    const notice = { sheets: ['坏'], zh: '工作表“坏”的标注已保留。', en: 'The highlights on sheet 坏 were left.' };
    const services = new EngineServices('excel', officeSaying(notice), 'Book1.xlsx');
    expect(await services.clearHighlights()).toEqual({ zh: notice.zh, en: notice.en });
    const empty = { schemaVersion: '1' as const, files: [], findings: [], skipped: [], totals: { error: 0, warning: 0, info: 0 } };
    expect(await services.highlight(empty)).toEqual({ count: 0, notice: { zh: notice.zh, en: notice.en } });
  });

  it('say nothing when everything was removed', async () => {
    const services = new EngineServices('excel', officeSaying(null), 'Book1.xlsx');
    expect(await services.clearHighlights()).toBeNull();
  });
});
