import { eld } from 'eld/extrasmall';
import { describe, expect, it } from 'vitest';
import { detectLanguage, hasLetters } from './index.js';

describe('detectLanguage', () => {
  it.each([
    ['The harbour authority said on Tuesday that the ferry would resume sailing next week after repairs.', 'en'],
    ['Die Hafenbehörde teilte am Dienstag mit, dass die Fähre nach den Reparaturen nächste Woche wieder fahren werde.', 'de'],
    ["L'autorité portuaire a annoncé mardi que le ferry reprendrait ses traversées la semaine prochaine.", 'fr'],
    ['La autoridad portuaria anunció el martes que el ferry volverá a navegar la próxima semana.', 'es'],
    ['A autoridade portuária anunciou na terça-feira que o ferry voltará a navegar na próxima semana.', 'pt'],
    ['Портовая администрация во вторник сообщила, что паром возобновит рейсы на следующей неделе.', 'ru'],
  ])('tells the language of %j', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it.each([[''], ['Ferry resumes.'], ['12 34 56 — 78 90 !!']])('does not guess on too little text (%j)', (text) => {
    expect(detectLanguage(text)).toBeNull();
  });

  it.each([
    ['', 0],
    ['12 34 — 56!', 1],
    ['Ferry resumes.', 12],
    ['Ferry resumes.', 13],
    ['𝐀𝐁 ¿é? 5', 4],
    ['𝐀𝐁 ¿é? 5', 5],
    ['« Très bien », a-t-il dit… 2024', 19],
    ['« Très bien », a-t-il dit… 2024', 20],
  ])('hasLetters(%j, %i) agrees with counting what is left without spaces, digits and punctuation', (sample, min) => {
    expect(hasLetters(sample, min)).toBe(sample.replace(/[\s\d\p{P}]+/gu, '').length >= min);
  });

  // The sample ends after 400 ASCII letters: ELD must answer (language, scores, reliability) as on
  // the first 1,000 characters, whatever the text before the cut (long words, digits, quotes,
  // apostrophes, accents, a Greek sigma right before the cut).
  const paragraph = "The harbour authority's board said on Tuesday that the ferry would resume sailing next week after repairs. ";
  it.each([
    ['English prose', paragraph.repeat(12)],
    ['digits and punctuation first', `${'12, 34.5 — (67) / '.repeat(20)}${paragraph.repeat(12)}`],
    ['one long word', `${'a'.repeat(395)}ΣΣ'x ${paragraph.repeat(10)}`],
    ['accents and quotes', `« Très bien », a-t-il dit. ${'Die Fähre fährt wieder nächste Woche. '.repeat(30)}`],
    ['apostrophes at the cut', `${"don't '".repeat(80)}${paragraph.repeat(5)}`],
    ['Greek', `${'Η λιμενική αρχή ανακοίνωσε ότι το πλοίο θα επαναλάβει τα δρομολόγια. ΑΣ '.repeat(15)}`],
    ['Greek capitals near the cut', `${'x'.repeat(399)}ΟΔΟΣ ${'abc '.repeat(200)}`],
  ])('answers on %s as ELD does on the first 1,000 characters', (_, text) => {
    const full = eld.detect(text.slice(0, 1000));
    expect(detectLanguage(text)).toBe(full.language && full.isReliable() ? full.language : null);
  });
});
