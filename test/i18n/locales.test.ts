import { expect } from '@open-wc/testing';
import { SUPPORTED_LOCALES, directionOf, isDealLocale, resolveLocale } from '../../src/i18n/locales.js';

describe('i18n locales', () => {
  const table: Array<[string | null | undefined, string]> = [
    ['en', 'en'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans', 'zh-Hans'],
    ['zh-Hans-CN', 'zh-Hans'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-Hant-TW', 'zh-Hant'],
    ['zh-Hant-CN', 'zh-Hant'],
    ['ZH-tw', 'zh-Hant'],
    ['zh_TW', 'zh-Hant'],
    ['zh-hans-sg', 'zh-Hans'],
    ['zh-CN-u-nu-hk', 'zh-Hans'],
    ['fa', 'fa'],
    ['fa-IR', 'fa'],
    ['fa-AF', 'fa'],
    ['FA-ir', 'fa'],
    ['de-DE', 'en'],
    ['ar', 'en'],
    ['', 'en'],
    ['  ', 'en'],
    ['not a tag', 'en'],
    [null, 'en'],
    [undefined, 'en'],
  ];

  for (const [tag, expected] of table) {
    it(`maps ${JSON.stringify(tag)} to ${expected}`, () => {
      expect(resolveLocale(tag)).to.equal(expected);
    });
  }

  it('lists the four supported locales and recognises exactly them', () => {
    expect([...SUPPORTED_LOCALES]).to.deep.equal(['en', 'zh-Hans', 'zh-Hant', 'fa']);
    for (const locale of SUPPORTED_LOCALES) expect(isDealLocale(locale)).to.equal(true);
    expect(isDealLocale('zh')).to.equal(false);
    expect(isDealLocale('EN')).to.equal(false);
    expect(isDealLocale(undefined)).to.equal(false);
  });

  it('writes Persian right to left and the others left to right', () => {
    expect(directionOf('fa')).to.equal('rtl');
    expect(directionOf('en')).to.equal('ltr');
    expect(directionOf('zh-Hans')).to.equal('ltr');
    expect(directionOf('zh-Hant')).to.equal('ltr');
  });
});
