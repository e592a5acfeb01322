#!/usr/bin/env python3
"""Rebuild the parts of relscan's gazetteers and lexicon that come from system data.

Three files are generated, in whole or in part, from data that Debian ships:

  lib/data/gazetteers/countries.tsv   ISO 3166-1 names        (package iso-codes)
  lib/data/gazetteers/places.tsv      ISO 3166-2 subdivisions (iso-codes) and
                                      tz exemplar cities      (package tzdata)
  lib/data/lexicon/lowercase_words.txt                        (package wamerican)

countries.tsv and places.tsv keep their hand-curated entries below a line that
reads exactly "# hand-curated". This script rewrites everything above that line
(the header and the generated entries) and copies the hand-curated part as it
is. A generated entry whose look-up key (case and typography folded, as the
annotator folds them) is also hand-curated is dropped: the hand entry wins.

Every run also checks all files under lib/data/gazetteers/ and lib/data/lexicon/:
field counts, labels, duplicate keys within a file and across the gazetteers,
sort order within each block, typography (straight apostrophes and hyphens, no
trailing spaces), and that each demonym's country is a GPE canonical.

Usage:
  python3 tools/build_gazetteers.py           regenerate and check
  python3 tools/build_gazetteers.py --check   check only; exit 1 if a generated
                                              file differs from what is committed

Needs Python 3 (standard library only) and the Debian packages iso-codes,
tzdata and wamerican (apt-get install -y iso-codes tzdata wamerican). The
committed files were built with iso-codes 4.15.0-1, tzdata 2025b-0+deb12u2 and
wamerican 2020.12.07-2; other versions give other lines.
"""

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZ = ROOT / "lib" / "data" / "gazetteers"
LEX = ROOT / "lib" / "data" / "lexicon"

ISO_DIR = Path("/usr/share/iso-codes/json")
ZONE_TAB = Path("/usr/share/zoneinfo/zone.tab")
WORDS = Path("/usr/share/dict/american-english")
WORDS_COPYRIGHT = Path("/usr/share/doc/wamerican/copyright")

MARK = "# hand-curated"
REDUNDANT = set()  # hand-curated entries that the generator also produces

ENTITY_LABELS = {"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "EVENT",
                 "PRODUCT", "WORK_OF_ART", "LAW"}

# ---------------------------------------------------------------------------
# Text helpers


def fold(text):
    """The look-up key: NFC, typographic hyphens and apostrophes folded, case folded."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub("[\u2010\u2011\u2012\u2212]", "-", text)
    text = re.sub("[\u2018\u2019\u02bc]", "'", text)
    text = text.replace("\u00a0", " ")
    return text.casefold()


_ASCII_SPECIAL = {"ı": "i", "İ": "I", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
                  "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE",
                  "œ": "oe", "Œ": "OE", "ð": "d", "þ": "th", "ʻ": "'",
                  "‘": "'", "’": "'", "ʼ": "'"}


def ascii_fold(text):
    """Drop diacritics: "Côte d'Ivoire" -> "Cote d'Ivoire", "Şanlıurfa" -> "Sanliurfa"."""
    text = "".join(_ASCII_SPECIAL.get(c, c) for c in text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", text)


def sort_key(text):
    return (ascii_fold(text).casefold(), text)


# ---------------------------------------------------------------------------
# countries.tsv

COUNTRIES_HEADER = """\
# Countries and territories, current, partly recognized and historical.
#
# Format: text<TAB>label<TAB>canonical, one surface form a line. Every label
# is GPE. canonical is the form that mentions are grouped under: the usual
# English short name of the country (Israel for "State of Israel", Russia
# for "Russian Federation", United States for "U.S." and "America"). A
# second name in its own right keeps its own canonical as written (Turkey and
# Türkiye, Czech Republic and Czechia, Burma and Myanmar, Ivory Coast and
# Côte d'Ivoire, Swaziland and Eswatini, Cape Verde and Cabo Verde), since
# texts and their gold keep the form the author chose. Matching folds case
# and typography (curly apostrophes, non-breaking hyphens), not diacritics:
# accented and unaccented spellings are both listed. Abbreviations written
# in capitals (US, UK, UAE) are meant to match as written, not in lowercase.
#
# Sources:
#   - Debian iso-codes 4.15 (ISO 3166-1, /usr/share/iso-codes/json/
#     iso_3166-1.json): the name, common_name and official_name of every
#     entry except Antarctica (a continent: LOC in places.tsv). Inverted
#     names ("Korea, Republic of") are turned round, parenthesized parts are
#     dropped ("Falkland Islands (Malvinas)"), and a spelling without
#     diacritics is added ("Cote d'Ivoire", "Curacao").
#   - hand-curated: abbreviations and alternative names in common use,
#     partly recognized and de facto states, and historical states (the
#     Soviet Union and its republics, Yugoslavia, the Ottoman Empire...),
#     from general knowledge and ISO 3166-3 (/usr/share/iso-codes/json/
#     iso_3166-3.json).
#
# The entries above the "# hand-curated" line are generated by
# tools/build_gazetteers.py; edit only below it, then run the script."""

# The short name to group under, where the ISO common name or (cleaned) name
# is not the usual English one.
COUNTRY_CANON = {
    "BN": "Brunei",
    "CD": "Democratic Republic of the Congo",
    "FM": "Micronesia",
    "PS": "Palestine",
    "RU": "Russia",
}

COUNTRY_SKIP = {"AQ"}  # Antarctica is a continent (LOC, places.tsv)


def clean_country_name(name):
    """Turn an ISO name into the form used in prose, or None to skip it."""
    if "Province of China" in name:
        return None  # "Taiwan, Province of China": the common name is used
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if ", " in name:
        head, tail = name.rsplit(", ", 1)
        if re.search(r"\bof( the)?$", tail):
            name = f"{tail} {head}"
        elif tail in {"British", "U.S."}:
            name = f"{tail} {head}"
    name = re.sub(r"^(the|The) ", "", name)
    return name


def generate_countries():
    entries = []
    data = json.loads((ISO_DIR / "iso_3166-1.json").read_text(encoding="utf-8"))
    for item in data["3166-1"]:
        code = item["alpha_2"]
        if code in COUNTRY_SKIP:
            continue
        forms = []
        for field in ("name", "common_name", "official_name"):
            if field in item:
                form = clean_country_name(item[field])
                if form:
                    forms.append(form)
        canon = COUNTRY_CANON.get(code) or item.get("common_name") or forms[0]
        # The short name mentions are grouped under is itself a surface form.
        if canon not in forms:
            forms.append(canon)
        for form in list(forms):
            forms.append(ascii_fold(form))
        for form in forms:
            entries.append((form, "GPE", canon))
    return entries


# ---------------------------------------------------------------------------
# places.tsv

PLACES_HEADER = """\
# Places: cities, regions and subdivisions (GPE), and continents, world
# regions, seas, straits, rivers, lakes, mountains, deserts, peninsulas and
# islands (LOC).
#
# Format: text<TAB>label<TAB>canonical, one surface form a line. canonical is
# the usual English name; a spelling variant or transliteration takes the
# current standard spelling (Kiev -> Kyiv, Ashkhabad -> Ashgabat), while a
# former name in its own right keeps its own (Bombay, Leningrad,
# Constantinople). Names that are also countries (Djibouti, Georgia, Monaco)
# are only in countries.tsv. Matching folds case and typography, not
# diacritics: accented and unaccented spellings are both listed.
#
# Sources:
#   - tzdata 2025b (/usr/share/zoneinfo/zone.tab): the exemplar city of
#     each time zone, with its spaces and diacritics restored (Sao_Paulo ->
#     Sao Paulo and Sao Paulo with its tilde); research stations, islands
#     and small places whose names are common words or given names are
#     left out (Center, Resolute, Casey, Davis).
#   - Debian iso-codes 4.15 (ISO 3166-2, /usr/share/iso-codes/json/
#     iso_3166-2.json): first-level subdivisions of the United States,
#     Canada, Australia, India, Brazil, Mexico, Japan, China, Germany,
#     Pakistan, Afghanistan, Turkey, Georgia, Nigeria, South Africa, the
#     Palestinian territories and the four nations of the United Kingdom;
#     romanization marks dropped where English does not write them
#     (Gujarat, Kandahar, Istanbul), Chinese suffixes dropped (Anhui Sheng
#     -> Anhui); names that are common words are left out (Delta, Plateau,
#     Rivers, Van, Batman, Saga).
#   - hand-curated: the capital of every country; major world cities; the
#     English names of regions and cities of the South Caucasus, Central
#     Asia, Russia, Ukraine, Iran, Iraq, the Levant, Israel and the
#     Palestinian territories, the Gulf and North Africa; continents and
#     world regions; seas, gulfs, straits, rivers, lakes, mountain ranges,
#     deserts, peninsulas and islands. From general knowledge (national
#     capitals as listed by ISO 3166 member states' own usage, standard
#     English atlas names).
#
# The entries above the "# hand-curated" line are generated by
# tools/build_gazetteers.py; edit only below it, then run the script."""

# Zone names that are not cities, are islands or research stations, or are
# common words or given names; and country or territory names (those are
# skipped anyway because countries.tsv has them).
ZONE_SKIP = {
    "Adak", "Antigua", "Atikokan", "Azores", "Bahia_Banderas", "Beulah",
    "Blanc-Sablon", "Bougainville", "Busingen", "Cambridge_Bay", "Canary",
    "Casey", "Cayman", "Center", "Chagos", "Chatham", "Christmas", "Chuuk", "Cocos",
    "Comoro", "Creston", "Danmarkshavn", "Darwin", "Davis", "Dawson",
    "Dawson_Creek", "DumontDUrville", "Easter", "Efate", "Eirunepe", "Eucla",
    "Fakaofo", "Faroe", "Fort_Nelson", "Galapagos", "Gambier", "Glace_Bay",
    "Goose_Bay", "Grand_Turk", "Guadalcanal", "Inuvik", "Kamchatka", "Kanton",
    "Kerguelen", "Khandyga", "Kiritimati", "Knox", "Kosrae", "Kwajalein",
    "Lindeman", "Lord_Howe", "Lower_Princes", "Macquarie", "Madeira", "Mahe",
    "Marengo", "Marquesas", "Mawson", "McMurdo", "Menominee", "Metlakatla",
    "Midway", "Miquelon", "Monticello", "New_Salem", "Nome", "Noronha", "Ojinaga", "Oral",
    "Palmer", "Petersburg", "Pohnpei", "Rankin_Inlet", "Rarotonga",
    "Resolute", "Rothera", "Saipan", "Sakhalin", "Scoresbysund", "Sitka",
    "South_Georgia", "Srednekolymsk", "Stanley", "St_Barthelemy", "St_Helena",
    "St_Kitts", "St_Lucia", "St_Thomas", "St_Vincent", "Swift_Current",
    "Syowa", "Tahiti", "Tell_City", "Thule", "Tongatapu", "Tortola", "Troll",
    "Ust-Nera", "Vevay", "Vincennes", "Vostok", "Wake", "Wallis", "Winamac",
    "Yakutat",
}

ZONE_RENAME = {
    "Araguaina": "Araguaína", "Asuncion": "Asunción", "Belem": "Belém",
    "Bogota": "Bogotá", "Cancun": "Cancún", "Ciudad_Juarez": "Ciudad Juárez",
    "Cordoba": "Córdoba", "Cuiaba": "Cuiabá", "El_Aaiun": "Laayoune",
    "Ho_Chi_Minh": "Ho Chi Minh City", "Lome": "Lomé", "Maceio": "Maceió",
    "Mazatlan": "Mazatlán", "Merida": "Mérida", "Ndjamena": "N'Djamena",
    "Noumea": "Nouméa", "Santarem": "Santarém", "Sao_Paulo": "São Paulo",
    "Sao_Tome": "São Tomé", "St_Johns": "St. John's", "Tirane": "Tirana",
    "Tucuman": "Tucumán",
}


def generate_zone_cities():
    entries = []
    for line in ZONE_TAB.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        zone = line.split("\t")[2]
        city = zone.rsplit("/", 1)[-1]
        if city in ZONE_SKIP:
            continue
        name = ZONE_RENAME.get(city, city.replace("_", " "))
        entries.append((name, "GPE", name))
        entries.append((ascii_fold(name), "GPE", name))
    return entries


# ISO 3166-2: which countries, which subdivision types, and how to spell.
#   keep: the ISO name is the English name; an unaccented spelling is added.
#   fold: the ISO romanization marks are not written in English: only the
#         unaccented spelling, which is also the canonical.
#   both: both spellings, the unaccented one canonical (Istanbul, Izmir).
SUBDIVISIONS = {
    "AF": ("fold", None),
    "AU": ("keep", None),
    "BR": ("keep", None),
    "CA": ("keep", None),
    "CN": ("keep", None),
    "DE": ("keep", None),
    "GB": ("keep", {"Country", "Province"}),
    "GE": ("keep", None),
    "IN": ("fold", None),
    "JP": ("keep", None),
    "MX": ("keep", None),
    "NG": ("keep", None),
    "PK": ("keep", None),
    "PS": ("keep", None),
    "TR": ("both", None),
    "US": ("keep", {"State", "District"}),
    "ZA": ("keep", None),
}

SUBDIVISION_SKIP = {
    "Abuja Federal Capital Territory", "Batman", "Coahuila de Zaragoza", "Deir El Balah",
    "Delta", "Distrito Federal", "Farah", "Free State", "Guerrero", "Hidalgo",
    "Hong Kong SAR", "Imo", "Macao SAR", "Michoacán de Ocampo", "Morelos", "México",
    "Niger", "North-West", "Plateau", "Rivers", "Saga", "Taiwan Sheng", "Van",
    "Veracruz de Ignacio de la Llave",
}

SUBDIVISION_RENAME = {"Kwazulu-Natal": "KwaZulu-Natal"}

CN_SUFFIX = re.compile(r" (Zhuangzu |Huizi |Uygur )?(Sheng|Shi|Zizhiqu)$")


def generate_subdivisions():
    entries = []
    data = json.loads((ISO_DIR / "iso_3166-2.json").read_text(encoding="utf-8"))
    for item in data["3166-2"]:
        country = item["code"][:2]
        if country not in SUBDIVISIONS or "parent" in item:
            continue
        mode, types = SUBDIVISIONS[country]
        if types is not None and item["type"] not in types:
            continue
        name = re.sub(r"\s*\[[^\]]*\]", "", item["name"]).strip()
        if country == "CN":
            name = CN_SUFFIX.sub("", name)
        name = SUBDIVISION_RENAME.get(name, name)
        plain = ascii_fold(name)
        if name in SUBDIVISION_SKIP or plain in SUBDIVISION_SKIP:
            continue
        if mode == "keep":
            entries.append((name, "GPE", name))
            entries.append((plain, "GPE", name))
        elif mode == "fold":
            entries.append((plain, "GPE", plain))
        else:
            entries.append((name, "GPE", plain))
            entries.append((plain, "GPE", plain))
    return entries


def generate_places():
    return generate_zone_cities() + generate_subdivisions()


# ---------------------------------------------------------------------------
# lowercase_words.txt

LOWERCASE_HEADER = """\
# English words that the word list spells only in lowercase.
#
# A capitalized word at a sentence start ("Each", "Nevertheless",
# "Security") is a common word, not a name, when it is listed here.
#
# Format: one word a line, lowercase.
#
# Source: Debian wamerican 2020.12.07 (/usr/share/dict/american-english,
# SCOWL size 50). Kept: every word written in lowercase whose capitalized
# form is not also in the list ("chad" is dropped because "Chad" is listed,
# "turkey" because "Turkey" is), without possessives ("'s"). Generated by
# tools/build_gazetteers.py; do not edit by hand.
#
# The word list's copyright notice, as Debian ships it in
# /usr/share/doc/wamerican/copyright, follows."""


def generate_lowercase_words():
    words = [w for w in WORDS.read_text(encoding="utf-8").split("\n") if w]
    present = set(words)
    kept = sorted({w for w in words
                   if w == w.lower() and not w.endswith("'s")
                   and w.capitalize() not in present})
    notice = []
    for line in WORDS_COPYRIGHT.read_text(encoding="utf-8").splitlines():
        line = line.rstrip()
        notice.append(f"# {line}".rstrip() if line else "#")
    while notice and notice[-1] == "#":
        notice.pop()
    return LOWERCASE_HEADER + "\n#\n" + "\n".join(notice) + "\n" + "\n".join(kept) + "\n"


# ---------------------------------------------------------------------------
# Assembling a file with a generated and a hand-curated part


def split_hand(path):
    """The hand-curated lines of an existing file (after the marker), or []."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    try:
        start = lines.index(MARK)
    except ValueError:
        return []
    return lines[start + 1:]


def entry_fields(line):
    return line.split("\t")


def assemble(header, generated, hand_lines, exclude_keys=()):
    """header + generated entries (minus hand-curated or excluded keys) + marker + hand part."""
    hand = {fold(entry_fields(l)[0]): tuple(entry_fields(l)) for l in hand_lines
            if l and not l.startswith("#")}
    for text, label, canon in generated:
        if hand.get(fold(text)) == (text, label, canon):
            REDUNDANT.add(text)
    skip = set(hand) | set(exclude_keys)
    seen = {}
    for text, label, canon in generated:
        key = fold(text)
        if key in skip or key in seen:
            continue
        seen[key] = (text, label, canon)
    body = sorted(seen.values(), key=lambda e: sort_key(e[0]))
    out = [header, "#", "# generated"]
    out += ["\t".join(e) for e in body]
    out.append(MARK)
    out += hand_lines
    return "\n".join(out) + "\n"


def keys_of(text):
    keys = set()
    for line in text.split("\n"):
        if line and not line.startswith("#"):
            keys.add(fold(line.split("\t")[0]))
    return keys


def build_all():
    """{path: expected contents} for the generated files."""
    out = {}
    countries_path = GAZ / "countries.tsv"
    countries = assemble(COUNTRIES_HEADER, generate_countries(), split_hand(countries_path))
    out[countries_path] = countries
    places_path = GAZ / "places.tsv"
    out[places_path] = assemble(PLACES_HEADER, generate_places(), split_hand(places_path),
                                exclude_keys=keys_of(countries))
    out[LEX / "lowercase_words.txt"] = generate_lowercase_words()
    return out


# ---------------------------------------------------------------------------
# Checks

BAD_CHARS = re.compile("[\u2018\u2019\u201c\u201d\u2010\u2011\u2012\u2013\u2014\u2212\u00a0\t]")

GAZETTEERS = {
    "countries.tsv": (3, {"GPE"}),
    "places.tsv": (3, {"GPE", "LOC"}),
    "demonyms.tsv": (4, {"NORP"}),
    "organizations.tsv": (3, {"ORG"}),
    "misc.tsv": (3, {"FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}),
}


class Checker:
    def __init__(self):
        self.errors = []

    def error(self, path, number, message):
        self.errors.append(f"{path.relative_to(ROOT)}:{number}: {message}")

    def lines(self, path, contents=None):
        """Yield (number, line, block) for entry lines; check the header and whitespace."""
        if contents is None:
            contents = path.read_text(encoding="utf-8")
        if unicodedata.normalize("NFC", contents) != contents:
            self.error(path, 0, "not NFC")
        if not contents.endswith("\n"):
            self.error(path, 0, "no final newline")
        rows = contents.split("\n")[:-1]
        if not rows or not rows[0].startswith("#"):
            self.error(path, 1, "no header comment")
        block = 0
        for number, line in enumerate(rows, 1):
            # A line may end in a tab: an empty last field (a demonym with no country).
            if line != line.rstrip(" ") or line != line.lstrip() or line.endswith(" \t"):
                self.error(path, number, "leading or trailing space")
            if not line:
                self.error(path, number, "blank line")
                continue
            if line.startswith("#"):
                block += 1
                continue
            yield number, line, block

    def check_sorted(self, path, entries):
        """Entries within one block (between comment lines) are sorted."""
        previous = {}
        for number, text, block in entries:
            key = sort_key(text)
            if block in previous and key < previous[block]:
                self.error(path, number, f"not sorted within its block: {text!r}")
            previous[block] = key

    def check_gazetteer(self, path, contents, fields, labels):
        seen = {}
        rows = []
        order = []
        for number, line, block in self.lines(path, contents):
            parts = line.split("\t")
            if len(parts) != fields:
                self.error(path, number, f"{len(parts)} fields, want {fields}")
                continue
            for part in parts[:3]:
                if not part or part != part.strip() or "  " in part:
                    self.error(path, number, f"empty or badly spaced field {part!r}")
                if BAD_CHARS.search(part):
                    self.error(path, number, f"curly quote, dash or special space in {part!r}")
            if parts[1] not in labels:
                self.error(path, number, f"label {parts[1]} not allowed here")
            key = fold(parts[0])
            if key in seen:
                self.error(path, number, f"duplicate of line {seen[key]}: {parts[0]!r}")
            seen[key] = number
            rows.append((number, parts))
            order.append((number, parts[0], block))
        self.check_sorted(path, order)
        return rows

    def check_list(self, path, pattern, fields=1, second=None, sort=True):
        if not path.exists():
            self.error(path, 0, "missing")
            return
        seen = {}
        entries = []
        for number, line, block in self.lines(path):
            parts = line.split("\t")
            if len(parts) != fields:
                self.error(path, number, f"{len(parts)} fields, want {fields}")
                continue
            if not re.fullmatch(pattern, parts[0]):
                self.error(path, number, f"unexpected entry {parts[0]!r}")
            if BAD_CHARS.search(parts[0]):
                self.error(path, number, f"curly quote or dash in {parts[0]!r}")
            if second is not None and parts[1] not in second:
                self.error(path, number, f"unexpected kind {parts[1]!r}")
            key = fold(parts[0])
            if key in seen:
                self.error(path, number, f"duplicate of line {seen[key]}: {parts[0]!r}")
            seen[key] = number
            entries.append((number, parts[0], block))
        if sort:
            self.check_sorted(path, entries)


def run_checks(expected):
    checker = Checker()
    all_rows = {}
    for name, (fields, labels) in GAZETTEERS.items():
        path = GAZ / name
        if not path.exists():
            checker.error(path, 0, "missing")
            continue
        contents = expected.get(path) or path.read_text(encoding="utf-8")
        all_rows[name] = checker.check_gazetteer(path, contents, fields, labels)
    # The same surface form in two gazetteers would make the label depend on
    # the order in which they are loaded.
    owner = {}
    for name, rows in all_rows.items():
        for number, parts in rows:
            key = fold(parts[0])
            if key in owner and owner[key][0] != name:
                checker.error(GAZ / name, number,
                              f"{parts[0]!r} also in {owner[key][0]}:{owner[key][1]}")
            owner.setdefault(key, (name, number))
    gpe = {parts[2] for name in ("countries.tsv", "places.tsv")
           for _, parts in all_rows.get(name, []) if parts[1] == "GPE"}
    for number, parts in all_rows.get("demonyms.tsv", []):
        if parts[3] and parts[3] not in gpe:
            checker.error(GAZ / "demonyms.tsv", number, f"country {parts[3]!r} is not a GPE canonical")
    checker.check_list(LEX / "person_titles.txt", r"[A-Z][\w.'&-]*( [\w.'&-]+)*", 2,
                       {"title", "honorific"})
    checker.check_list(LEX / "name_heads.tsv", r"[A-Z][\w.&-]*", 2, ENTITY_LABELS)
    checker.check_list(LEX / "name_connectors.txt", r"[a-z]+|&", sort=False)
    checker.check_list(LEX / "given_names.txt", r"[^\W\d_a-z][\w'-]*")
    path = LEX / "lowercase_words.txt"
    contents = expected.get(path) or path.read_text(encoding="utf-8")
    for number, line, _ in checker.lines(path, contents):
        if line != line.lower() or "\t" in line or " " in line:
            checker.error(path, number, f"not a lowercase word: {line!r}")
    return checker.errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if a generated file differs")
    parser.add_argument("--verbose", action="store_true",
                        help="also list hand-curated entries that the generator produces too")
    args = parser.parse_args()
    for needed in (ISO_DIR / "iso_3166-1.json", ZONE_TAB, WORDS, WORDS_COPYRIGHT):
        if not needed.exists():
            sys.exit(f"build_gazetteers: {needed} is missing "
                     "(apt-get install -y iso-codes tzdata wamerican)")
    expected = build_all()
    stale = []
    for path, contents in expected.items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != contents:
            stale.append(path)
            if not args.check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(contents, encoding="utf-8")
    errors = run_checks(expected)
    if REDUNDANT and args.verbose:
        print("note: hand-curated entries that are also generated: "
              + ", ".join(sorted(REDUNDANT)), file=sys.stderr)
    for message in errors:
        print(message, file=sys.stderr)
    if args.check:
        for path in stale:
            print(f"{path.relative_to(ROOT)}: differs from what the script generates",
                  file=sys.stderr)
    else:
        for path in stale:
            print(f"wrote {path.relative_to(ROOT)}")
    if errors or (args.check and stale):
        sys.exit(1)


if __name__ == "__main__":
    main()
