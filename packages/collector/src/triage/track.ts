// Track: strategic (PM, roadmap) or tactical (PO, backlog), following LABELING.md.
// Only feature requests need judgement: a new product area (an app, an API, an integration
// with another product, AI, a new market or audience, a new module) is strategic; an
// enhancement of something that exists (a field, a filter, a sort, an option on this export,
// the element the widget was attached to) is tactical.
import type { Kind, Track } from '@hark/shared';
import type { Analysed } from './text.ts';

const STRATEGIC_CUES: readonly (readonly [RegExp, string])[] = [
  [/\b(?:mobile|ios|android|ipad|iphone|tablet|desktop|native|smartphone) ?(?:app|application|appli|version)\b|\b(?:app|appli|application) (?:mobile|ios|android|ipad|iphone|native|tablette|smartphone)\b|\bune appli\b|\ban app\b/, 'new app'],
  [/\b(?:public )?api\b|\bwebhooks?\b|\bsdk\b/, 'API'],
  [/\b(?:integration|integrate|integrer|connecteur|connector|sync(?:hronis\w*)? (?:with|avec)|synchro\w* avec|plug-?in for)\b/, 'integration with another product'],
  [/\b(?:ai|a\.i\.|ia|l'ia|intelligence artificielle|artificial intelligence|machine learning|chatbot|assistant|gpt|llm|auto-?summar\w*|predict\w*|forecast\w*|prevision\w*)\b/, 'AI / new capability'],
  [/\b(?:ship(?:ping)? to|deliver(?:y)? to|livr\w* (?:en|au|aux|a l'etranger|a l'international)|international\w*|in (?:canada|the us|usa|uk|europe|asia|australia|germany|spain|italy)|au canada|en belgique|en suisse|aux etats-unis|other countries|more countries|autres pays|new market|nouveau marche|(?:english|french|german|spanish) version|en anglais|translation|traduction)\b/, 'new market'],
  [/\b(?:men'?s line|for men|kids?'? (?:line|range|collection)|grandes tailles|plus sizes?|petite sizes?|for (?:non-?profits|students|schools|agencies|enterprises)|pour les (?:associations|etudiants|ecoles|entreprises)|b2b|wholesale|marketplace|rental|location de|subscription box|loyalty program|programme de fidelite|seconde main|second[- ]hand|resale|revente|reprise des|trade-?in|buy-?back|recyclage|recycling|consigne|gift cards?|cartes? cadeaux?|click (?:and|&) collect|retrait en magasin|same-day delivery|livraison le jour meme)\b/, 'new audience or offer'],
  [/\b(?:new module|module de|a module|un module|new product|nouveau produit|whole new|quote module|devis|crm|accounting module|payroll|marketplace|white[- ]label|self-hosted|on-premise)\b/, 'new product area'],
];

const TACTICAL_CUES: readonly RegExp[] = [
  /\b(?:sort|filter|group|search|column|field|button|option|checkbox|dropdown|tooltip|shortcut|toggle|setting|bulk|export|import|csv|pdf|label|colou?r|alert|notify|reminder|next to|in the|on the|this (?:page|table|list|export|screen|view|form))\b/,
  /\b(?:trier|filtrer|regrouper|grouper|colonne|champ|bouton|option|case a cocher|raccourci|parametre|en masse|export|import|csv|pdf|etiquette|couleur|alerte|prevenez|rappel|a cote|sur (?:la|le|les|cette|ce) (?:page|tableau|liste|ecran|vue|formulaire))\b/,
];

export interface TrackInput {
  element?: string | undefined;
  feature?: string | undefined;
}

export interface TrackResult {
  track: Track;
  trackReason: string;
}

const KIND_REASON: Record<Kind, [Track, string]> = {
  bug: ['tactical', 'bug: something is broken, for the backlog'],
  usability: ['tactical', 'usability friction in an existing flow'],
  performance: ['tactical', 'performance problem to fix'],
  question: ['tactical', 'question or support request'],
  feature_request: ['tactical', 'enhancement of an existing feature'],
  pricing: ['strategic', 'pricing or plans: a product/business decision'],
  churn_risk: ['strategic', 'churn risk: the visitor is leaving or cancelling'],
  praise: ['strategic', 'praise: signal of what drives loyalty'],
  other: ['strategic', 'nothing actionable: kept for the overall picture'],
};

export function decideTrack(kind: Kind, a: Analysed | null, input: TrackInput): TrackResult {
  if (kind !== 'feature_request' || !a) {
    const [track, trackReason] = KIND_REASON[kind];
    return { track, trackReason };
  }
  let strategic = 0;
  let why = '';
  for (const [re, label] of STRATEGIC_CUES) {
    if (re.test(a.norm)) {
      strategic += 2;
      if (!why) why = label;
    }
  }
  let tactical = 0;
  for (const re of TACTICAL_CUES) if (re.test(a.norm)) tactical += 1;
  // The widget was attached to a concrete element: the request is about that element.
  if (input.element) tactical += 1;
  if (input.feature) tactical += 0.5;
  if (strategic > tactical) {
    return { track: 'strategic', trackReason: `feature request for a new area (${why})` };
  }
  const on = input.element ?? input.feature;
  return {
    track: 'tactical',
    trackReason: on ? `enhancement of an existing element (${on})` : 'enhancement of an existing page or flow',
  };
}
