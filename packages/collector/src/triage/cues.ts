// Cue lexicons for the kind classifier, per kind, for French and English together.
// Patterns run on the normalised comment (lowercase, no accents), so "deja", "déjà" and "DÉJÀ"
// match alike; word stems are approximated with open endings ("annul\w*" = annuler, annulé,
// annulation). Lists are written for in-product feedback in general (SaaS, e-commerce,
// streaming, banking, travel), not for one product: no brand or page names of a given site.
// Weights: 3 = decisive on its own, 2 = strong, 1 = supporting evidence.
import type { Kind } from '@hark/shared';

export type Cue = readonly [pattern: string, weight: number];
export type CueKind = Exclude<Kind, 'other'> | 'offtopic';

// Shorthands used inside patterns.
const NEG_EN = "(?:not|no|never|can't|cant|cannot|can not|couldn't|couldnt|won't|wont|doesn't|doesnt|don't|dont|didn't|didnt|isn't|isnt|aren't|arent|wasn't|wasnt)";
const NEG_FR = '(?:pas|plus|jamais|rien|aucun\\w*)';

export const CUES: Record<CueKind, readonly Cue[]> = {
  bug: [
    ['\\b(?:bug\\w*|beug\\w*|buggy|glitch\\w*|crash\\w*|plant(?:e|es|ent|age|ait)\\b)', 3],
    ['\\b(?:error|errors|erreur\\w*|exception|404|500|502|503|not found)\\b|\\b(?:page|lien|fichier|article|commande|document) introuvable\\b', 2],
    [`\\b(?:doesn't|doesnt|does not|don't|dont|do not|isn't|isnt|is not|won't|wont|aren't) (?:work|load|open|save|sync|show|display|download|upload|send|update|respond|register|apply|connect|start|launch|play|appear|count|accept|recogni[sz]e|scan|refresh|arrive|print|charge|unlock|pair)\\w*`, 3],
    ['\\b(?:not|stopped|stops|stop) (?:working|loading|syncing|sending|showing|updating|responding)\\b', 3],
    ['\\b(?:broken|broke|breaks|is dead|went dead|has been dead)\\b', 3],
    ['\\b(?:does|did|do) nothing\\b|nothing happens|nothing happened|nothing downloads|no response when', 3],
    ['\\b(?:keeps?|kept) (?:crashing|running|logging|resetting|freezing|failing|reloading|kicking|signing|spinning|sending|showing|asking)', 2],
    ['\\b(?:failed|fails|failing|failure)\\b', 2],
    ['\\b(?:wrong|incorrect|inaccurate|mismatch\\w*|off by|out of sync|garbled|corrupt\\w*)\\b', 2],
    ['\\b(?:disappear\\w*|vanish\\w*|gone missing|went missing|got lost|were lost|was lost|lost (?:all|my|our)|wiped|deleted itself|reset itself|resets)\\b', 2],
    ['\\b(?:duplicat\\w*|twice|two times|double charged|charged (?:me )?twice|sent twice)\\b', 2],
    ['\\b(?:blank|empty) (?:page|screen|popup|pop-up|window|modal)|opens blank|shows blank|white screen', 3],
    ['\\b(?:in a loop|infinite loop|loops? back|redirect loop|sends me back)', 2],
    ['\\b(?:invalid|expired|rejected|declined)\\b', 1],
    ["\\b(?:got|gets|was|is|keeps? being|been) (?:rejected|declined|refused)\\b|\\beven though (?:it's|it is|its) (?:valid|correct|right)\\b|\\b(?:alors qu'il|alors qu'elle|pourtant) (?:est )?(?:valable|valide)\\b|\\bcode (?:promo )?(?:refuse|rejete|invalide|expire)", 2],
    ["\\b(?:can't|cant|cannot|unable to|couldn't|couldnt) (?:log ?in|log ?out|sign ?in|sign ?out|login|logout|pay|checkout|check out|finish|complete|save|upload|download|open|access|connect|submit|play|watch|book|transfer|activate|verify|reset)\\b", 2],
    ['\\b(?:greyed|grayed) out no matter|stays (?:greyed|grayed)|still (?:shows|says|charged)', 2],
    ['\\b(?:weird|strange|funny) (?:characters|symbols)|\\u00c3', 2],
    ['\\b(?:never (?:arrived|came|got)|didn\'t (?:receive|get) (?:the|any|my) (?:email|mail|code|sms|link|notification))', 1],
    ['\\b(?:says|shows|displays) .{0,40}\\bbut\\b', 1],
    ['\\b(?:tried|retried|attempted|re-?\\w+ed it|removed it) (?:it )?\\d+ times\\b|\\b\\d+ times before\\b|\\bessaye\\w* \\d+ fois\\b|\\b\\d+ fois de suite\\b', 2],
    ["^\\W*(?:when|whenever|every time|each time|quand|lorsque|des que|chaque fois que|a chaque fois que) (?:i|we|you|on|je|j'|l'on)\\b", 1],
    // French
    [`\\b(?:ne |n')?(?:marche|fonctionne|charge|s'ouvre|s'affiche|repond|enregistre|synchronise)\\w* ${NEG_FR}\\b`, 3],
    ['\\b(?:ca|ça) (?:marche|fonctionne) (?:pas|plus)\\b|\\bhs\\b|\\ben panne\\b|\\bcasse\\w*\\b', 3],
    ['\\bne fait rien\\b|\\bfait rien\\b|rien ne se passe|il ne se passe rien|aucune reaction', 3],
    ["\\bimpossible (?:de |d')(?:me |se |m')?(?:connect|valid|pay|activ|telecharg|ouvr|enregistr|finalis|command|envoy|ajout|supprim|modif|cliqu|lanc|regard|lire|acced|termin|commander|reserv|virer|effectu)", 3],
    ["\\bimpossible (?:de |d')", 1],
    ['\\b(?:disparai\\w*|disparu\\w*|efface\\w* tout seul|perdu (?:toute?s?|mes|mon|ma|nos|2|3|\\d)|vide tout seul|s\'est vide|se vide)', 2],
    ['\\b(?:faux|fausses?|errone\\w*|incorrecte?s?|mauvaise? (?:taille|couleur|montant|date|article|adresse|commande|total))\\b', 2],
    ['\\b(?:en double|deux fois|2 fois|doublon\\w*)\\b', 2],
    ['\\b(?:page|ecran) (?:blanche?|vide)\\b|\\bs\'ouvre vide\\b', 3],
    ['\\b(?:en boucle|boucle infinie|se remet\\w* a zero|remis a zero|reinitialise tout seul)', 2],
    ['\\b(?:decalage|decale\\w*)\\b', 1],
    ['\\b(?:caracteres bizarres|caracteres etranges|symboles bizarres)\\b', 2],
    ["\\b(?:m'affiche|affiche|indique|repond|says|shows) .{0,40}\\b(?:n'existe pas|expire|invalide|introuvable|erreur)", 3],
    ['\\b(?:code|lien|link) (?:invalide|expire|errone|invalid|expired)', 2],
    ['\\b(?:bloque|coince)e?s?\\b', 1],
    // General additions (any product): things that happen "by themselves", stop happening,
    // come out wrong or end up nowhere.
    ['\\b(?:by itself|on its own|(?:resets?|clears?|closes?|shuts?|logs? (?:me )?out|restarts?|deletes?|turns? off|switch(?:es)? off) itself)\\b|\\bblack screen\\b', 2],
    ['\\b(?:stop(?:ped|s)?) (?:\\w+ing)\\b|\\b(?:reverts?|reverted|rolls? back|undoes)\\b', 2],
    ['\\b(?:0|zero|no) results? (?:even|for|when)\\b|\\b(?:nowhere (?:in|on) (?:my|the)|not (?:in|on) my account|missing from my)\\b', 2],
    ['\\b(?:greyed|grayed) out\\b|\\bstuck (?:on|at|in)\\b|\\bthe wrong (?:\\w+ )?(?:language|day|date|time|amount|item|size|account|person|address|currency)\\b', 2],
    // French
    ["\\b(?:tout seul|toute seule|tous seuls|toutes seules|d'elle-meme|de lui-meme)\\b|\\b(?:ecran noir|ecran fige sur le logo)\\b", 2],
    [`\\b(?:ne |n')?(?:arrive|apparai|compte|lance|demarre|envoie|s'envoie|recoi|recharge|s'installe|se connecte|valide|sauvegarde|telecharge|lit|joue|reagi|actualise|se met a jour|s'imprime|debloque|deverrouille|s'allume)\\w* ${NEG_FR}\\b`, 3],
    ['\\b(?:ne |n\')?(?:sont|est) (?:plus|pas) (?:pris en compte|comptes?|comptabilise|affiche|enregistre|synchronise|sauvegarde|mis a jour|debite|credite)\\w*', 2],
    ['\\b(?:se ferme|se coupe|s\'arrete|se deconnecte|redemarre|se relance|quitte)\\w* (?:toute? seule?|sans raison|d\'un coup|en plein|quand|des que|a chaque)', 2],
    ['\\b(?:n\'est |est )?pas (?:le bon|la bonne|les bons|les bonnes)\\b|\\bmauvais (?:jour|mois|montant|prix|produit|compte|numero|solde|horaire|fuseau|client)\\b|\\bmauvaise (?:heure|langue|personne|devise|version)\\b', 2],
    ['\\b(?:0|zero|aucun) resultats?\\b|\\bnulle part dans\\b|\\b(?:grise|grisee)s? alors\\b|\\bexpire\\w* (?:direct|tout de suite|immediatement|aussitot|avant meme)', 2],
    ["\\b(?:efface|vide|ecrase|supprime)\\w* (?:tou(?:te)?s )?(?:mes|nos) \\w+", 1],
    ["\\b(?:not mine|isn't mine|someone else's|somebody else's|another (?:customer|user|person|account)'s|(?:pas|plus) (?:la|le|les) (?:mienne?s?|miens|notre|notres)|(?:d'|a )un autre (?:client|utilisateur|compte)|(?:d'|a )une autre personne|de quelqu'un d'autre)\\b", 2],
    ["\\b(?:echou\\w*|echec|ne passe pas|passe pas|refuse\\w* (?:ma|mon|le|la)|rejete\\w*|ne s'envoie pas|ne se charge pas|ne s'ouvre pas)\\b", 2],
  ],
  usability: [
    ['\\b(?:confus\\w*|unclear|not clear|isn\'t clear|misleading|ambiguous|counter-?intuitive|unintuitive|not intuitive|non intuitive|pas intuiti\\w*|peu intuiti\\w*)\\b', 3],
    ['\\b(?:hard|difficult|impossible|tricky|took me \\w+) to (?:find|see|tell|understand|read|spot|navigate|figure|use|know|get)\\b', 3],
    ["\\b(?:couldn't|couldnt|can't|cant|cannot) (?:find|figure out|tell|see where|work out)\\b", 2],
    ['\\b(?:hidden|buried|tucked away|hard to spot|easy to miss|nowhere to be found|levels? deep)\\b', 2],
    ['\\btoo many (?:steps|clicks|screens|pages|fields|forms|options|menus|checkboxes)\\b|\\b\\d+ clicks\\b|\\bclicks? (?:to|for|just)\\b', 3],
    ['\\b(?:tedious|cumbersome|clunky|fiddly|awkward|convoluted|overwhelming|cluttered|messy|jargon|wording|labell?ing|labels?)\\b', 2],
    ['\\b(?:no idea|no clue|had no clue|didn\'t know|did not know|not sure) (?:what|which|why|whether|if|how|where)\\b', 2],
    ['\\b(?:by (?:mistake|accident)|accidentally|mixed (?:them )?up|mix (?:them )?up|look(?:s)? (?:almost )?(?:identical|the same|alike)|right next to each other)\\b', 2],
    ['\\b(?:nothing (?:on the page )?(?:tells|explains|says|indicates)|not explained|no explanation)\\b', 2],
    ['\\b(?:so tiny|too small to|too small|hard to read|can\'t read|unreadable|low contrast)\\b', 2],
    ['\\b(?:complicated|complex|annoying|frustrating|confusing)\\b', 1],
    ['\\b(?:one by one|one at a time|separately|each time i have to|every time i have to|have to re-?type|retype)\\b', 1],
    ["\\b(?:can|could) never (?:find|tell|remember where)\\b|\\b(?:a maze|labyrinth|lost in the menus?|no explanation|not explained anywhere)\\b", 2],
    // French
    ['\\b(?:pas clair\\w*|peu clair\\w*|trompeur|ambigu\\w*|deroutant\\w*|perturbant\\w*|on s\'y perd|on s\'y retrouve pas|s\'y retrouve pas|je m\'y retrouve pas|on s\'y perd|m\'y perds?)\\b', 3],
    ["\\b(?:du mal a (?:trouver|comprendre|voir)|j'ai cherche|je l'ai cherche|cherche partout|mis \\d+ (?:bonnes )?minutes a trouver|introuvable dans)", 3],
    ['\\b(?:planque\\w*|cache\\w*|tout en bas|au fond d|noye\\w*)\\b', 2],
    ["\\b(?:trop d'etapes|trop de clics|\\d+ clics|\\d+ ecrans|trop de champs|trop de formulaires)\\b", 3],
    ['\\b(?:complique\\w*|galere\\w*|fastidieu\\w*|laborieu\\w*|pas pratique|peu pratique|le bazar|bazar|illisible\\w*|minuscule\\w*|jargon)\\b', 2],
    ["\\b(?:je savais pas|je ne savais pas|on sait pas|on ne sait pas|personne (?:ne )?sait|aucune idee|je comprends? pas|on comprend pas|pas compris)\\b", 2],
    ["\\b(?:par erreur|sans le vouloir|se ressemblent|identiques?|au pif)\\b", 2],
    ['\\b(?:melange\\w*|pas evident|pas logique|pas ergonomique|mal (?:place|fait|concu|range|indique|explique)\\w*)\\b', 2],
    ["\\b(?:pour rien|a chaque fois il faut|faut tout (?:ressaisir|retaper|refaire))\\b", 1],
    ["\\bpas (?:du tout |tres |vraiment |super |hyper )?(?:intuiti\\w*|clair\\w*|pratique|logique|evident\\w*|lisible\\w*)\\b|\\b(?:aucune explication|sans explication|a quoi sert|a quoi servent|impossible de (?:savoir|comprendre|trouver|voir|deviner))|\\b\\d+ (?:menus|sous-menus|onglets|niveaux)\\b|\\blabyrinthe\\b", 2],
    // General additions.
    ['\\b(?:struggl\\w*|looked everywhere|searched everywhere|search(?:ed)? all over|can never find|where (?:on earth|the hell) is)\\b', 3],
    ["\\b(?:not obvious|isn't obvious|non-obvious|unclear (?:whether|if|how|what|which)|hard to tell|can't tell|cannot tell|no way to tell|couldn't tell)\\b|\\b(?:isn't|isnt|is not|aren't|not) (?:\\w+ )?(?:intuitive|obvious|self-explanatory|user[- ]friendly)\\b", 3],
    ["\\b(?:makes? no sense|doesn't make (?:any )?sense|illogical|weird place|odd place|cramped|crowded|cryptic|disorient\\w*|overload\\w*|too much (?:info|information|text|going on)|too many (?:popups|pop-ups|ads|banners|notifications|menus|tabs|buttons))\\b", 2],
    ["\\b(?:get(?:ting)? lost|lose my place|losing my place|lost in the|in the way|a pain to|a pain,|is a pain|painful to use|learning curve|no onboarding|no tutorial|no guidance|asks? for (?:way )?too much)\\b", 2],
    ['\\b\\d+ (?:taps|clicks|screens|steps|pages|forms)\\b', 3],
    ['\\binstead of\\b', 1],
    // French
    ["\\b(?:je (?:ne )?trouve (?:pas|jamais|nulle part)|on (?:ne )?trouve (?:pas|jamais|rien)|impossible a trouver|introuvables?|je (?:ne )?sais (?:pas|jamais) ou|on (?:ne )?sait (?:pas|jamais) (?:ou|si|quoi|comment))\\b", 3],
    ["\\b(?:on se perd|je me perds|se perdre|perdu dans les|s'y retrouver|perd(?:s)? le fil|perd tout le temps le fil)\\b", 2],
    ["\\b(?:surcharge\\w*|trop d'infos?|trop d'informations|trop de (?:pop-?ups|pubs|notifs|notifications|menus|onglets|boutons|options|texte))\\b", 2],
    ['\\bmal (?:fichu|foutu|pense|organise|agence|presente|traduit|nomme)\\w*', 2],
    ["\\b(?:incomprehensible\\w*|on (?:n'y |y )?comprend rien|je (?:n'y |y )?comprends rien|rien compris|trop technique\\w*|termes techniques)\\b", 3],
    ['\\b(?:ressaisir|retaper|re-?remplir|tout refaire|tout recommencer|recocher)\\b', 1],
    ["\\bon (?:ne )?(?:distingue|voit|differencie) (?:rien|pas|mal)\\b|\\b(?:gene|genent|encombr\\w*)\\b", 1],
    ["\\b\\d+ (?:etapes|pages|formulaires|ecrans|clics|menus)\\b", 3],
    ["\\b(?:parcours|processus|procedure|demarche|inscription)s? (?:d'\\w+ |de \\w+ )?(?:est |sont )?(?:trop |super |hyper )?(?:longu?e?|interminable|complique|laborieu)\\w*", 2],
  ],
  performance: [
    ['\\b(?:slow\\w*|sluggish|laggy|lagg\\w*|lags?|latency|stutter\\w*|choppy|janky|buffering|takes? forever|took forever|ages to load|loading forever|still loading|keeps loading)\\b', 3],
    ['\\b(?:time[sd]? ?out|timing out|timeouts?)\\b', 3],
    ['\\b(?:spinner|spinning wheel|progress bar|loading screen|freez\\w*|froze|hangs|heavy page|heavy|performance|speed)\\b', 2],
    ['\\b\\d+(?:[.,]\\d+)?\\s?(?:-\\s?\\d+\\s?)?(?:s|sec|secs|seconds?|mins?|minutes?)\\b(?! ago)', 1],
    ['\\b(?:waiting|wait for|wait ages|stare at|staring at)\\b', 1],
    ['\\b(?:loading|load time|loads|to load|to open|to generate|to display|to appear|to show up)\\b', 1],
    ['\\b(?:eats (?:my )?battery|drains (?:my )?battery|uses \\d+% cpu|memory)\\b', 2],
    // French
    ['\\b(?:lent|lente|lents|lentes|lenteurs?|ralenti\\w*|rame\\w*|ramouille|lag\\w*|latences?|saccad\\w*|mouline\\w*|fige\\w*|freeze\\w*|interminable\\w*|une eternite|des plombes|trop long)\\b', 3],
    // General additions.
    ["\\b(?:takes?|took|taking) (?:almost |nearly |like |over |about |at least |a good )?(?:a |an |\\d+ |several |a few )?(?:minute|minutes|hours?|eternity|ages|forever|so long|too long|way too long|a while)\\b", 2],
    ['\\b(?:unbearabl\\w*|bloated|heats? up|overheat\\w*|battery|stall(?:s|ed|ing)?|barely respond\\w*|unresponsive|not responsive|keeps? dropping|drops? out|load(?:ing)? times?)\\b', 2],
    ["\\b(?:delay\\w*|spins?|spinning|several seconds|few seconds|couple of seconds|not smooth|isn't smooth)\\b", 1],
    // French
    ["\\b(?:prend|prennent|a pris|ont pris|mis|met|mettent|faut) (?:presque |pres d'|plus d'|environ |au moins |facile |genre |bien )?(?:une |des |\\d+ |plusieurs |quelques )?(?:minutes?|heures?|secondes?|siecles|plombes|eternite|temps fou|longtemps|trop de temps)\\b|\\btrop longtemps\\b|\\bprend du temps\\b", 2],
    ["\\b(?:temps de reponse|temps d'attente|temps de latence|memoire tampon|mise en memoire|buffer\\w*)\\b", 3],
    ["\\b(?:decroche\\w*|chauffe\\w*|surchauffe\\w*|batterie|pas fluide\\w*|manque de fluidite|pas reactif\\w*|peu reactif\\w*|tourne dans le vide|tourne a vide)\\b", 2],
    ["\\b(?:plusieurs|quelques) secondes\\b|\\b\\d+ ?(?:secondes?|minutes?)\\b|\\bretard\\w*\\b", 1],
    ["\\b(?:charg\\w*|load\\w*|attendre|wait(?:ing)?|patienter|recalcul\\w*|refresh\\w*|actualis\\w*) (?:\\w+ ){0,3}\\d+ ?(?:s|sec|secs|secondes?|seconds?|mins?|minutes?)\\b", 3],
    ['\\b(?:charg(?:e|ent|ement|ements|er)? (?:pendant|en boucle|a l\'infini|lentement)|temps de chargement|chargement\\w*|met(?:tent)? \\d+)', 2],
    ['\\b(?:lourd\\w*)\\b', 2],
    ['\\b(?:attendre|attente|patienter)\\b', 1],
    ['\\bau bout de \\d+', 2],
    ["\\b(?:une plombe|des plombes|des heures a|un temps fou)\\b|\\bmet(?:tent)? .{0,25}\\ba (?:s'afficher|charger|s'ouvrir|repondre|apparaitre|demarrer|se lancer)", 2],
  ],
  feature_request: [
    ['\\b(?:please add|pls add|plz add|can you add|could you add|would you add|you should add|add an? option|option to|ability to|possibility to|feature request|would love (?:a|an|to|the|it|some|if)|i\'d love|we\'d love|would be (?:nice|great|good|cool|awesome|helpful|handy|useful|amazing|lovely)|would help|would save|it\'d be|i wish|only wish|wish (?:there|you|it|i|we)|dreaming of|how about|why not (?:add|have|offer|let)|is missing|\\bmissing is|the one thing missing|one thing missing|needs? (?:a|an|to be able)|we need (?:a|an)|i need (?:a|an)|need to be able|let me|let us|allow (?:me|us|users)|support for|should (?:be able|have|offer|support|let))\\b', 3],
    ['^\\s*(?:add|please|pls|need|give us|bring|make it possible|offer|support)\\b', 2],
    ['\\b(?:please|pls|plz)\\b', 1],
    ['\\b(?:integration|integrate|sync with|syncs? (?:to|with)|connect(?:or)? (?:to|with)|plugin|plug-in|api|webhooks?|export to|import from|dark mode|shortcut|keyboard shortcut|offline mode|widget)\\b', 1],
    ['\\b(?:app for|an? (?:ios|android|ipad|iphone|mobile|desktop|tablet) app|mobile app|native app)\\b', 2],
    ['\\b(?:now ship|start shipping|ship to more|deliver to more|in more countries|more sizes|bigger sizes|plus sizes|a men\'?s line|for men too)\\b', 2],
    ['\\b(?:next step|next up|roadmap idea|suggestion|idea:|would be a game changer|game changer)\\b', 1],
    // French
    ["\\b(?:(?<!j')(?<!on )(?<!l')(?<!je )ajoutez|rajoutez|ajout d'un\\w*|mettez|proposez|il faudrait|faudrait|ce serait (?:bien|top|super|genial|pratique|utile|cool|le reve|chouette|parfait|ideal)|serait (?:top|bien|super|genial|pratique|utile|le reve|apprecie\\w*)|ca serait|j'aimerais|on aimerait|j'adorerais|je reve d|vivement|il manque|manque juste|ce qui manque|besoin d'(?:un|une|avoir|pouvoir)|avoir la possibilite|possibilite de|pouvoir (?:choisir|filtrer|trier|exporter|importer|ajouter|modifier|envoyer|partager|grouper|regrouper)|pensez-y|pensez a|vous devriez|pourquoi ne pas|pourquoi pas|une option pour|option pour|si seulement)\\b", 3],
    ['\\b(?:svp|s\'il vous plait|stp)\\b', 1],
    ['\\b(?:integration|integrer|synchro\\w*|connecteur|api|raccourci\\w*|mode sombre|mode hors ligne|appli mobile|application mobile|appli iphone|appli android|module de|une appli|l\'ia|de l\'ia|intelligence artificielle)\\b', 1],
    ['\\b(?:une ligne (?:homme|femme|enfant)|grandes tailles|en grande taille|petites tailles|livrez (?:en|au|aux)|livrer (?:en|au|aux))\\b', 2],
    // General additions.
    ["\\b(?:can't wait for|cant wait for|looking forward to (?:a|an|the)|consider (?:a|an|adding|offering|supporting)|any chance (?:of|to|you)|any plans? (?:to|for)|would be (?:a dream|welcome|appreciated|a plus|neat|sweet|brilliant|a nice touch|super \\w+)|it's missing|are missing|there's no (?:way|option) to|no option to|launch in|expand to|build an?|bring back|make it possible|being able to|to be able to|give us|offer an? (?:option|way|plan|version))\\b", 3],
    ["\\b(?:lacks?|lacking|no way to|other cities|more cities|more countries|other countries|more languages)\\b", 2],
    ["\\b(?:pourriez|pouvez|pourrez|pourriiez)[- ]vous (?:ajouter|rajouter|mettre|proposer|permettre|integrer|creer|developper|ouvrir|faire|prevoir|afficher|activer)|\\b(?:serait-il|serait il|est-ce qu'il serait) possible|\\b(?:serait|seraient) (?:la |les )?bienvenue?s?\\b|\\b(?:serait|ca serait|ce serait) (?:un plus|appreciable|sympa|cool|le pied|trop bien|vraiment bien|vraiment utile|hyper pratique|super pratique)\\b|\\ba quand\\b|\\bil me faudrait\\b|\\bj'aurais besoin\\b|\\bon aurait besoin\\b|\\bmanquerait\\b|\\bil manque\\b|\\bmanque (?:un|une|des|la|le|les|juste)\\b", 3],
    ["\\b(?:ajouter|rajouter|integrer)\\b", 1],
    ["\\b(?:ouvrez|lancez|developpez|creez|integrez|permettez|prevoyez|faites une|faites un|activez)\\b|\\b(?:d'autres|plus de|dans d'autres|autres) (?:villes|pays|langues|regions)\\b|\\bconnexion avec\\b|\\bcompatible avec\\b", 2],
    ["\\bj'aimerais (?:savoir|comprendre|connaitre)\\b|\\bje voudrais (?:savoir|comprendre)\\b|\\bwithout cancel\\w*|\\bsans (?:l'|les |la |le )?annul\\w*", -2],
  ],
  pricing: [
    ['\\b(?:price\\w*|pricing|pricey|overpriced|expensive|costs?|costly|cheap|fees?|surcharge|steep|afford\\w*|budget|value for money|not worth|worth the|rip-?off|cash grab|money grab|paywall|too much money)\\b', 3],
    ['\\b(?:plan|plans|tier|tiers|seat|seats|per user|per seat|per month|a month|\\/month|\\/mo|per year|annual(?:ly)?|yearly|monthly|billed|billing|invoice(?:d)? (?:me|us)|subscription|premium|upgrade|downgrade|trial)\\b', 1],
    ['\\b(?:free plan|free tier|paid plan|capped at|limited to \\d+|locked behind|only (?:on|in) the \\w+ plan)\\b', 2],
    ['\\b(?:discount\\w*|promo\\w*|coupon\\w*|voucher\\w*|sale price|vat|shipping (?:costs?|fees?|charges?)|delivery (?:costs?|fees?|charges?)|free (?:shipping|delivery|returns))\\b', 2],
    ['(?:[$€£]\\s?\\d|\\d\\s?(?:[$€£]|eur|euros?|usd|dollars?|bucks)\\b)', 2],
    ['\\b(?:pay(?:ing)? (?:full|extra|more|for)|charged? (?:extra|more|for)|price (?:hike|increase|went up)|went up|doubled?|increase\\w*)\\b', 1],
    // French
    ['\\b(?:prix|cher|chere|chers|cheres|tarif\\w*|couts?|coute\\w*|frais|payant\\w*|onereux|hors de prix|abordable|rapport qualite.?prix|ca pique|arnaque|budget|pas donne)\\b', 3],
    ['\\b(?:forfait\\w*|formule\\w*|palier\\w*|abonnement\\w*|offre (?:pro|gratuite|payante|premium|business)|plan (?:pro|gratuit|business|team|payant)|par utilisateur|par mois|par an|annuel\\w*|mensuel\\w*|factur\\w*|facture double)\\b', 1],
    ['\\b(?:promo\\w*|reduction\\w*|remise\\w*|soldes?|code promo|livraison (?:offerte|gratuite|payante)|retours? (?:payants?|gratuits?)|frais de port|frais de livraison)\\b', 2],
    ['\\b(?:augment\\w*|a double|ont pris \\d+|pris \\d+ ?%|passe de \\d)', 1],
    // General additions.
    ["\\b(?:commissions?|unaffordable|a fortune|a lot of money|lots of money|too much for|full price|overcharg\\w*|hidden (?:fees|costs|charges)|extra charges?)\\b", 3],
    ["\\b(?:money|pay(?:ing)? (?:extra|more|for)|have to pay|paid for|charge[sd]? (?:me|us|for|extra))\\b", 1],
    ["\\b(?:commissions?|inabordable\\w*|une fortune|ruineu\\w*|trop eleve\\w*|exorbitant\\w*|excessi\\w*|exagere\\w*|prohibiti\\w*|pas les moyens|vaut pas (?:le coup|son prix|le prix)|ne vaut pas (?:le coup|son prix|le prix)|frais caches|plein tarif|surfactur\\w*|trop paye\\w*)\\b", 3],
    ["\\b(?:payer|paye|payes|on paye|faire payer|eleve\\w*|abusif\\w*|scandaleu\\w*|balles|thune|fric|pognon|euros?)\\b", 1],
  ],
  praise: [
    // Negated praise ("not great", "pas top", "plus si génial") cancels the praise cue.
    ["\\b(?:not|never|isn't|wasn't|aren't|pas|n'est plus|plus si|pas si|pas tres|pas vraiment) (?:so |that |very |really |tres |si |vraiment )?(?:love\\w*|great|awesome|amazing|perfect|good|nice|easy|fast|happy|intuitive|smooth|reliable|top|genial|super|terrible|parfait|bien|rapide|pratique|clair|simple|fou|ouf|intuiti\\w*|fluide|facile|fiable|reacti\\w*|efficace|cool|pertinent\\w*|ergonomique)\\b", -2],
    ['\\b(?:love|loved|loving|lovely|great|awesome|amazing|perfect\\w*|excellent|fantastic|brilliant|wonderful|superb|outstanding|flawless|impressive|impressed|delighted|kudos|well done|smooth|seamless|best|recommend\\w*)\\b', 2],
    ['\\b(?:thank you|thanks|thx|cheers|ty)\\b', 1],
    ['\\b(?:nice|clean|easy|intuitive|happy|pleased|satisfied|good job|good work|fast|quick|helpful|lovely|beautiful|gorgeous)\\b', 1],
    ['(?:❤|♥|😍|🥰|👌|👍|🙏|🎉|🙌|💯|⭐|🔥|😊|☺|🤩|💖|💕)', 2],
    // French
    ["\\b(?:genial\\w*|super|top|parfait\\w*|excellent\\w*|bravo|chapeau|magnifique\\w*|adore|j'adore|nickel|impeccable\\w*|au top|rien a redire|je recommande|recommande|formidable\\w*|incroyable|extra|ravie?s?|contente?s?|satisfaite?s?|efficace\\w*|soigne\\w*|felicitations|un regal|trop bien)\\b", 2],
    ['\\b(?:merci)\\b', 1],
    ["\\b(?:bien passe|pratique|rapide|agreable|beau|belle|beaux|simple|qualite|fiable|propre\\w*|clair\\w*)\\b", 1],
    // General additions.
    ["\\b(?:spot on|top notch|top-notch|works like a charm|couldn't be better|keep up the good work|keep it up|nailed it|life ?saver|game changer|you guys rock|rocks|rock solid|a joy to use|well worth it|worth every penny)\\b", 2],
    ["\\b(?:continuez|la meilleure?|le meilleur|les meilleure?s|au poil|impec|je kiffe|kiffe|trop cool|aux petits soins|a l'ecoute|un plaisir|que du bonheur|que demander de plus|un sans faute|sans faute|vaut le coup)\\b", 2],
    ["\\b(?:pertinent\\w*|facile\\w*|fluide\\w*|intuiti\\w*|sympa\\w*|aimable\\w*|courtois\\w*|ponctuel\\w*|reacti\\w*|bon produit|bien emballe\\w*|cool|solid|reliable|friendly|polite|on time|responsive|accurate|relevant)\\b", 1],
  ],
  churn_risk: [
    ['\\b(?:cancel\\w*|unsubscrib\\w*|terminate (?:my|our)|close (?:my|our) account|closing (?:my|our) account|delete (?:my|our) account|deleting (?:my|our) account)\\b', 3],
    ["\\b(?:won't|wont|will not|not going to|aren't going to|are not going to|won't be|not) (?:renew\\w*|be renewing|be back|come back|order again|buy again|be ordering|recommend)\\b|\\bnot renewing\\b", 3],
    ['\\b(?:switch\\w*|mov(?:e|ed|ing)|migrat\\w*|go(?:ing)?|went|signed) (?:over )?(?:to|with) (?=[A-Za-z0-9])', 2],
    ['\\b(?:leaving|i\'m leaving|we\'re leaving|i am leaving|we are leaving|i\'m done|we\'re done|i am done|we are done|done ordering|done with|last order|never again|never ordering|goodbye|bye|farewell|so long)\\b', 3],
    ['\\b(?:found|find|get|got) (?:it |the same \\w+ |the same |something |a tool |an app |one )?(?:cheaper|better|for less|for half)\\b|\\b(?:cheaper|better) elsewhere\\b|\\belsewhere\\b|\\ba competitor\\b|\\bbuying it (?:there|elsewhere)\\b|\\bfor less\\b', 2],
    ['\\b(?:no longer need|don\'t need it anymore|won\'t need|shutting down|closing (?:down|the company|our)|go(?:ing)? back to (?:spreadsheets|excel|paper))\\b', 2],
    // French
    ["\\b(?:resili\\w*|annul\\w*|desabonn\\w*|desinscri\\w*|fermer mon compte|fermer notre compte|supprimer mon compte|clotur\\w*)\\b", 3],
    ["\\b(?:je pars|on part|nous partons|on s'en va|je m'en vais|on arrete|j'arrete|adieu|au revoir|plus jamais|derniere commande|je (?:ne )?commanderai plus|je n'achete(?:rai)? plus|plus chez vous|on ne renouvel\\w*|ne (?:pas )?renouvel\\w*|pas de renouvellement|sans renouvellement|on a signe ailleurs|signe ailleurs|ailleurs)\\b", 3],
    ["\\b(?:on passe|je passe|nous passons|on migre|je migre|on bascule) (?:sur|a|chez|vers) (?=[a-z0-9])", 2],
    ["\\b(?:je retourne|je vais voir|je vais aller|j'irai) (?:chez|sur|ailleurs)", 3],
    ["\\b(?:sur|chez|vers|pour) (?:une autre|un autre|la concurrence) ?(?:appli\\w*|application|site|banque|marque|outil|service|boutique|enseigne|plateforme|operateur|fournisseur)?\\b|\\b(?:another|a different|other) (?:app|site|bank|store|shop|tool|service|provider|platform|brand|airline|carrier)\\b(?! (?:tab|page|window))", 2],
    ["\\b(?:moins cher ailleurs|beaucoup moins cher|pour moins cher|plus besoin|n'aura plus besoin|n'avons plus besoin|on ferme|nous fermons|un concurrent|la concurrence)\\b", 2],
    // General additions.
    ["\\b(?:lost (?:a|one|another) customer|you(?:'ve)? (?:just )?lost me|i'm out|im out|i quit|quitting|uninstall\\w*|delet\\w* (?:my|the|your) (?:account|app|profile)|clos\\w* my (?:card|account)|going back to (?:my|our) (?:old|previous)|back to my old|last time i (?:order|book|buy|use|shop)\\w*|won't be (?:back|using|ordering|buying|booking)|(?:not|never) (?:planning|going) to renew|will never (?:buy|order|use|book|come|shop)|never (?:buy|order|use|book|shop)\\w* (?:from|here|again|with)|terminat\\w* (?:my|our|the)|giving up (?:on|and)|change (?:provider|bank|supplier|carrier|insurer)s?|pausing my|pause my (?:subscription|membership|plan|account))\\b", 3],
    ["\\b(?:thinking (?:about|of) (?:switching|leaving|cancel\\w*|moving|quitting)|(?:switch\\w*|changing) (?:carriers|providers|banks|suppliers|insurers)|competitors?|no longer (?:use|need)|don't (?:use|need) (?:it|the \\w+|this \\w+) anymore|going back to)\\b", 2],
    ["\\b(?:je me barre|je me casse|je me tire|je lache l'affaire|je laisse tomber|j'abandonne|je quitte|on quitte|nous quittons|je vous quitte|vous (?:m'avez|nous avez|venez de) perdu|perdu un client|perdez un client|je supprime (?:mon compte|l'appli|l'application|mon profil)|desinstall\\w*|(?:je|on|nous allons|je vais|on va) change[rz]? de (?:banque|prestataire|fournisseur|operateur|assurance|assureur|crem|appli|application|outil|solution|service)|je retourne (?:a|chez|sur|vers)|(?:retour|retourner|revenir) (?:a|chez) (?:mon|ma|mes|l')ancien\\w*|(?:la )?derniere fois que (?:je|j'|nous|on)|pas (?:renouveler|reconduire|prolonger)|je (?:mets|met) en pause|suspendre mon abonnement|me desinscrire|je n'utilise plus|j'utilise plus|on n'utilise plus)\\b", 3],
    ["\\b(?:concurren\\w*|je vais voir|on va voir|aller voir)\\b", 2],
    ["\\b(?:sans|without) (?:l'|les |la |le )?(?:annul\\w*|cancel\\w*)", -3],
  ],
  question: [
    ["^\\s*(?:how|where|what|why|which|who|can i|can we|can you|could i|could we|could you|is there|are there|is it|do you|does|do i|did|will|any (?:way|chance|setting|option|plan)|is this|are you|should i|hi,? (?:how|where|can|is|do))\\b", 2],
    ['\\b(?:how (?:do|can|does|long|much|to|should)|where (?:is|are|can|do)|is it possible|is there (?:a|an|any)|are there any|any (?:way|chance|setting|option) to|can i|can we|do you (?:ship|deliver|offer|have|sell|accept|support|take)|does (?:it|the|this|that)|what happens|what is the|which one)\\b', 2],
    ['\\?', 1],
    ["\\b(?:need help|can someone help|could someone help|i need assistance|what should i do|what do i do|is it normal that|how come)\\b", 3],
    ["(?:\\bcomment\\b|how (?:do|can|should) (?:i|we|you)|\\bcan (?:i|we)\\b|est-ce que je peux|\\bje peux\\b|\\bon peut\\b|\\bpuis-je\\b|\\bpeut-on\\b) (?:\\w+ ){0,2}(?:cancel|annul\\w*|resili\\w*|supprim\\w*|delete|remove) (?:an? |my |the |une |un |ma |mon |la |le |mes |l')?(?:order|booking|reservation|appointment|rdv|commande|reservation|rendez-vous|vol|flight|billet|ticket|trip|course|livraison|delivery|item|article|message|photo|card|carte)", 3],
    ['\\b(?:need help|help me|please help|support request|contact (?:support|you)|my order\\s*#?\\d*|order #?\\d+|ticket)\\b', 1],
    // French
    ["^\\s*(?:comment|ou |ou est|pourquoi|quel|quelle|quels|quelles|combien|est-ce|est ce|est-il|est il|peut-on|peut on|on peut|puis-je|je peux|y a moyen|y a-t-il|il y a un moyen|vous proposez|vous faites|vous livrez|c'est possible|bonjour,? (?:comment|est|vous|je|on|y))", 2],
    ["\\b(?:comment (?:on|je|faire|est-ce|puis|peut|changer|modifier|ajouter|supprimer|restaurer|annuler)|ou (?:est|sont|se trouve|trouver|puis-je)|est-ce que|est-il possible|est ce possible|c'est possible de|y a moyen|il y a moyen|existe-t-il|peut-on|on peut .{0,60}\\?|je cherche comment|je cherche a savoir|ca correspond a|quelle taille|combien de temps|besoin d'aide|aidez-moi)", 2],
    ["\\b(?:je dois faire quoi|que dois-je faire|que faire (?:si|quand|pour)|quoi faire (?:si|quand|pour)|on fait comment|je fais comment|comment (?:ca marche|ca fonctionne|proceder|ca se passe)|c'est normal que|qu'est-ce que|j'aimerais savoir|je voudrais savoir|pourriez-vous m'indiquer|pouvez-vous me dire|pouvez-vous m'expliquer|quelqu'un peut m'aider|vous pouvez m'aider)\\b", 3],
  ],
  offtopic: [
    // Whole-comment fillers only: "nothing" or "test" inside a real sentence means something else.
    ["^\\W*(?:test\\w*|ignore\\w*|asdf\\w*|qwerty|azerty|lorem ipsum|n\\/?a|none|nothing|nope|no|non|rien|ras|ok|okay|\\.+|-+|\\?+|no comment|nothing to say|nothing to add|nothing else|rien a dire|rien a ajouter|rien a signaler|aucun commentaire|pas de commentaire|pas d'avis|sans avis|no opinion(?: yet)?|bonjour|hello|hi|salut|hmm+|euh+|bof)\\W*$", 3],
    ["^\\W*(?:wrong (?:tab|page|window|button|link)|mauvais (?:onglet|lien|bouton)|mauvaise (?:page|fenetre)|clicked by (?:mistake|accident)|clique par erreur)\\W*(?:sorry|oops|desole\\w*|pardon|oups)?\\W*$", 3],
    ["\\b(?:just testing|testing the|ignore this|ignore,|too early|too soon|just browsing|just looking|wrong tab|wrong page|trop tot|je regarde juste|je regarde|juste un coup d'oeil|come back later|je viens de m'inscrire|je viens de commencer|i just signed up|just started using|just signed up|just joined|just installed|just downloaded|je viens de (?:m'abonner|telecharger|installer|creer mon compte|decouvrir)|je decouvre|trop tot pour (?:dire|juger|le dire)|too early to (?:tell|say|judge))\\b", 2],
    ['\\b(?:buy (?:followers|likes|views|reviews)|followers cheap|seo|backlinks?|whatsapp|telegram|crypto|bitcoin|forex|casino|viagra|loan offer|rank #?1|earn \\$|make money|click here|visit (?:my|our) (?:site|website)|contact us|promote your|marketing services|cheap \\w+ services|cheap followers|followers (?:pas chers?|cheap)|achetez des (?:followers|abonnes|likes|avis|vues)|buy \\w+ (?:followers|likes|views))\\b', 3],
    ['https?:\\/\\/', 1],
    ["\\b(?:just here (?:for|to)|only here (?:for|to)|not (?:shopping|buying|looking) for|i'll come back later|will come back later|come back (?:later|another time)|je repasserai|je reviendrai (?:plus tard|une autre fois)|c'est pour offrir|pour un cadeau|just curious|par curiosite|juste pour voir|je suis juste venu)\\b", 2],
  ],
};

/** Negations for sentiment flips, per language (normalised forms). */
export const NEGATIONS = {
  en: new Set(['not', 'no', 'never', 'nothing', 'neither', 'nor', 'without', "n't", 'cant', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'wont', 'arent', 'cannot', 'hardly']),
  fr: new Set(['pas', 'plus', 'jamais', 'rien', 'aucun', 'aucune', 'sans', 'ni', 'guere']),
};

export const NEG_PATTERNS = { en: NEG_EN, fr: NEG_FR };
