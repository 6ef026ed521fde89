/** The quarterly bulletin (季度通报): its document model, drafted from the summary. */
export { bulletinModel, BulletinError, type BulletinOptions } from './build';
export { bulletinText, type BulletinDoc, type BulletinBlock, type BulletinCell, type BulletinTable } from './model';
export { wanToYi } from './wording';
