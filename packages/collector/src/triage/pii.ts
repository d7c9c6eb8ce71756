// Personal data in comments: emails, phone numbers (French and international formats) and
// card-like numbers (13–19 digits passing the Luhn check). Masked before storage; order
// numbers, prices, dates and short codes are left alone.
export type PiiType = 'email' | 'phone' | 'card';

export interface PiiResult {
  masked: string;
  /** Types found, each once, in the order email, phone, card. */
  found: PiiType[];
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// Runs of digits with spaces or dashes between groups (card numbers are written 4-4-4-4).
const CARD = /(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])/g;
// A leading + or 0, or a parenthesised area code, then groups separated by space . - ;
// length is checked on the digits afterwards.
const PHONE = /(?<![\w+])(?:\+\d{1,3}[\s.-]?(?:\(0\)[\s.-]?)?|\(\d{1,4}\)[\s.-]?|0)\d{1,4}(?:[\s.-]?\d{2,4}){1,5}(?![\w])/g;

// North-American style without a leading 0 or +: 555-123-4567, 555.123.4567.
const PHONE_NANP = /(?<![\d.,-])\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?![\d.,-])/g;

/** Luhn checksum, used by every payment card number. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

export function detectPii(text: string): PiiResult {
  if (!text) return { masked: text, found: [] };
  const found = new Set<PiiType>();
  let masked = text.replace(EMAIL, () => {
    found.add('email');
    return '[email]';
  });
  masked = masked.replace(CARD, (m) => {
    const digits = m.replace(/\D/g, '');
    if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits) && !/^(\d)\1+$/.test(digits)) {
      found.add('card');
      return '[card]';
    }
    return m;
  });
  masked = masked.replace(PHONE, (m) => {
    const digits = m.replace(/\D/g, '');
    const intl = m.startsWith('+');
    // French national numbers have 10 digits starting with 0; international ones 8–15.
    const ok = intl ? digits.length >= 8 && digits.length <= 15 : digits.length >= 9 && digits.length <= 12;
    if (!ok) return m;
    found.add('phone');
    return '[phone]';
  });
  masked = masked.replace(PHONE_NANP, () => {
    found.add('phone');
    return '[phone]';
  });
  const order: PiiType[] = ['email', 'phone', 'card'];
  return { masked, found: order.filter((t) => found.has(t)) };
}
