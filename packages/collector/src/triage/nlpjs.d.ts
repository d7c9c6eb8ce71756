// Minimal typings for the parts of NLP.js we use (the packages ship no .d.ts).
declare module '@nlpjs/lang-fr' {
  export class StemmerFr {
    stemWord(word: string): string;
  }
  export class StopwordsFr {
    dictionary: Record<string, boolean>;
  }
}
declare module '@nlpjs/lang-en-min' {
  export class StemmerEn {
    stemWord(word: string): string;
  }
  export class StopwordsEn {
    dictionary: Record<string, boolean>;
  }
}
