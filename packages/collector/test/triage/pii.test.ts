import { describe, expect, it } from 'vitest';
import { detectPii, luhnValid } from '../../src/triage/pii.ts';

describe('detectPii', () => {
  it('masks emails', () => {
    expect(detectPii('write to jane.doe+shop@mail.example.com please')).toEqual({ masked: 'write to [email] please', found: ['email'] });
  });
  it('masks French and international phone numbers', () => {
    for (const p of ['06 12 34 56 78', '06.12.34.56.78', '0612345678', '+33 6 12 34 56 78', '+33 (0)1 23 45 67 89', '+44 7700 900123', '+1 415 555 0100', '(415) 555-0100']) {
      const r = detectPii(`rappelez-moi au ${p} merci`);
      expect(r.found, p).toEqual(['phone']);
      expect(r.masked, p).toBe('rappelez-moi au [phone] merci');
    }
  });
  it('masks card numbers that pass Luhn, not other long numbers', () => {
    expect(detectPii('card 4111 1111 1111 1111 was charged')).toEqual({ masked: 'card [card] was charged', found: ['card'] });
    expect(detectPii('ma carte 5500-0000-0000-0004').found).toEqual(['card']);
    expect(detectPii('ref 4111 1111 1111 1112').found).not.toContain('card');
  });
  it('leaves prices, dates, order numbers and codes alone', () => {
    for (const t of ['order #48213 placed 9 days ago', 'payé 1 200 € le 12/03/2024', 'code BIENVENUE10', 'v2.14.3 build 20240501', 'INV-2024-118']) {
      expect(detectPii(t), t).toEqual({ masked: t, found: [] });
    }
  });
  it('reports several types in a fixed order', () => {
    expect(detectPii('4111111111111111 / a@b.io / 07 00 00 00 01').found).toEqual(['email', 'phone', 'card']);
  });
  it('implements Luhn', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
  });
});
