import { describe, expect, it } from 'vitest';
import { detectLanguage } from './index.js';

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
});
