// A small shop's feedback, written for these tests: a cluster of bug reports about
// the "Apply coupon" button on the payment page (English and French, phones and
// desktops), NPS answers, a few feature requests, praise and noise.
import { randomUUID } from 'node:crypto';
import type { ResponseInput } from '@hark/shared';

export const UA = {
  iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  android: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
  windows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  mac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
} as const;

export interface Seed {
  input: ResponseInput;
  ua: string;
  cluster?: 'coupon-en' | 'coupon-fr';
}

const PAY = 'https://shop.example.com/checkout/payment';

const user = (n: number, extra: Record<string, string | number> = {}) => ({
  id: `cust-${n}`,
  traits: { email: `cust${n}@example.org`, plan: n % 3 === 0 ? 'business' : 'starter', accountId: `acct-${Math.ceil(n / 2)}`, ...extra },
});

function button(comment: string, locale: string, n: number, ua: string, cluster: Seed['cluster'], withUser = true): Seed {
  return {
    ua,
    cluster,
    input: {
      id: randomUUID(),
      surveyId: 'demo-button',
      type: 'feedback_button',
      comment,
      locale,
      context: { url: `${PAY}?cart=${1000 + n}`, element: 'Apply coupon button', selector: 'form#promo > button.apply-coupon' },
      ...(withUser ? { user: user(n, n === 3 ? { mrr: 1200 } : {}) } : {}),
    },
  };
}

const COUPON_EN = [
  'I click Apply coupon and nothing happens. It should apply the discount and update the total.',
  'The apply coupon button does nothing on my iPhone, I had to pay full price',
  'Coupon code will not apply, the button is broken on mobile',
  'Tapped apply coupon 5 times, nothing happens, no error message either',
  'Apply coupon button is not working, the spinner spins forever',
  'Your promo code button is broken. I expected the 10% discount to show in the total',
  'Nothing happens when I press apply on the coupon field, very frustrating at checkout',
  'Coupon button does nothing. Please fix it, I almost abandoned my order',
];
const COUPON_FR = [
  'Le bouton « Appliquer le code » ne fait rien, rien ne se passe quand je clique. Il devrait appliquer la réduction.',
  'Impossible d’appliquer mon code promo, le bouton ne marche pas sur mon téléphone',
  'Code promo : le bouton appliquer ne fonctionne pas, ça tourne dans le vide',
  'J’ai cliqué plusieurs fois sur appliquer le code, il ne se passe rien. Bug très énervant',
  'Le bouton du code de réduction est cassé, rien ne se passe sur la page de paiement',
  'Rien ne se passe quand j’applique mon code promo, j’ai failli abandonner ma commande',
];

function nps(score: number, comment: string | undefined, locale: string, n: number, ua: string, url = 'https://shop.example.com/account/orders'): Seed {
  return {
    ua,
    input: { id: randomUUID(), surveyId: 'demo-nps', type: 'nps', score, ...(comment ? { comment } : {}), locale, context: { url }, user: user(n) },
  };
}

export function shopFeedback(): Seed[] {
  const uas = [UA.iphone, UA.android, UA.windows, UA.mac];
  const out: Seed[] = [];
  COUPON_EN.forEach((c, i) => out.push(button(c, 'en-GB', i + 1, uas[i % 4]!, 'coupon-en')));
  COUPON_FR.forEach((c, i) => out.push(button(c, 'fr-FR', 20 + i, uas[(i + 1) % 4]!, 'coupon-fr', i !== 5)));
  // One customer reports twice: unique users must count them once.
  out.push(button('Still cannot apply my coupon, the button does nothing', 'en-GB', 1, UA.iphone, 'coupon-en'));
  const npsAnswers: [number, string | undefined, string][] = [
    [10, 'Fast delivery and great customer service!', 'en'],
    [9, 'Love the product range, easy to order', 'en'],
    [9, 'Très bon site, livraison rapide', 'fr'],
    [10, 'Parfait, rien à redire', 'fr'],
    [8, 'Good prices but the checkout is a bit long', 'en'],
    [7, 'Correct, mais le suivi de commande pourrait être plus clair', 'fr'],
    [8, undefined, 'en'],
    [6, 'The coupon did not work at checkout, so I paid more than expected', 'en'],
    [4, 'Code promo refusé sans explication, déçu', 'fr'],
    [3, 'Delivery was late twice and support never answered', 'en'],
    [5, 'Livraison en retard, service client injoignable', 'fr'],
    [2, 'Too expensive compared to other shops', 'en'],
    [9, 'Great quality clothes, will buy again', 'en'],
    [10, 'Super boutique, je recommande', 'fr'],
    [7, 'Fine overall, search could be better', 'en'],
    [6, 'Le site est lent sur mobile', 'fr'],
    [8, 'Nice selection', 'en'],
    [9, undefined, 'fr'],
    [1, 'Order never arrived, I want a refund', 'en'],
    [10, 'Excellent!', 'en'],
    [8, 'Bon rapport qualité prix', 'fr'],
    [9, 'Quick and easy, thanks', 'en'],
    [7, 'Returns are a hassle, the label never printed', 'en'],
    [10, 'Toujours satisfaite de mes commandes', 'fr'],
    [4, 'Les frais de port sont trop chers', 'fr'],
    [9, 'Nice new collection this spring', 'en'],
    [8, 'Livraison correcte', 'fr'],
    [6, undefined, 'en'],
  ];
  npsAnswers.forEach(([s, c, l], i) => out.push(nps(s, c, l, 40 + i, uas[i % 4]!)));
  // Feature requests and other feedback elsewhere.
  const other: [string, string, string][] = [
    ['I would like to save my cart for later', 'en', 'https://shop.example.com/cart'],
    ['J’aimerais pouvoir payer en trois fois', 'fr', 'https://shop.example.com/checkout/payment'],
    ['Please add a size guide on product pages', 'en', 'https://shop.example.com/products/linen-shirt'],
    ['The product photos take ages to load on my phone', 'en', 'https://shop.example.com/products/linen-shirt'],
    ['Ce serait bien de pouvoir filtrer par couleur', 'fr', 'https://shop.example.com/search'],
    ['Where is the order history? I cannot find it', 'en', 'https://shop.example.com/account'],
    ['asdfgh', 'en', 'https://shop.example.com/'],
  ];
  other.forEach(([c, l, url], i) =>
    out.push({ ua: uas[i % 4]!, input: { id: randomUUID(), surveyId: 'demo-button', type: 'feedback_button', comment: c, locale: l, context: { url }, user: user(70 + i) } }),
  );
  return out;
}
