import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { decodeText } from './decode.js';

const PAGES: [string, string][] = [
  ['windows-1251', 'Во вторник в посёлке Заречье открыли новый пешеходный мост через реку Светлую. Строительство заняло полтора года.'],
  ['shift_jis', '北浜町に新しい図書館が火曜日に開館した。蔵書は約三万冊で、子ども向けの読書室も設けられた。町長は町の学びの拠点にしたいと話した。'],
  ['gb18030', '青石镇的新桥于周二正式通车，全长三百二十米，耗时两年建成。镇长表示，新桥将使两岸居民的通行时间缩短一半。'],
  ['iso-8859-2', 'W piątek na jeziorze Łąckim zaczął kursować nowy prom. Wójt gminy Źródła, Halina Żurek, powiedziała, że prom skróci dojazd.'],
  ['windows-1252', 'Le marché hebdomadaire de Vauclerc s’installera place de l’Église à partir de samedi, a annoncé la mairie de la commune.'],
];

describe('charsets', () => {
  test.each(PAGES)('%s without a declaration is detected', (charset, text) => {
    const html = `<html><body><p>${text}</p></body></html>`;
    expect(decodeText(iconv.encode(html, charset), 'x.html', 'html').text).toBe(html);
  });

  test.each([
    ['gb2312', 'gb18030', PAGES[2]![1]],
    ['x-sjis', 'shift_jis', PAGES[1]![1]],
    ['iso-8859-1', 'windows-1252', PAGES[4]![1]],
  ])('declared label %s decodes as %s', (label, encoder, text) => {
    const html = `<html><head><meta charset="${label}"></head><body><p>${text}</p></body></html>`;
    const decoded = decodeText(iconv.encode(html, encoder), 'x.html', 'html');
    expect(decoded.text).toBe(html);
    expect(decoded.encoding.rule).toBe('meta-charset');
  });

  test('an HTTP charset outranks the page declaration', () => {
    const html = `<html><head><meta charset="utf-8"></head><body><p>${PAGES[0]![1]}</p></body></html>`;
    const decoded = decodeText(iconv.encode(html, 'windows-1251'), 'x.html', 'html', 'windows-1251');
    expect(decoded.text).toBe(html);
    expect(decoded.encoding).toEqual({ name: 'windows-1251', rule: 'http-charset' });
  });
});
