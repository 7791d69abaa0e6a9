/**
 * Arbitration institutions that exist, with the names a clause may use for them. Shared by the
 * clause rules and the templates' view, so a rule and a template never disagree on a name.
 */

/** One real arbitration institution. */
export interface Institution {
  /** Short id used in `contract.arbitration`. */
  id: string;
  en: string;
  zh: string;
  /** Every way a clause may name it (full names, abbreviations, Chinese names). */
  names: readonly string[];
}

/** The institutions Dunmark knows, international first, then PRC commissions. */
export const INSTITUTIONS: readonly Institution[] = [
  {
    id: 'CIETAC',
    en: 'China International Economic and Trade Arbitration Commission',
    zh: '中国国际经济贸易仲裁委员会',
    names: ['China International Economic and Trade Arbitration Commission', 'CIETAC', '中国国际经济贸易仲裁委员会', '贸仲委', '中国贸仲'],
  },
  {
    id: 'HKIAC',
    en: 'Hong Kong International Arbitration Centre',
    zh: '香港国际仲裁中心',
    names: ['Hong Kong International Arbitration Centre', 'Hong Kong International Arbitration Center', 'HKIAC', '香港国际仲裁中心'],
  },
  {
    id: 'SIAC',
    en: 'Singapore International Arbitration Centre',
    zh: '新加坡国际仲裁中心',
    names: ['Singapore International Arbitration Centre', 'Singapore International Arbitration Center', 'SIAC', '新加坡国际仲裁中心'],
  },
  {
    id: 'ICC',
    en: 'International Court of Arbitration of the International Chamber of Commerce',
    zh: '国际商会国际仲裁院',
    names: [
      'International Court of Arbitration of the International Chamber of Commerce',
      'ICC International Court of Arbitration',
      'International Chamber of Commerce',
      'ICC',
      '国际商会国际仲裁院',
      '国际商会仲裁院',
      '国际商会',
    ],
  },
  {
    id: 'BAC',
    en: 'Beijing Arbitration Commission',
    zh: '北京仲裁委员会',
    names: ['Beijing Arbitration Commission', 'Beijing International Arbitration Center', 'BAC', '北京仲裁委员会', '北京国际仲裁中心'],
  },
  {
    id: 'SHIAC',
    en: 'Shanghai International Arbitration Center',
    zh: '上海国际仲裁中心',
    names: [
      'Shanghai International Arbitration Center',
      'Shanghai International Arbitration Centre',
      'SHIAC',
      '上海国际仲裁中心',
      '上海国际经济贸易仲裁委员会',
    ],
  },
  {
    id: 'SCA',
    en: 'Shenzhen Court of International Arbitration',
    zh: '深圳国际仲裁院',
    names: ['Shenzhen Court of International Arbitration', 'SCIA', '深圳国际仲裁院', '华南国际经济贸易仲裁委员会'],
  },
  { id: 'SHAC', en: 'Shanghai Arbitration Commission', zh: '上海仲裁委员会', names: ['Shanghai Arbitration Commission', '上海仲裁委员会'] },
  { id: 'GZAC', en: 'Guangzhou Arbitration Commission', zh: '广州仲裁委员会', names: ['Guangzhou Arbitration Commission', '广州仲裁委员会'] },
];

/** The institution with this id (`CIETAC`), if known. */
export function institutionById(id: string | undefined): Institution | undefined {
  return id === undefined ? undefined : INSTITUTIONS.find((i) => i.id === id.toUpperCase());
}
