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
});
