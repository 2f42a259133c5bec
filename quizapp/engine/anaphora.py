"""Whether a sentence leans on the one before it: a pronoun, a demonstrative, an 'it' or a span
of time with nothing in the sentence it could stand for. The stem builder (``stems``) gives such a
sentence its context, or does not use it."""
from __future__ import annotations

import re

from quizapp.engine import lexicon
from quizapp.engine.factindex import STOPWORDS
from quizapp.engine.facts import _ROLES
from quizapp.engine.patterns import rx


ANAPHOR_START = re.compile(
    r"^(?:[“\"‘]\s*)?(?:(?:And|But|Yet|Or)\s+(?=[a-z]))?(?:He|She|It|They|This|That|These|Those|Such|His|Her|Its|Their|Him|Them|Both|"
    r"Of those|Of these|The two|In this|By this|At this|Here|All of which|The latter|The former|"
    # 'The third of these, at 10:02 a.m., was the greatest', 'There, James Wallis … recorded': the
    # explosions and the place of the sentence before
    r"The [a-z]+ of (?:these|those|them)\b|There(?=,)|"
    # 'That is why the AASM …', 'This is why …': the reason the sentence before gave
    r"(?:That|This) is (?:why|how|because)\b|"
    # 'Only the second volume survives': the second volume of the work the sentence before named
    r"(?:Only\s+)?[Tt]he (?:first|second|third|last|final|other|remaining) (?:volume|part|book|edition|copy|half|"
    r"stage|phase|tablet|page|chapter)\b(?!\s+of\b)|"
    # 'Forty-nine survive in whole or in part': forty-nine of the things the sentence before named
    r"(?:\d[\d,]*|(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Twenty|Thirty|Forty|Fifty|Sixty|"
    r"Seventy|Eighty|Ninety|A hundred)(?:-[a-z]+)?)\s+(?:survive|survived|remain|remained|exist|existed|are|were)\b|"
    # 'Totals range from about 45,000 to more than 90,000': totals of what the sentence before counted
    r"(?:Totals|Estimates|Figures|Numbers|Counts)\b(?!\s+(?:of|for)\b)|"
    # 'Most lived in the countryside': most of the people the sentence before counted
    r"(?:[Mm]ost|[Mm]any|[Ss]ome|[Ff]ew|[Aa]ll|[Bb]oth|[Ss]everal|[Hh]alf)\s+(?:[a-z]+ed|were|was|had|lived|came|went|left|"
    r"died|became|made|took|fled|stayed|worked|spent|ate|grew|knew|saw|ran|think|thought|argue|say|said|believe|claim|"
    r"suggest|hold|held|regard|prefer|put)\b|[Oo]thers\b|"
    # 'The first one, called "Victory", was installed …', 'The improved version, "Agnus", came …': one of
    # the things the sentence before named
    r"The (?:first|second|third|last|next|new|newer|improved|original|later|earlier|older|other|final|updated|revised)"
    r" (?:one|ones|version|versions|model|models)\b(?!\s+of\b)|"
    # 'The engineer was Tommy Flowers': the engineer of the machine the sentence before named
    r"The (?:[a-z]+ )?(?:engineer|designer|architect|builder|inventor|maker|manufacturer|winner)s? (?:was|were|is|are)\b|"
    # 'Then there is Iceland, which gets cited …': the next of the examples the text goes through
    r"Then (?:there (?:is|are|was|were|comes)|comes|came)\b|"
    r"The same|Later|Afterwards|Now|So|Another|At the time|At that time|The (?:following|next|previous) (?:year|day|month|week)|"
    r"The (?:most|least|[a-z]+est) (?:[a-z]+ )?(?:form|type|kind|variety|strain|version)\b(?!\s+of\b)|"
    # 'The lines come from "Low Bridge, Everybody Down"': the lines quoted before
    r"The (?:lines|verse|verses|quotation|quote|passage|song|poem)\b(?!\s+of\b)|"
    # 'The four untreated mice died within a day': a group counted in the sentence before
    r"The (?:three|four|five|six|seven|eight|nine|ten|twelve|\d{1,3})\s+(?:[a-z-]+\s+)?(?:[a-z]+s|mice|men|women|"
    r"children|people)\b(?!\s+of\b)|"
    # 'The most damaging is the parasitic mite …': a superlative standing for a noun of the sentence before
    r"The (?:(?:most|least)\s+[a-z]+|largest|smallest|biggest|greatest|oldest|youngest|highest|lowest|longest|"
    r"shortest|earliest|latest|fastest|slowest|strongest|weakest|richest|poorest|heaviest|lightest|deepest|widest|"
    r"closest|nearest|best|worst|commonest|simplest|easiest|hardest|cheapest|finest)\s+(?:is|was|are|were)\b|"
    r"The year (?:after|before)|That (?:year|day|month)|The (?:event|incident|episode|occasion|affair)\b|"
    # 'The spinning problem was tackled by …': the problem the sentences before describe
    r"The (?:[a-z-]+\s+)?(?:problem|difficulty|shortage|bottleneck|challenge|solution|remedy|answer)\b|"
    # 'By contrast, Apple's M1 processor …', 'Even so, the process is …': a sentence set against the one before
    r"(?:By contrast|In contrast|Even so|Instead|Conversely|On the other hand|As a result|Consequently|In response|"
    r"In reply|In return|In turn)\b|"
    # 'A more practical version was devised …': more practical than the one before
    r"(?:A|An)\s+(?:more|less|still more|even more|better|worse|further|similar)\s+(?:[a-z]+\s+)?"
    r"(?:version|attempt|design|model)\b|"
    # 'Inside it lie the thylakoids': a place given by a pronoun
    r"(?:Inside|Within|Around|Behind|Beneath|Below|Above|Inside of|Through|Into|Under|Over|Near|Beside|Along)\s+(?:it|them)\b|"
    # 'Along its crest, new crust forms': whose crest?
    r"(?:Along|On|In|At|Across|Near|Beneath|Under|Over|Inside|Within|Around|From|Through|Beyond)\s+(?:its|their)\b|"
    # 'By the time it was freed on 29 March, …': an opening clause whose subject is something named before
    r"(?:By the time|When|Whenever|After|Before|Until|Once|As soon as|While|Although|Though|Because|Since|If)\s+it\s+(?!is\s+(?:clear|said|known|possible|necessary)\b)|"
    # 'The results were published in The Lancet': the results of what the sentence before did
    r"The (?:results?|findings|outcome|experiment|study|studies|trial)\b(?!\s+of\b)|"
    # 'About ten years later, Florey and Chain took up the problem': later than what the text said before
    r"(?:[A-Za-z]+\s+|\d+\s+){1,3}(?:years?|months?|weeks?|days?|decades?|centuries)\s+(?:later|afterwards|"
    r"after\s+that|earlier|before\s+that)|"
    # 'The second began on 3 March 2010.': an ordinal standing for a noun of the sentence before
    r"The (?:first|second|third|fourth|fifth|sixth|last|next|other|others|rest)\s+(?:began|came|followed|was|were|"
    r"is|are|had|has|took|ended|lasted|started|occurred|went|brought|saw|did)|"
    # 'The fourth global event began in February 2023.': a later ordinal counts from one named before
    r"The (?:second|third|fourth|fifth|sixth|next)\s+(?:[a-z]+\s+){1,2}(?:began|came|followed|started|occurred|"
    r"ended|lasted|took|struck|hit))\b"
)
# 'It is no longer “a secret” that …', 'It is not hard to understand why …': an 'it' that only stands in
# for the clause after it (extraposition) refers to nothing before. Only after words that take such a
# clause (adjectives of judgement, verbs of saying or knowing), so 'It is the youngest proletariat …'
# still needs the sentence before.
EXTRAPOSED_IT = re.compile(
    r"^(?:[“\"‘]\s*)?It\s+(?:is|was|has\s+been|had\s+been|will\s+be|would\s+be)\s+"
    r"(?:(?:not|no\s+longer|still|now|also|by\s+no\s+means|quite|very|so|too|generally|widely)\s+)*"
    r"[“‘\"]?(?:(?:a|no)\s+secret|clear|plain|true|evident|obvious|certain|likely|unlikely|possible|impossible|"
    r"necessary|hard|difficult|easy|important|known|well-known|said|reported|calculated|estimated|believed|"
    r"claimed|admitted|acknowledged|permissible|impermissible|remarkable|significant|doubtful|striking|far-fetched|"
    r"fair|safe|reasonable|surprising|natural|worth\s+noting|noteworthy)[”’\"]?"
    r"\s+(?:that|to|why|how|whether|what)\b")
PRONOUN_MID = re.compile(r"\b(?:he|she|him|his|her|hers|they|them|their)\b")
# 'carried out in March and April': a month of a year the text gave before (or a dated article's own year)
MONTH_WITHOUT_YEAR = re.compile(r"\b(?:[Ii]n|[Oo]n|[Bb]y)\s+(?:January|February|March|April|May|June|July|August|September|"
                                r"October|November|December)\b(?![\s,]*\d)")
DEMONSTRATIVE = re.compile(
    r"\b(?:this|these|those)\s+(?!is\b|was\b|are\b|were\b|has\b|had\b)[a-z]+\b(?!\s+\()|\bsuch\s+(?!as\b)[a-z]+|"
    r"\bthis\s+[“\"]|\b(?:above|below|beyond|under|than|of|from|with)\s+that\s+(?!is\b|was\b|are\b|were\b|has\b|had\b|the\b|an?\b)[a-z]{4,}\b|"
    r"\b(?:these|those)\s+\d|\b(?:recited|mentioned|cited|described|quoted|given|listed)\s+above\b|\bthe above\b|\bthe same\s+[A-Za-z“]|\bthat\s+(?:same\s+)?(?:year|month|week|day|decade|period|time|evening|morning|night|afternoon)\b|"
    r"\bthe (?:former|latter)\b|\bthe current year\b|\blikewise\b|\bfor example\b|\bmost were\b|\banother\b|"
    # 'The most thorough of these, by …': 'these' standing alone for things the sentence before named
    r"\b(?:[Oo]f|[Aa]mong|[Bb]etween|[Bb]oth|[Aa]ll)\s+(?:these|those)\b(?=\s*[,.;:)—–]|\s+(?:by|in|was|were|is|are|had|have)\b)|"
    # 'Historians therefore distinguish …': a conclusion drawn from what the sentence before said
    r"\b(?<=[a-z] )therefore\b|"
    # 'the low end is probably closer to the truth': the low end of a range the sentence before gave
    r"\b[Tt]he (?:low|high|lower|upper|bottom|top) end\b(?!\s+of\b)|"
    # 'on the numbers in Answer 1': another answer of the thread, which the student does not see
    r"\b(?:in|of|from) (?:Answer|answer) \d\b|\b(?:the|my) (?:accepted|top|other|previous|earlier) answer\b|"
    # 'Kept indoors by storms, the group read ghost stories': the group as the subject, named before
    r"(?:^|,\s)[Tt]he group\s+(?!of\b)[a-z]+(?:ed|s)?\b|"
    # 'The first woman to do so was Nancy Astor': to do what the sentence before told
    r"\b(?:do|did|does|doing|done)\s+so\b(?!\s+(?:much|many|far|well|little|often|quickly|that)\b)|"
    # 'Hubble was not the first to describe the relation': the relation the paragraph before named
    r"\bthe (?:relation|relationship|phenomenon|discovery|finding|idea|theory|evidence|data)\b(?!\s+(?:of|between|that|which|who|for)\b)|"
    # 'resigned soon afterwards': after what the sentence before told ('had derived it from theory' is
    # object_it's: 'it' with no thing before it in the sentence)
    r"\b(?:soon|shortly|immediately|long)\s+(?:afterwards?|thereafter)\b|"
    + MONTH_WITHOUT_YEAR.pattern + "|"
    r"\b[Tt]he (?:[a-z]+ )?(?:total|factory|plant|city|period|measure|figure|figures|estimate|book|article|speech|"
    r"author|question|answer|clause|law|laws|legislation|film|movie|novel|tank|tanks|commission|wage cuts|failure|disaster|accident|catastrophe|tragedy|success|"
    r"paper|report|pilot|episode|survey|critics|sceptics|skeptics|opponents|proponents|defenders|bill|works|"
    r"breakdown|mishap|setback)\b(?!\s+(?:of|in|for|on)\b|\s+\()|"
    r"\bthere\b(?!\s+(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|seems?|remains?|remained|appears?|cannot)\b)"
)
# 'I am …', 'our century' … and at a sentence's start 'Our entire Climate Action Plan …', 'We …' ('US' is a country)
FIRST_PERSON = re.compile(r"\bI\b(?=\s+[a-z])|\bI[’'](?:d|ll|m|ve)\b|\b(?:I’m|I've|I’ve|my|me|we|our|us)\b|(?:^|(?<=[“\"(]))(?:My|We|Our|Us|Me)\b")
# 'But read the whole report.', 'Remember that a "book" meant a papyrus roll': the writer speaking to the reader
TO_THE_READER = re.compile(r"^[\s“\"]*(?:(?:But|And|So|Now|Still|Yet|First|Second|Third|Finally|Then|Next|Also|Lastly),?\s+)?"
                           # ('Second, look at what militancy became after 1912': a debater's imperative, set 25)
                           r"(?:read|consider|note|remember|look|see|think|"
                           r"imagine|compare|take|ask|recall|notice|bear in mind|keep in mind|don['’]t|do not)\b"
                           # 'Homework: answer (c) and (d), approx. 150-200 words each, due Mon.': a task set
                           r"|^[\s*_]*(?:homework|task|exercise|assignment|activity|reminder|note to students)[*_]*\s*:", re.I)
TRAILING_CITATION = re.compile(
    r"\s*\((?:[^()]*(?:\bPravda\b|\bIdem\b|\bcit\.|\bNews\b|\bTrotsky\b|\bemphasis\b)[^()]*)\)\s*(?=[.”\"]*\s*$)"
)


# '…, lasting four weeks, can trigger it.': an 'it' as the sentence's last word stands for a thing
# named before (an extraposed 'it' opens a sentence, it does not end one); so does '…, was among them.'
# (but 'hung portraits above them' may mean the sentence's own)
_IT_AT_END = re.compile(r"\b(?:[a-z]{3,})\s+it[.!?]?[”\"]?\s*$|\b(?:among|of)\s+them[.!?]?[”\"]?\s*$"
                        # 'built a scientific case from this.': this what? (first-sight review of new-documents-23)
                        r"|\b(?:from|of|on|about|with|for|to|by|at|in|upon)\s+(?:this|that|these|those)[.!?]?[”\"]?\s*$")


# 'Completed in 1869, it cut the journey …': an opening phrase, then 'it' as the subject: the 'it' is
# something named before (unless it only stands in for a clause after it: 'By 1900, it was clear that …').
# Without the comma after a phrase of time: 'During 1348 it swept …', 'About 12 minutes later it was …'.
FRONTED_IT = re.compile(r"^(?:[“\"‘]\s*)?(?:[A-Z][^.;:,“”()]{2,80},\s+(?=it\s+[a-z])|(?:In|During|By|After|Before|Within|"
                         r"About|Around|Some|Soon|Shortly|Later|Until|Over|Strictly speaking|Technically|Today|Now|"
                         r"At first|Originally|In fact|Indeed|Still|Even so|Nevertheless|Yet)\b[^.;:,“”()]{0,60}?\s+"
                         r"(?=it\s+[a-z]))")


def fronted_it(text: str) -> bool:
    m = FRONTED_IT.match(text)
    return bool(m) and not EXTRAPOSED_IT.match("It" + text[m.end() + 2:])


# 'Working within it, John Bardeen …', 'wrote an account of it in French': an 'it' after a preposition or a verb
# of making or telling, with no thing named before it in the sentence (people and roles are no antecedent).
_ROLE_WORDS = (_ROLES + r"|theorist|experimentalist|priest|president|minister|king|queen|mayor|general|man|woman|"
               r"boy|girl|friend|wife|husband|daughter|son|mother|father|brother|sister")
_OBJECT_IT = re.compile(r"\b(?:of|on|in|within|into|to|about|from|with|for|by|at|over|under|upon|onto|around|inside|"
                        r"behind|through|describe[sd]?|built|improve|use[sd]?|saw|named|called|made|making|using|found|"
                        r"derived|published|proposed|confirmed|explained|measured|"
                        r"discovered|located|reached|sighted|spotted|raised|visited|photographed|explored|"
                        # 'Spain solved it with the Royal Philanthropic Vaccine Expedition': the problem before
                        r"solved?|tackled?|eradicated?|eliminated?|defeated?|cured?|overcame|overcome|"
                        # '… announced it had appeared in Ireland': what had appeared, the sentence before says
                        r"(?:announced|reported|declared|stated|claimed|said|confirmed|noted)(?:\s+that)?)\s+it\b")
_CALENDAR_WORD = re.compile(r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|January|February|March|April|May|June|"
                            r"July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|"
                            r"Friday|Saturday|Sunday|Spring|Summer|Autumn|Winter)")
_PREPOSITION = re.compile(r"(?:of|on|in|within|into|to|about|from|with|for|by|at|over|under|upon|onto|around|inside|"
                          r"behind|through)\b")
_CONTROL_END = re.compile(r"(?:\s+(?:had|has|have|would|could|will|did|then|later|also|soon|finally|able|set|out|"
                          r"began|tried|sought|hoped|wanted|decided|resolved|vowed|promised|managed|failed|was|were)"
                          r"(?:\s+to)?)*\s*$")
_SUBJECT_END = re.compile(r"(?:\b(?:the|a|an|this|that|its|his|her|their)\s+)?(?:(?:[A-Z][\w’'-]*|of)\s+)*[A-Z][\w’'-]*\s*$"
                          r"|\b(?:the|a|an|this|that|its|his|her|their)\s+(?:(?!(?:and|or|but|then)\b)[a-z-]+\s+){0,2}"
                          r"(?!(?:and|or|but|then)\b)[a-z]+\s*$")
_THING_BEFORE = re.compile(r"\b(?:the|a|an|this|that|its|his|her|their)\s+(?:[a-z-]+\s+){0,2}([a-z]{3,})\b|[a-z]\s+[A-Z][a-z]+")
# 'better', 'equally strong', 'about ten times larger.' with no 'than' or 'as': compared with what the text said before
_COMPARATIVE = (r"(?:larger|smaller|bigger|higher|lower|greater|longer|shorter|faster|slower|heavier|lighter|older|younger|"
                r"wider|narrower|deeper|shallower|stronger|weaker|cheaper|dearer|richer|poorer|hotter|colder|warmer|cooler)")
_COMPARED_BACK = re.compile(r"\b(?:better|worse)\b(?![^.;]*\bthan\b)|\bequally\s+[a-z]+\b(?![^.;]*\bas\b)"
                            rf"|\b{_COMPARATIVE}\s*(?:[.;!]|,\s+(?:and|but)\b|$)")


# 'the Flemish mapmaker Abraham Ortelius remarked on it': a word for a person is no antecedent of 'it'
_PERSON_NOUN = re.compile(r"[a-z]+(?:maker|grapher|ologist|ician|ist|eer)")


def object_it(text: str, person_names: set[str]) -> bool:
    people = {w for n in person_names for w in n.split()}
    for m in _OBJECT_IT.finditer(strip_quotes_inner(text)):
        before = text[: m.start()]
        words = before.split()
        head = " ".join(words[:-2]) if len(words) > 2 else ""  # not the noun the 'of it' hangs on ('an account of it')
        if not _PREPOSITION.match(m.group(0)):
            # a verb's subject is never its 'it': 'In 1959 the World Health Assembly resolved to eradicate it'
            head = _SUBJECT_END.sub("", _CONTROL_END.sub("", before))
        things = []
        for t in _THING_BEFORE.finditer(head):
            if t.group(1):
                if not re.fullmatch(_ROLE_WORDS, t.group(1)) and not _PERSON_NOUN.fullmatch(t.group(1)):
                    things.append(t.group(1))
            else:
                word = t.group(0).split()[-1]
                if word not in people and word not in lexicon.NATIONALITIES and word not in lexicon.GIVEN_NAMES \
                        and not _CALENDAR_WORD.fullmatch(word) \
                        and not re.fullmatch(r"[A-Z][a-z]+(?:ish|ese|ian|ic)", word) \
                        and not _PERSON_NOUN.fullmatch((re.findall(r"[a-z]+", head[: t.start() + 1]) or [""])[-1]) \
                        and word not in lexicon.COUNTRIES and not re.fullmatch(_ROLE_WORDS + r"|prime|lord|lady|sir|"
                                                                              r"countess|count|earl|duke|duchess",
                                                                              word.lower()):
                    # '… who later became Prime Minister of Italy, wrote an account of it'
                    things.append(word)
        if not things:
            return True
    return False


# 'over the next eight years': next after what the sentence before says ('in 1961 …')
_RELATIVE_SPAN = re.compile(r"\b(?:[Oo]ver|[Dd]uring|[Ii]n|[Ww]ithin|[Ff]or)\s+the\s+(?:next|following|previous|preceding|"
                            r"subsequent)\s+(?:\w+\s+)?(?:days|weeks|months|years|decades|centuries)\b"
                            # 'Within weeks, printed copies were circulating': weeks after what the sentence before told
                            r"|^Within\s+(?:(?:a\s+few|a|an|several|some|two|three|four|five|six|ten)\s+)?"
                            r"(?:hours?|days?|weeks?|months?|years?|decades?)\b")


# 'About 1,200 deputies attended.', 'The Anio Vetus followed in 272 BC': attended what, followed what?
# ('Opponents hoped that the Governor would refuse to sign.': sign what? second blind review of set 20)
_OBJECTLESS = re.compile(r"\b(?:attended|joined|accepted|refused|approved|opposed|obeyed|ignored|to sign|signed)"
                         r"(?=\s*[,.;:]|\s+(?:in|on)\s+(?:\d|[A-Z][a-z]+\s+\d)|\s+(?:soon|shortly|later|immediately)\b)")


def _unanchored_span(text: str) -> bool:
    m = _RELATIVE_SPAN.search(text)
    return bool(m) and not re.search(r"\d{4}|\byears?\b", text[: m.start()])


def dangling_its(text: str) -> bool:
    """'Visitors can climb its 311 steps': an 'its' after a plural subject, with no thing between
    them that it could belong to (people and roles are none). A sentence that opens on a phrase
    ('By its peak in mid-1932, …') is left to ``ANAPHOR_START``."""
    m = re.search(r"\bits\b", text)
    if not m:
        return False
    before = text[: m.start()]
    for t in _THING_BEFORE.finditer(before):
        if not t.group(1) or not (re.fullmatch(_ROLE_WORDS, t.group(1)) or _PERSON_NOUN.fullmatch(t.group(1))):
            return False
    first = re.match(r"[“\"‘]?([A-Z][\w-]*)", before)
    word = first.group(1) if first else ""
    return word.endswith("s") and not word.endswith(("ss", "us", "is")) and word.lower() not in STOPWORDS


# 'Robert Fortune travelled through China in disguise for the Company': a body the text named in full
# before, now called by its kind alone (first-sight review of new-documents-22, M3)
_BODY_BY_KIND = re.compile(r"\bthe (?:Company|Society|Board|Committee|Commission|Corporation|Association|Institute|"
                           r"Ministry|Department|Agency|Act|Bill|Treaty)\b(?!\s+(?:of|for|on)\b|\s+[A-Z])")


# 'In 1887 the company belatedly switched to a lock design', 'Between the lake and Pedro Miguel lies …': a
# thing the text named before, now called by its kind at the head of the sentence, with nothing after the noun
# that names it (second blind review of new-documents-23)
KIND_AT_HEAD = re.compile(r"^(?:(?:In|By|From|Until|After|Before|During)\s+(?:\w+\s+)?\d{4},?\s+|Between\s+)?"
                          r"(?P<the>[Tt]he\s+(?P<kind>company|firm|lake|river|canal|expedition|ship|vessel|treaty|"
                          r"colony|commission|committee|council))\b(?!\s+(?:of|on|for|called|named|known|that|which|who)\b|\s+[A-Z])")


def needs_previous(text: str, person_names: set[str]) -> bool:
    return bool(ANAPHOR_START.match(text) and not EXTRAPOSED_IT.match(text)) or dangling_pronoun(text, person_names) \
        or bool(_BODY_BY_KIND.search(strip_quotes_inner(text))) or bool(KIND_AT_HEAD.match(text)) \
        or dangling_its(text) \
        or bool(DEMONSTRATIVE.search(strip_quotes_inner(text))) or bool(_IT_AT_END.search(text)) or fronted_it(text) \
        or object_it(text, person_names) or bool(_COMPARED_BACK.search(text) and not re.search(r"\bthan\b", text)) \
        or _unanchored_span(text) or bool(_OBJECTLESS.search(text))


def quote_whole(text: str) -> bool:
    """A quoted sentence is usable when it is quotation from end to end."""
    t = TRAILING_CITATION.sub("", text).strip()
    inner = t[1:] if t.startswith("“") else t
    return "“" not in inner and ("”" not in inner or re.search(r"”\s*$|”\s*\([^)]*\)[.]?$", inner) is not None) \
        and re.search(r"”[^”]*\w", inner.rstrip("”. ")) is None


def strip_quotes_inner(text: str) -> str:
    """First-person words inside a quotation are the quoted speaker's, not the author's; 'our
    century', 'our time' name the author's period, not a personal remark."""
    text = re.sub(r"(?i)\bour\s+(?:own\s+)?(?:century|time|times|day|days|era|age|epoch)\b", "", text)
    return re.sub(r"“[^”]*”", "", text)


_SHARE_OF = re.compile(r"\b(?:[\w-]*(?:quarters|thirds|fifths|tenths|halves|hundreds|thousands|dozens|millions)|"
                       r"most|many|some|all|both|several|none|each|few|\d[\d,.]*\s*(?:%|per\s*cent|percent)?)\s+of\s+$")


def dangling_pronoun(text: str, person_names: set[str]) -> bool:
    """A he/she/they with nothing before it in the sentence that it could refer to."""
    for m in PRONOUN_MID.finditer(text):
        before = text[: m.start()]
        if m.group(0) in ("they", "them", "their"):
            # 'three-quarters of them', 'most of them': the share is no antecedent of its own 'them'
            before = _SHARE_OF.sub("", before) if m.group(0) == "them" else before
            plural = [w for w in re.findall(r"\b[A-Za-z][a-z-]*[a-z]s\b", before) if w.lower() not in _NOT_PLURAL] \
                or _IRREGULAR_PLURAL.search(before)
            if not plural:
                return True
        else:
            named = [n for n in person_names if n in before]
            named = [n for n in named if not any(n != o and n in o for o in named)]  # 'Robert Hooke', not 'Hooke'
            if not any(rx(rf"(?<!\bwith )(?<!\bby )(?<!\bthan )(?<!\b[Uu]nder )(?<!\b[Uu]nder Captain )\b{re.escape(name)}\b").search(before) for name in named):
                # 'together with Robert Hooke he also designed': he is not Hooke; 'under Captain James
                # Anderson, with Samuel Canning in charge …, she left Valentia': she is the ship
                return True
            if m.group(0) == "him" and len({n.split()[-1] for n in named}) < 2:
                return True  # 'In 1455 Fust sued him': him is not Fust (that would be 'himself')
    return False


_IRREGULAR_PLURAL = re.compile(r"\b(?:mice|men|women|children|people|feet|teeth|geese|oxen|police|cattle|staff|crew)\b")
_NOT_PLURAL = {"was", "has", "is", "this", "thus", "its", "his", "hers", "less", "unless", "process", "always",
               "was", "does", "goes", "as", "whereas", "perhaps", "across", "besides", "towards",
               # 'For six hours they were assaulted': a span of time is no 'they'
               "seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries", "times"}
