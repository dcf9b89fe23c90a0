"""How one block of a page is written: title, byline or date line, dateline, chrome.

Each test reads one block's text alone. They describe how news pages are written
in general (titles name a story and do not end in a full stop; bylines open with
"By"; wire stories open with a place in capitals and a dash; site furniture is
made of a few interface words), not any one site's layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD = re.compile(r"[^\W_][\w'’&.\-]*")
_SMALL = _words(
    "a an and as at but by for from in into of on or over the to up via vs with after off out"
)
#: A line that stops on one of these was cut off ("Follow Jane Doe at"); titles do not.
_CUT_OFF = _words("a an and as at but by for from in into of or the to via vs with")
_STOP_END = re.compile(r"[.,;:][\"'”’)\]]*$")
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)[\"'”’)\]]*$")
#: Ends like a sentence cut short: a lower-case word or a comma (an excerpt, a cut-off).
_CUT_END = re.compile(r"[a-z,;\-–(]$")
#: An initialism may end a title ("... heads to D.C."); a single initial may not.
_INITIALISM_END = re.compile(r"(?:[A-Z]\.){2,}$")
#: Ends on a title, initial or initialism: broken before a name ("State Rep." / "Jay Roberts").
_ABBREV_END = re.compile(
    r"(?:\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Sen|Gov|Rep|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Jr|Sr|Mt|Ft|Ave"
    r"|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|No|Nos|vs|v)|(?:[A-Z]\.)+[A-Z])\.$"
)

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b"
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}\.\d{2}\s*(?:am|pm|gmt)\b"
    r"|\b\d+\s+(?:minutes?|hours?|days?|weeks?)\s+ago\b"
    r"|^(?:published|posted|updated|last updated|modified)\b",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}\b", re.IGNORECASE)
_DATE_LABELS = _words("published posted updated modified filed date on")
_YEAR_OR_TIME = re.compile(r"\b(?:19|20)\d{2}\b|\b\d{1,2}:\d{2}\b")
#: A header field of an exported or syndicated record: "Source: ...", "URL: ...".
_FIELD = re.compile(
    r"(?:source|publisher|publication|outlet|agency|authors?|byline|credits?|url|link|permalink"
    r"|section|category|language|lang|id)\s*:\s*\S",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"(?i:by|written by|posted by|reported by|story by|words by|author:?|reporter:?)\s+\S"
    r"|[A-Z][\w'’.\-]+(?:\s[A-Z][\w'’.\-]+){1,3}\s*(?:,|\||/|–|—|-)\s*"
    r"(?i:staff|senior|chief|political|special|contributing)?\s*"
    r"(?i:writer|reporter|correspondent|editor|columnist|contributor)"
    # "Jane Doe | The Courier", "Jane Doe / AP": a name, a bar or slash, an outlet
    r"|[A-Z][a-z'’\-]+(?:\s[A-Z][a-z'’\-]+){1,2}\s*[|/]\s*(?:[A-Z][\w.&'’\-]*\s?){1,4}$"
)
_DATELINE = re.compile(
    # "CAIRO —", "NEW YORK, May 3, 2018 (Reuters) -", "LAGOS:", "Hanoi (VNA) –"
    r"(?:[A-Z][A-Z.'’\-]+(?:\s[A-Z][A-Z.'’\-]+){0,3}(?:,\s[\w.' ]{2,30}?){0,2}\s*"
    r"(?:\([\w .&/]{1,30}\))?\s*(?:—|–|--|-|:|\ufffd)"
    r"|[A-Z][a-z.'’\-]+(?:\s[A-Z][a-z.'’\-]+){0,2}(?:,\s[\w.' ]{2,30}?){0,2}\s*"
    r"\([\w .&/]{1,30}\)\s*(?:—|–|--|-|\ufffd))\s"
)
#: Words of site furniture: share bars, navigation, ad labels, teaser headings.
_CHROME_WORDS = _words(
    """share shares shared tweet twitter facebook email e-mail print pin pinterest linkedin
    whatsapp reddit telegram copy link comments comment reply replies advertisement advert ad
    ads sponsored promoted menu search home login log sign subscribe subscribers newsletter
    newsletters follow us like likes view views next previous prev back top more load page
    pages of related stories story articles article also read watch listen video videos
    photo photos gallery image images skip content main navigation nav close open cookies
    accept privacy policy terms contact about continue reading most popular trending latest
    news recommended you may might sections section tags tag topics filed under categories
    posted in and the to on this for x f t references visible hidden links"""
)
#: A furniture label before a teaser or a list: "Related: ...", "READ MORE >", "Tags: ...".
_LABEL = re.compile(
    r"(?:related(?:\s\w+)?|read more|read also|also read|see also|more|also|watch|listen|"
    r"recommended|trending|popular|most read|top stories|more stories|further reading|"
    r"tags?|topics?|filed under|categories|posted in|share(?: this)?|advertisement)"
    r"\s*[:|»>\-–—]|(?:more from|most read|most popular|you may also like|you might also like"
    r"|related (?:stories|articles|posts|content)|recommended for you|top stories)\b",
    re.IGNORECASE,
)
#: The end of an article: rights, credits, contacts, calls to subscribe or follow.
_SIGNOFF = re.compile(
    r"\b(?:reporting|editing|writing) by\b|contributed to this|(?:first|originally) "
    r"(?:published|appeared)|can be reached|\bcontact\b.*@|\S@\S+\.\w|@\w{3,}$|\bnewsletter\b"
    r"|\bsign up\b|\bsubscribe\b|in your inbox|\bfollow (?:us|him|her|them|\w+) on\b|click here"
    r"|\bcontinue reading\b|story continues|\bnews tip\b|\b\d{3}[-.]\d{3}[-.]\d{4}\b"
    r"|^[—–-]+\s*\S+(?:\s\S+){0,3}$",
    re.IGNORECASE,
)
#: A printed page's running header or footer: "THE DAILY LEDGER   Page 4", "Page 2 of 9".
_PAGE_MARK = re.compile(
    r"\bpage\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$"
    r"|^page\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*[|·•\-–—]",
    re.IGNORECASE,
)
#: A line that is a link and nothing else, perhaps numbered: "12. https://example.org/a".
_BARE_LINK = re.compile(r"(?:[-*•·]\s*|\d{1,3}[.)]\s*|\[\d{1,3}\]\s*)?(?:https?://|www\.)\S+$")
_RIGHTS = re.compile(r"©|\bcopyright\b|all rights reserved", re.IGNORECASE)
#: A numbered line: a list item, or a numbered title when no list item stands by it.
NUMBERED = re.compile(r"\d{1,2}[.)]\s+")
_BULLET = re.compile(rf"[-*•·●▪>]\s|{NUMBERED.pattern}")
#: A turn of an interview written as questions and answers: "Q: ...", "A: ...".
_TURN = re.compile(r"(?:Q|A|Question|Answer)\s?:\s|Q\.\s")
_CAPTION = re.compile(
    r"^(?:photo|photograph|picture|image|caption|credit|file photo|pictured|video)s?\b"
    r"\s*(?:caption)?\s*:"
    r"|\((?:[^()]{0,80}\b(?:photo|photograph|picture|image|courtesy|file|credit|getty)\b"
    r"[^()]{0,80})\)$|\b(?:photograph|photo|image|picture)\s*(?:by|:|/)\s*[A-Z]",
    re.IGNORECASE,
)
#: A photo's description ending on its credit: "... on Monday. Jana Pell/The Courier".
_CREDIT = re.compile(
    r"[.!?][\"”’]?\s+[A-Z][\w.'’\-]*(?:\s[A-Z][\w.'’\-]*){0,3}\s?/\s?"
    r"[A-Z][\w.&'’\-]*(?:\s[A-Z][\w.&'’\-]*){0,3}$"
)
_MENU = re.compile(r"\s+[|•·»]\s+")
_QUOTE = re.compile(r"[\"“‘'«]")
#: Openings that point back to the text before: a paragraph, not a lead.
_ANAPHORA = _words(
    """he she it they his her its their them him this that these those there here such
    but and or so yet also however meanwhile still instead then thus therefore moreover
    furthermore besides otherwise nevertheless nonetheless later afterward afterwards
    earlier previously additionally finally first second third another other both neither
    either each one some others many most several"""
)
_FIRST_STOP = re.compile(r"[.!?](?=\s+[\"“‘']?[A-Z0-9])")
_OPENER = _words("the a an this that these he she it they we i you his her its their there")
#: A block longer than this is read only this far (its words, its case).
_READ = 400


@dataclass(frozen=True)
class Shape:
    """How one block is written.

    Attributes:
        words: its word count (99 when longer than ``_READ`` characters).
        title: 1 for a title line (short, no full stop at its end), else 0.
        caps: 0..1, share of a title line's main words that are capitalised.
        upper: a short line in capitals.
        meta: a byline, a header field ("Source: ...") or a date line.
        dateline: opens with a wire dateline ("CAIRO —").
        chrome: site furniture or a sign-off; never an article's start.
        cut_end: a paragraph that stops mid-sentence, on a lower-case word or a comma.
        abbrev_end: stops on a title or an initial, before the name it belongs to.
        lower: opens in lower case, as a continuation does.
        aside: a list item, a photo caption or an interview's "Q:" or "A:", which
            sit inside articles.
        quote: a paragraph that opens with a quotation mark.
        inline: 0..1, how much its first sentence reads as a title run into the body.
        anaphora: opens with a word that points back ("He", "But", "Meanwhile").
    """

    words: int
    title: float
    caps: float
    upper: bool
    meta: bool
    dateline: bool
    chrome: bool
    cut_end: bool
    abbrev_end: bool
    lower: bool
    aside: bool
    quote: bool
    inline: float
    anaphora: bool


def shape(text: str) -> Shape:
    """Describe one block (``text`` is trimmed and has no line breaks).

    A block is one of chrome, a byline or date line, an aside (list item,
    caption) or a title line, in that order of precedence, or none of them.
    """
    words = _WORD.findall(text[:_READ])
    n = len(words) if len(text) <= _READ else 99
    short = n <= 20 and len(text) <= 160
    chrome = (short and _is_chrome(text, words)) or (
        len(text) <= 300 and _RIGHTS.search(text) is not None
    )
    # markdown writes bylines and dates in emphasis: "*By Jane Doe*", "*March 3, 2026*"
    meta = short and not chrome and n <= 14 and _is_meta(text.strip("*_ "), n)
    aside = not (chrome or meta) and (
        _BULLET.match(text) is not None
        or _TURN.match(text) is not None
        or (len(text) <= 300 and (_CAPTION.search(text) or _CREDIT.search(text)) is not None)
    )
    title = short and not (chrome or meta or aside) and _is_title(text, words)
    first = text.lstrip("\"“‘'«([*#> ")[:1]
    return Shape(
        words=n,
        title=float(title),
        caps=_caps(words) if title else 0.0,
        upper=title and _upper(text),
        meta=meta,
        dateline=not chrome and _DATELINE.match(text) is not None,
        chrome=chrome,
        cut_end=n > 8 and _CUT_END.search(text) is not None,
        abbrev_end=_ABBREV_END.search(text) is not None,
        lower=first.islower() or first in ",;:)",
        aside=aside,
        quote=not title and _QUOTE.match(text) is not None,
        inline=_inline(text) if n > 20 else 0.0,
        anaphora=bool(words) and words[0].lower().rstrip(",") in _ANAPHORA,
    )


def _upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _is_meta(text: str, n: int) -> bool:
    """A byline, a record's header field ("Source: ...", "URL: ..."), or a date line: a
    date and little else, or a date under a label."""
    if _BYLINE.match(text) or _FIELD.match(text):
        return True
    m = _DATE.search(text)
    return m is not None and (
        n <= 7
        or m.start() == 0
        or text[: m.start()].rstrip(" :").lower() in _DATE_LABELS
        or _names_and_date(text)
    )


def _names_and_date(text: str) -> bool:
    """A date with a year or a time among names only ("CTV Saskatoon Published Monday,
    March 5, 2018 1:19PM"): an outlet's or author's date line, not a sentence."""
    if _YEAR_OR_TIME.search(text) is None or _STOP_END.search(text):
        return False
    words = [w for w in _WORD.findall(text) if w[0].isalpha()]
    return all(w[0].isupper() or w.lower() in _DATE_LABELS for w in words)


def _is_chrome(text: str, words: list[str]) -> bool:
    """A short line of site furniture, a rule, or a sign-off."""
    if not any(c.isalpha() for c in text):
        return _DATE.search(text) is None  # a rule or a symbol; a bare date is a date line
    if _LABEL.match(text) or _SIGNOFF.search(text) or _PAGE_MARK.search(text):
        return True
    if _BARE_LINK.match(text):
        return True  # a link on its own, as a text browser lists a page's links
    items = _MENU.split(text)
    if len(items) >= 3 and all(len(item.split()) <= 3 for item in items):
        return True  # a menu: "Home | News | Sport"
    if not words or len(words) > 8 or _MONTH_DAY.search(text):
        return False  # a date is no furniture, even in May ("may" is an interface word)
    alpha = [w for w in words if w[0].isalpha()]
    known = sum(1 for w in alpha if w.lower().strip(".:") in _CHROME_WORDS)
    return bool(alpha) and known >= 0.75 * len(alpha)


def _is_title(text: str, words: list[str]) -> bool:
    """A short line that names a story rather than tells it."""
    if len(words) < 2 or not (text[0].isupper() or text[0].isdigit() or text[0] in "\"'“‘#*"):
        return False
    if _STOP_END.search(text) and not (_ELLIPSIS_END.search(text) or _INITIALISM_END.search(text)):
        return False
    return not (words[-1].lower() in _CUT_OFF and text[-1].isalpha())


def _caps(words: list[str]) -> float:
    """Share of the main words (not "a", "of", "the"...) that are capitalised."""
    major = [w for w in words if w.lower() not in _SMALL]
    return sum(1 for w in major if w[0].isupper() or w[0].isdigit()) / max(1, len(major))


def _inline(text: str) -> float:
    """0..1: a title run into its body on one line ("Man held after crash. A man...")."""
    m = _FIRST_STOP.search(text, 0, 160)
    if m is None:
        return 0.0
    words = _WORD.findall(text[: m.start()])
    if not 3 <= len(words) <= 14 or words[0].lower() in _OPENER:
        return 0.0
    if words[-1].lower() in _SMALL or len(words[-1]) == 1 or "said" in words or "says" in words:
        return 0.0
    return _caps(words)


def date_line(text: str) -> bool:
    """Whether a byline-or-date line (``Shape.meta``) is a date line: a date, no byline."""
    return _DATE.search(text) is not None and _BYLINE.match(text) is None and not _FIELD.match(text)
