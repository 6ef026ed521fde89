/** The indicator catalogue in effect: code, name, unit, kind, key; the caliber description on hover. */
import { Tooltip } from '@fluentui/react-components';
import type { Config } from '../../domain/config/schema';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { useStyles } from '../styles';

const KIND: Record<Config['catalogue'][number]['kind'], MessageKey> = {
  flow: 'kindFlow',
  stock: 'kindStock',
  rate: 'kindRate',
  ratio: 'kindRatio',
};

export function CatalogueTable(props: { config: Config }) {
  const { t, lang } = useI18n();
  const s = useStyles();
  return (
    <div className={s.scroll}>
      <table className={s.table} data-testid="catalogue">
        <thead>
          <tr>
            <th className={s.th}>{t('colCode')}</th>
            <th className={s.th}>{t('colName')}</th>
            <th className={s.th}>{t('colUnit')}</th>
            <th className={s.th}>{t('colKind')}</th>
            <th className={s.th}>{t('colKey')}</th>
          </tr>
        </thead>
        <tbody>
          {props.config.catalogue.map((i) => {
            const name = lang === 'zh' ? i.name : i.nameEn;
            return (
              <tr key={i.code} data-testid="catalogue-row">
                <td className={s.td}>{i.code}</td>
                <td className={s.td}>
                  {i.description ? (
                    <Tooltip content={i.description[lang]} relationship="description" withArrow>
                      <span tabIndex={0} style={{ textDecoration: 'underline dotted' }}>
                        {name}
                      </span>
                    </Tooltip>
                  ) : (
                    name
                  )}
                </td>
                <td className={s.td}>{i.unit}</td>
                <td className={s.td}>{t(KIND[i.kind])}</td>
                <td className={s.td}>{i.key ? t('yes') : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
