"""Whether a typed question on a name is fair: the checks on a person, place, body, group or
term that a student is to type (the blank's own sentence, the stem around it, and the document),
and the cues that would give the name away."""
from __future__ import annotations

import re

from quizapp.engine import lexicon
from quizapp.engine.factindex import STOPWORDS, FactIndex, content_words
from quizapp.engine.facts import _zipf
from quizapp.engine.model import Document, Fact
from quizapp.engine.normalize import fold
from quizapp.engine.patterns import rx

def is_subject_name(doc: Document, name: str) -> bool:
    """The biography's subject by the title's name or another ('Maria Skłodowska' for Marie Curie:
    the given name begins the same way)."""
    if not doc.subject:
        return False
    subject = doc.subject[0]
    return name == subject or fold(name.split()[0]).lower()[:4] == fold(subject.split()[0]).lower()[:4]


# Words that name a country without naming it, for anyone with general knowledge.
COUNTRY_CUES = {
    "Germany": r"(?i)\bnazis?\b|hitler|fascis|third reich|weimar", "Italy": r"(?i)fascis|mussolini",
    "East Germany": r"(?i)\bGDR\b|berlin wall|stasi", "Japan": r"(?i)samurai|mikado|imperial japan",
    "Spain": r"(?i)franco|civil war", "China": r"(?i)\bmao\b|chinese",
    "United States": r"(?i)american|yankee|\bNew York\b|\bCalifornia\b|\bTexas\b|\bChicago\b|\bBoston\b|"
                     r"\bWashington\b|\bCongress\b",
    "England": r"(?i)\bLondon\b|\bEnglish\b", "France": r"(?i)\bParis\b|\bFrench\b",
    "Norway": r"\bBergen\b|\bOslo\b|\bTrondheim\b|\bLofoten\b|\bNorwegian", "Sweden": r"\bStockholm\b|\bGothenburg\b|\bSwedish",
    "Denmark": r"\bCopenhagen\b|\bDanish\b", "Netherlands": r"\bAmsterdam\b|\bRotterdam\b|\bDutch\b",
    "Holland": r"\bAmsterdam\b|\bRotterdam\b|\bDutch\b", "Russia": r"\bMoscow\b|\bSt\.? Petersburg\b|\bRussian\b",
    "Egypt": r"\bCairo\b|\bAlexandria\b|\bEgyptian\b|\bNile\b", "Poland": r"\bWarsaw\b|\bKrak[oó]w\b|\bPolish\b",
}
GENERAL_PLACES = {"Europe", "Asia", "Africa", "America", "the West", "the East"}
# A person of a discussion thread is asked by name only where their sentence says enough about them:
# a date or figure, or this many content words.
DISTINCT_DETAIL_WORDS = 7
THIN_DESCRIPTION = "a short description in a discussion thread"
_PLURAL_ORG = re.compile(r"(?:Committees|Councils|Unions|Parties|Commissions|Soviets|Organizations|Organisations)$")


PEOPLE_CUE = "cue: the stem names the country of this people, or the people of this country"
_WORLD_SUPERLATIVE = re.compile(r"\b(?:largest|longest|highest|biggest|deepest|tallest|widest|oldest)\b[^.;]{0,40}?"
                                r"\b(?:on Earth|on earth|in the world|on the planet)\b")
_IN_COUNTRY = re.compile(r"\s+in\s+(?:the\s+)?(?:" + "|".join(sorted(map(re.escape, lexicon.COUNTRIES), key=len, reverse=True))
                         + r")\b")


def country_people_cue(answer: str, prompt: str) -> bool:
    """'21 _____ chose to defect to China rather than return to the USA': a people's name and its
    country's name give each other away (Americans / USA, Chinese / China)."""
    for country, people in lexicon.PEOPLE_OF_COUNTRY.items():
        names = next((a for a in lexicon.PLACE_ALIASES if country in a), {country}) | {country}
        names |= {f"{n} Germany" for n in ("East", "West", "Nazi")} if country == "Germany" else set()
        other = people if answer in names else (names if answer in people else set())
        if any(rx(rf"(?<![\w.]){re.escape(o)}(?![\w])").search(prompt) for o in other):
            return True
    # 'when the news reached Paris … many _____' (Parisians): the people of a place named in the stem
    people = re.fullmatch(r"([A-Z][a-z]{3,})[a-z]*?(?:ians|ans|ers|ites|ese|s)", answer)
    return bool(people) and any(len(w) >= 4 and people.group(1)[:5] == w[:5] and w != answer
                                for w in re.findall(r"\b[A-Z][a-z]{3,}\b", prompt))


SAME_WORDS_OTHER_NOUN = "a second answer: the text puts another word after the same words elsewhere"
# the words a blank follows, when they name one thing: a number or a capitalised word among them
_NAMING_WORDS = re.compile(r"((?:[A-Z][\w’'-]*|\d[\d,.]*)(?:\s+(?:[A-Z][\w’'-]*|\d[\d,.]*))?)\s+$")


def other_word_after(text: str, before: str, term: str) -> str:
    """'the June 26 _____' (ukase) where the text also says 'the June 26 laws': a typed term after
    words that name one thing (a date, a name) is not the one word for it when the text follows the
    same words with another; that word, or ''."""
    m = _NAMING_WORDS.search(before)
    if not m or any(w.lower() in STOPWORDS for w in m.group(1).split()):  # 'A _____ is built …'
        return ""
    words = r"\s+".join(map(re.escape, m.group(1).split()))
    stem = fold(term).lower()[:4]
    for found in rx(rf"(?<![\w’'-]){words},?\s+(?:\d{{4}},\s+)?([a-z]{{3,}})\b").finditer(text):
        word = found.group(1)
        if word not in STOPWORDS and not word.startswith(stem):
            return word
    return ""


ALTERNATIVE_FORM = "a term given beside another form of itself ('nzere or _____'): typing it tests spelling"


def typed_name_problem(doc: Document, fact: Fact, prompt: str, index: FactIndex, more: str = "") -> str:
    """'' when a typed question on a name is fair; otherwise why not (the blank's own sentence decides,
    with ``more``: the sentences after it that the stem shows because they go on about the person)."""
    sent = doc.sentences[fact.sentence]
    after = sent.text[fact.end - sent.start:]
    before = sent.text[: fact.start - sent.start]
    tokens = fact.text.split()
    if re.match(r"\w|[*_]+\w", after) or re.search(r"\w$|\w[*_]+$", before):  # ('SCC*mec*': a word in two styles)
        return "part of a longer word: the blank would split it"
    if fact.kind in ("group", "nationality") and not fact.text.endswith("s") and re.match(r"\s+[a-z]", after):
        return "a group name used as an adjective ('the Russo-Japanese war'): incidental"
    if re.match(r"\s+(?:and|&)\s+[A-Z]", after) and fact.kind == "group":
        return "part of a longer title ('Propagandists and Agitators')"
    if fact.kind == "term" and len(tokens) == 1:
        other = other_word_after(doc.text, before, fact.text)
        if other:
            return SAME_WORDS_OTHER_NOUN + f" ('{other}')"
    if fact.kind == "term" and fact.text.endswith("Plan") and \
            re.search(r"(?i)\b(?:previous|preceding|earlier|former|first two|two)\s+(?:\w+\s+)?plans\b", sent.text):
        return "the plan's number follows from 'the previous plans' beside it"
    if fact.kind == "term" and re.search(r"(?i)\b(?:the\s+)?\w+\s+(?:year|month|stage|phase)\s+of\s+(?:the\s+)?$", before):
        return "a name in an aside that only dates a year ('1940 – the second year of the ___'): the year gives it away"
    if fact.kind == "term" and (re.search(r"\b[a-z][\w’'-]*\s+or\s+$", before) or re.match(r"\s+or\s+[a-z]", after)):
        # 'heard the Kongo word nzere or _____': the other form is in the stem (second blind review of set 20)
        return ALTERNATIVE_FORM
    if fact.kind == "term" and re.match(r"\s*\([a-z][^()]*\)", after):
        return "a term with its meaning in brackets beside it: typing it tests spelling (the matching of terms asks it)"
    if fact.kind == "org" and fact.unit.isupper() and re.search(r"\(\s*$", before) and \
            sum(_zipf(w.lower()) < 2.0 for w in tokens if len(w) > 1) * 2 > len(tokens):
        return "the full name of an abbreviation in another language: typing it tests a transliteration"
    if fact.kind == "org" and fact.text.isupper() and re.search(r"\(\s*$", before):
        return "an abbreviation in brackets after its full name: a passing label"
    if fact.kind in ("org", "term") and re.fullmatch(r"[A-Z]{2,5}", fact.text) and re.match(r"\s+[*_]*[A-Z][a-z]+\s+[A-Z][a-z]+", after):
        # 'adopted the _____ Global Action Plan' (WHO): the abbreviation labels a longer name; the body it stands
        # for has a full name too, which the key would refuse (second blind review of new-documents-22, C2)
        return "an abbreviation at the head of a longer name ('the WHO Global Action Plan'): a label, and its full name would be refused"
    nxt = re.match(r"\s+([a-z]{3,})\b", after)
    if doc.kind == "discussion" and fact.kind in ("org", "term", "place") and re.fullmatch(r"[A-Z]{2,3}", fact.text) \
            and nxt and nxt.group(1) not in STOPWORDS and not re.search(r"(?:s|ed|ly)$", nxt.group(1)):
        # 'blazers £5, jumpers £2, _____ kit £1–£3' (PE): a label on a thing, guessed from the thing
        return "an abbreviation used as an adjective ('PE kit'): incidental"
    if fact.kind in ("org", "term", "place") and re.fullmatch(r"[A-Z]{2,5}", fact.text) and \
            rx(rf"\(\s*{fact.text}\s*\)").search(doc.text):
        # 'the _____ was built to keep two men alive' (LM), where the text says 'the lunar module (LM)'
        return "an abbreviation the text spells out: typing it tests its letters"
    if fact.kind == "org" and re.match(r"\s*\([A-Z][a-z]+\s+[A-Z]{2,5}\)", after):
        # 'the _____ (Russian YCL)': whoever can expand the abbreviation has the answer (blind review 20001)
        return "cue: the abbreviation in brackets beside the blank names it in other words"
    if fact.kind == "person" and doc.kind == "discussion" and not re.search(r"\d", before + after) and \
            len(content_words(before + " " + after + " " + more)) < DISTINCT_DETAIL_WORDS:
        return THIN_DESCRIPTION + ": other people of the thread may fit it too"
    if fact.kind == "person" and len(tokens) >= 2 and _named_bare_first(doc, fact):
        return "a person the document first names by surname alone: it takes them as known (general knowledge)"
    subject = doc.subject[0] if doc.subject else ""
    if fact.kind == "person" and subject and fact.text != subject and is_subject_name(doc, fact.text):
        # 'Maria Skłodowska was born in Warsaw' in the life of Marie Curie: 'Marie Curie' is right too
        return "the subject of the biography under another name: her or his usual name would be right too"
    town = re.fullmatch(r"(?:the )?(?:University|College) of ([A-Z][a-z]+)|([A-Z][a-z]+) University", fact.text) \
        if fact.kind == "org" else None
    if town and re.search(r"\b(?:School|Laboratory|Institute|College|Department|Hospital|Infirmary|Centre|Center)\b"
                          r"(?: of [A-Z][a-z]+)?[*_]*,? (?:in|at) " + (town.group(1) or town.group(2)) + r"\b", doc.text):
        # 'wartime research at the _____' (University of Oxford) where the text puts the work in 'the Sir
        # William Dunn School of Pathology in Oxford': a typed answer could name either
        return "a university with a school or laboratory of it named in the text: a typed answer could name either"
    if fact.kind == "person" and re.fullmatch(r"[A-Z][a-z]+ [IVX]+", fact.text) and re.search(
            r"\b(?:King|Queen|Duke|Duchess|Prince|Princess|royal|throne|reign|crown)\b|\b[A-Z][a-z]+ [IVX]+\b",
            prompt.replace(fact.text, "")):
        # '_____ ordered … he and his brother James, Duke of York (the future James II), …' (Charles II)
        return "a monarch the stem places among royals: general knowledge names the one that fits"
    if fact.kind == "person" and re.search(r"(?i)\b(?:famous|celebrated|renowned|well-known|nobel)\b", prompt):
        return "the stem describes a famous person: answerable from general knowledge"
    opener = '"' if before.count('"') % 2 == 1 else ("“" if before.count("“") > before.count("”") else "")
    if fact.kind != "quote" and opener:
        inside = before.rsplit(opener, 1)[-1] + fact.text
        close = re.match(r'[^"”]*["”]', after)
        if close and len((inside + close.group(0)).split()) <= 15 and (inside.strip() != fact.text or
                                                                       close.group(0).strip('"” ')):
            return "part of a quoted title or phrase: the blank would split it"
    if fact.kind == "work" and re.search(r"\(\s*$", before):
        return "a source cited in brackets: incidental"
    if fact.kind in ("place", "group", "nationality", "org") and before.count("(") > before.count(")") \
            and not (fact.kind == "org" and re.search(r"\(\s*(?:the\s+)?$", before)):
        return "an aside in brackets: incidental"
    if fact.kind == "place" and fact.text in COUNTRY_CUES and re.search(COUNTRY_CUES[fact.text], prompt):
        return "general knowledge: the stem names the country in other words"
    if fact.kind == "place" and fact.text in GENERAL_PLACES:
        return "a continent or a world region: too general to ask"
    if fact.kind == "place" and len(tokens) >= 2:
        distinct = [t for t in tokens if t[:1].isupper() and t not in lexicon.PLACE_HEADS and t not in lexicon.PLACE_LEADS
                    and t not in lexicon.PLACE_MODIFIERS and t not in lexicon.THING_HEADS]  # 'the New Suez Canal' in “The
        # Suez Canal”: 'Suez' tells it; 'the Mount Wilson Observatory' under “Mount Wilson”: 'Wilson' does
        shown = fold(prompt)
        generic_in_title = not distinct and any(rx(rf"\b{re.escape(fold(t))}\b").search(fold(doc.title)) for t in tokens)
        if generic_in_title or distinct and all(rx(rf"\b{re.escape(fold(t))}\b").search(shown) for t in distinct):
            # 'Gatun Dam created _____' (Gatun Lake), 'a canal across the _____' in “The Panama Canal”
            return "cue: the distinctive word of the place's name is in the stem or the title"
    if fact.kind == "org" and len(tokens) >= 2:
        distinct = [t for t in tokens if t[:1].isupper() and t not in lexicon.ORG_WORDS and t.lower() not in ("the", "of")
                    and t not in lexicon.PLACE_HEADS]
        if distinct and all(rx(rf"\b{re.escape(fold(t))}\b").search(fold(prompt)) for t in distinct):
            # 'in the section “The Oxford Team”, … at the _____' (the University of Oxford)
            return "cue: the distinctive word of the body's name is in the stem or the section's title"
    if fact.kind == "place" and any(fact.text in places and rx(rf"\b{re.escape(landmark)}\b").search(before + " " + after)
                                    for landmark, places in lexicon.LANDMARK_PLACES.items()):
        return "general knowledge: the place of a world-famous landmark in the stem ('the Sorbonne' gives Paris)"
    if fact.kind == "place" and re.match(r"\s+(?:dollars?|cents?|pounds?|francs?|marks?|yen|rubles?|roubles?)\b", after):
        return "a currency's country ('8 billion US dollars'): part of the unit, not a place"
    if fact.kind == "place" and fact.text in lexicon.FAMOUS_EVENT_PLACES \
            and re.search(lexicon.FAMOUS_EVENT_PLACES[fact.text], before + " " + after):
        return "general knowledge: the place of a famous event, named with its year ('_____ … erupted on May 18, 1980')"
    if fact.kind == "place" and _WORLD_SUPERLATIVE.search(sent.text):
        return "general knowledge: a world superlative ('the largest … on Earth') names a famous place"
    if fact.kind == "place" and _IN_COUNTRY.match(after):
        return "general knowledge: a landmark named with its country ('the _____ in Egypt')"
    if fact.kind == "place" and fact.text in lexicon.COUNTRIES and re.search(
            r"[A-Z][a-z]+\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
            r"north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?$", before):  # 'County Kerry in southwest _____'
        return "general knowledge: the country of a named landmark ('Mount Pinatubo in the _____')"
    if fact.kind == "org" and (_PLURAL_ORG.search(fact.text) or tokens[0] in lexicon.NATIONALITIES):
        return "a kind of body ('Central Committees', 'American Embassy'), not one named organisation"
    docs_naming = index.documents_naming(fact.text) if index is not None else set()
    if fact.kind in ("place", "group") and len(docs_naming) >= 2:
        return "a name found all through the corpus: a guess, not a reading"
    if re.fullmatch(r"[A-Z]{2,6}", fact.text):
        gloss = re.match(r"\s*\(([^()]+)\)", after)
        if gloss:
            initials = "".join(w[0] for w in gloss.group(1).split() if w[:1].isupper())
            if all(ch in initials for ch in fact.text):
                return "cue: the acronym's letters are the initials of the words beside it"
    p = fold(prompt)
    for tok in re.findall(r"[A-Z][A-Za-z]+" if fact.kind not in ("quote", "term") else r"[A-Za-z]+", fold(fact.text)):
        shortest = 5 if tok[0].isupper() else 6  # a name: 'petites Curies' beside 'Marie Curie'
        stem = tok[: max(shortest, len(tok) - 3)]
        same = rx(rf"\b{re.escape(tok)}\b").search(p)
        if len(tok) >= shortest and rx(rf"\b{re.escape(stem)}").search(p) and not (same and len(tokens) >= 3):
            return "cue: a word of the answer is in the stem"
        if fact.kind in ("quote", "term") and len(tok) >= 4 and tok.lower() not in STOPWORDS and \
                rx(rf"\b{re.escape(tok.lower())}\b").search(p.lower()):
            return "cue: a word of the answer is in the stem"  # '“_____,” an illness caused by … fine dust' (dust pneumonia)
    if fact.kind in ("place", "group", "nationality") and country_people_cue(fact.text, prompt):
        return PEOPLE_CUE
    return ""


def _named_bare_first(doc: Document, fact: Fact) -> bool:
    """'Some examples like Oswald are mentioned in other answers.' before 'Lee Harvey Oswald moved to
    the USSR …': a text introduces a person it expects its readers not to know by their full name;
    a surname alone at the first mention takes the person as known, and so may a student."""
    surname = fact.text.split()[-1]
    if len(surname) < 3 or not surname[0].isupper() or re.fullmatch(r"[IVX]+", surname):
        return False
    full = doc.text.find(fact.text)
    for m in re.compile(rf"(?<![\w.’'-]){re.escape(surname)}(?![\w’'-])").finditer(doc.text, 0, max(full, 0)):
        if not re.search(r"\b[A-Z][\w’'-]*\.?\s+$", doc.text[max(0, m.start() - 30):m.start()]):
            return True  # not part of another full name ('Thomas Reed' before 'Mary Reed')
    return False


_LIKEWISE = re.compile(r"(?i)\b(?:likewise|similarly|in the same way|the same is true|the same was true)\b")
_HEDGED = re.compile(r"(?i)\b(?:presumably|perhaps|possibly|probably|maybe|might|may have|could have|it is likely)\b")
LIKEWISE_LEANS_BACK = "a name in a 'likewise' sentence: what it says leans on another named before it"
LIKEWISE_FITS_BOTH = "what the text says of it, it says 'likewise' of another soon after: both fit the blank"
# How many sentences back a 'likewise' may reach within its paragraph.
LIKEWISE_REACH = 3


def compared_by_likewise(doc: Document, by_sentence: dict[int, list[Fact]]) -> dict[tuple[int, int], str]:
    """Names that a 'likewise' sentence sets side by side. '(the Karsakpaisky Copper Plant) the number
    of accidents … has increased. … In the Balkhash plant there are likewise a great many … accidents':
    asked in the first sentence, Balkhash fits too; asked in the second, the blank leans on the first.
    Keyed by (sentence index, fact start)."""
    out: dict[tuple[int, int], str] = {}
    for sent in doc.sentences:
        m = _LIKEWISE.search(sent.text)
        if not m:
            continue
        # the names set beside others are those before the word: 'In the Balkhash plant there are
        # likewise …', '… the Baltic state populations did likewise' (an opening 'Similarly, …' only links)
        here = [f for f in by_sentence.get(sent.index, []) if f.kind in ("place", "org", "group", "person")
                and f.end <= sent.start + m.start()]
        for f in here:
            out[(sent.index, f.start)] = LIKEWISE_LEANS_BACK
        kinds = {f.kind for f in here}
        if _HEDGED.search(sent.text[: m.start()]):
            continue  # 'Presumably … the Baltic state populations did likewise': a guess, not a second answer
        for back in range(max(0, sent.index - LIKEWISE_REACH), sent.index):
            if doc.sentences[back].paragraph != sent.paragraph:
                continue
            for f in by_sentence.get(back, []):
                if f.kind in kinds and all(f.text != g.text for g in here):
                    out.setdefault((back, f.start), LIKEWISE_FITS_BOTH)
    return out
