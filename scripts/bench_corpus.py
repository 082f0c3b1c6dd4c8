"""A deterministic, varied English-French news bitext for benchmarks.

``make_pairs(n, seed)`` streams ``n`` (English, French) sentence pairs built from 133 template
pairs of news sentences (politics, economy, health, courts, weather, sport, culture, science,
local and international news) whose slots are filled from large pools: people (60 female and
60 male first names x 86 last names), 55 cities and 41 countries with their French forms
(London/Londres, Beijing/Pékin, le Mexique, aux Pays-Bas ...), leaders whose names change in
French (Putin/Poutine), organisations (NATO/OTAN, EU/UE, WHO/OMS), days, dates, times, money,
percentages and counts over wide ranges. Almost every pair is distinct (99.57% of 400,000 with
seed 13). ``NUMBER_SHARE`` (40%) of the pairs come from the 74 templates with digits.

Each side follows its own typography: English "2.5", "12,500", "6:30 p.m.", “quotes”; French
"2,5", "12 500", "18 h 30", "2,5 %", « guillemets » and a no-break space (U+00A0) before
; : ! ? and inside guillemets. Curly apostrophes (’) on both sides.

A few problems are planted for the checker to find (rates are per pair, module constants):

* ``PLANT_NUMBER``    1.0%  one number of the target changed (only pairs with a digit are used);
* ``PLANT_IDENTICAL`` 0.5%  target identical to the source;
* ``PLANT_TRUNCATED`` 0.5%  target truncated (its last third of words cut off);
* ``PLANT_EMPTY``     0.3%  empty target.

``make_labelled_pairs`` yields the same pairs with their kind ("clean", "number", "identical",
"truncated", "empty"). Run ``python scripts/bench_corpus.py 400000 /tmp/p.tsv`` to write a TSV
(``src<TAB>tgt``) and print the fraction of distinct pairs.
"""

from __future__ import annotations

import hashlib
import random
import re
import string
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

PLANT_NUMBER = 0.010
PLANT_IDENTICAL = 0.005
PLANT_TRUNCATED = 0.005
PLANT_EMPTY = 0.003
# share of pairs drawn from templates that contain digits (money, percentages, dates, times, counts)
NUMBER_SHARE = 0.40

NBSP = "\u00a0"

# --- pools -----------------------------------------------------------------------------------------
_FIRST_F = ("Anna Marie Sophie Claire Isabelle Nathalie Julie Camille Léa Chloé Emma Sarah Laura Elena Maria Sofia "
            "Ingrid Astrid Katarzyna Agnieszka Fatima Amina Leila Yasmine Nadia Aïcha Mei Yuki Priya Ananya Olga "
            "Irina Daria Hanna Greta Lucia Giulia Francesca Carmen Beatriz Rachel Emily Hannah Grace Olivia "
            "Charlotte Margaret Helen Catherine Inès Zeynep Aylin Noura Rania Mariam Alice Louise Jeanne Pauline "
            "Simone").split()
_FIRST_M = ("Pierre Jean Marc Luc Olivier Nicolas Julien Thomas Antoine Mathieu David Daniel Michael James John "
            "Robert William George Peter Paul Andrew Stefan Lars Erik Jan Piotr Tomasz Ahmed Mohamed Karim Youssef "
            "Omar Hassan Kenji Hiroshi Wei Raj Arjun Ivan Dmitri Sergei Andriy Marco Luca Giovanni Carlos Javier "
            "Miguel Pedro Rafael Samuel Benjamin Hugo Louis Emmanuel Mehmet Emre Kofi Tariq Felix").split()
_LAST = ("Martin Dubois Lefebvre Moreau Laurent Girard Bonnet Mercier Fontaine Chevalier Tremblay Gagnon Bouchard "
         "Côté Gauthier Lavoie Fortin Pelletier Smith Johnson Brown Taylor Wilson Campbell Murphy O'Brien Schmidt "
         "Müller Weber Fischer Becker Kowalski Nowak Wiśniewski Novak Horvath Rossi Russo Bianchi Ferrari García "
         "Fernandes Lopes Martins Silva Santos Oliveira Pereira Andersson Johansson Nielsen Hansen Virtanen "
         "Papadopoulos Yilmaz Demir Haddad Benali Mansour Khalil Diallo Traoré Mensah Okafor Nguyen Tran Kim Park "
         "Tanaka Suzuki Sato Chen Wang Zhang Singh Patel Sharma Ivanov Petrov Kovalenko Shevchenko Jansen "
         "Lindqvist").split() + ["De Vries", "Van Damme", "Da Costa"]

# (English, French) city names; French elision is computed
_CITIES = [
    ("London", "Londres"), ("Geneva", "Genève"), ("Beijing", "Pékin"), ("Moscow", "Moscou"),
    ("Brussels", "Bruxelles"), ("Warsaw", "Varsovie"), ("Vienna", "Vienne"), ("Lisbon", "Lisbonne"),
    ("Athens", "Athènes"), ("Venice", "Venise"), ("Algiers", "Alger"), ("Montreal", "Montréal"),
    ("Quebec City", "Québec"), ("Copenhagen", "Copenhague"), ("Kyiv", "Kyiv"), ("Jerusalem", "Jérusalem"),
    ("Mexico City", "Mexico"), ("Seoul", "Séoul"), ("Berlin", "Berlin"), ("Madrid", "Madrid"),
    ("Rome", "Rome"), ("Paris", "Paris"), ("Tokyo", "Tokyo"), ("Ottawa", "Ottawa"), ("Toronto", "Toronto"),
    ("Vancouver", "Vancouver"), ("Calgary", "Calgary"), ("Winnipeg", "Winnipeg"), ("Dakar", "Dakar"),
    ("Nairobi", "Nairobi"), ("Tunis", "Tunis"), ("Rabat", "Rabat"), ("Casablanca", "Casablanca"),
    ("Istanbul", "Istanbul"), ("Prague", "Prague"), ("Budapest", "Budapest"), ("Stockholm", "Stockholm"),
    ("Oslo", "Oslo"), ("Dublin", "Dublin"), ("Milan", "Milan"), ("Lyon", "Lyon"), ("Marseille", "Marseille"),
    ("Bordeaux", "Bordeaux"), ("Toulouse", "Toulouse"), ("Lille", "Lille"), ("Nantes", "Nantes"),
    ("Strasbourg", "Strasbourg"), ("Zurich", "Zurich"), ("Amsterdam", "Amsterdam"), ("Rotterdam", "Rotterdam"),
    ("Manchester", "Manchester"), ("Glasgow", "Glasgow"), ("Chicago", "Chicago"), ("Boston", "Boston"),
    ("Sydney", "Sydney"),
]
# (English, French name, kind); kind gives the article and prepositions
_COUNTRIES = [
    ("Germany", "Allemagne", "fv"), ("Spain", "Espagne", "fv"), ("Italy", "Italie", "fv"),
    ("Switzerland", "Suisse", "f"), ("Belgium", "Belgique", "f"), ("the Netherlands", "Pays-Bas", "pl"),
    ("Austria", "Autriche", "fv"), ("Poland", "Pologne", "f"), ("Greece", "Grèce", "f"), ("Sweden", "Suède", "f"),
    ("Norway", "Norvège", "f"), ("Denmark", "Danemark", "m"), ("Finland", "Finlande", "f"),
    ("Ireland", "Irlande", "fv"), ("Russia", "Russie", "f"), ("Ukraine", "Ukraine", "fv"), ("China", "Chine", "f"),
    ("Japan", "Japon", "m"), ("India", "Inde", "fv"), ("Iran", "Iran", "mv"), ("Iraq", "Irak", "mv"),
    ("Syria", "Syrie", "f"), ("Lebanon", "Liban", "m"), ("Egypt", "Égypte", "fv"), ("Algeria", "Algérie", "fv"),
    ("Morocco", "Maroc", "m"), ("Tunisia", "Tunisie", "f"), ("Mexico", "Mexique", "m"), ("Brazil", "Brésil", "m"),
    ("Argentina", "Argentine", "fv"), ("Chile", "Chili", "m"), ("Peru", "Pérou", "m"),
    ("Colombia", "Colombie", "f"), ("Canada", "Canada", "m"), ("the United States", "États-Unis", "pl"),
    ("the United Kingdom", "Royaume-Uni", "m"), ("France", "France", "f"), ("Turkey", "Turquie", "f"),
    ("Portugal", "Portugal", "m"), ("Senegal", "Sénégal", "m"), ("Israel", "Israël", "n"),
]
_NATO = ("Germany Italy Spain France Belgium Poland Norway Denmark Canada Sweden Finland Greece Portugal".split()
         + ["the United Kingdom"])
_EUROPE = _NATO[:-1] + ["Switzerland", "Austria", "Ireland", "the Netherlands", "the United Kingdom"]
_SANCTIONED = [("Russia", "la Russie"), ("Iran", "l’Iran"), ("Belarus", "la Biélorussie"), ("Syria", "la Syrie"),
               ("North Korea", "la Corée du Nord")]
_DAYS = [("Monday", "lundi"), ("Tuesday", "mardi"), ("Wednesday", "mercredi"), ("Thursday", "jeudi"),
         ("Friday", "vendredi"), ("Saturday", "samedi"), ("Sunday", "dimanche")]
_MONTHS = [("January", "janvier"), ("February", "février"), ("March", "mars"), ("April", "avril"), ("May", "mai"),
           ("June", "juin"), ("July", "juillet"), ("August", "août"), ("September", "septembre"),
           ("October", "octobre"), ("November", "novembre"), ("December", "décembre")]
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_SPELLED = [("two", "deux"), ("three", "trois"), ("four", "quatre"), ("five", "cinq"), ("six", "six"),
            ("seven", "sept"), ("eight", "huit"), ("nine", "neuf"), ("ten", "dix"), ("eleven", "onze"),
            ("twelve", "douze")]
_ORDINALS = [("third", "troisième"), ("fourth", "quatrième"), ("fifth", "cinquième"), ("sixth", "sixième"),
             ("seventh", "septième"), ("eighth", "huitième"), ("ninth", "neuvième"), ("tenth", "dixième")]
_QUARTERS = [("first", "premier"), ("second", "deuxième"), ("third", "troisième"), ("fourth", "quatrième")]
# (English, French masculine, French feminine): appositions, no article in French
_ROLES = [
    ("the health minister", "ministre de la Santé", "ministre de la Santé"),
    ("the finance minister", "ministre des Finances", "ministre des Finances"),
    ("the environment minister", "ministre de l'Environnement", "ministre de l'Environnement"),
    ("the education minister", "ministre de l'Éducation", "ministre de l'Éducation"),
    ("the foreign minister", "ministre des Affaires étrangères", "ministre des Affaires étrangères"),
    ("a spokesperson for the ministry", "porte-parole du ministère", "porte-parole du ministère"),
    ("the union president", "président du syndicat", "présidente du syndicat"),
    ("the hospital director", "directeur de l'hôpital", "directrice de l'hôpital"),
    ("the police chief", "chef de la police", "cheffe de la police"),
    ("the opposition leader", "chef de l'opposition", "cheffe de l'opposition"),
    ("a senior government official", "haut fonctionnaire du gouvernement", "haute fonctionnaire du gouvernement"),
    ("a city councillor", "conseiller municipal", "conseillère municipale"),
    ("the head of the regional health agency", "directeur de l'agence régionale de santé",
     "directrice de l'agence régionale de santé"),
    ("the president of the employers' federation", "président de la fédération patronale",
     "présidente de la fédération patronale"),
    ("the mayor", "maire", "maire"),
    ("a member of parliament for the governing party", "député du parti au pouvoir", "députée du parti au pouvoir"),
    ("the teachers' union leader", "dirigeant du syndicat des enseignants", "dirigeante du syndicat des enseignants"),
    ("the chair of the parliamentary committee", "président de la commission parlementaire",
     "présidente de la commission parlementaire"),
    ("the deputy prime minister", "vice-premier ministre", "vice-première ministre"),
    ("the transport minister", "ministre des Transports", "ministre des Transports"),
]
_JOBS = [("mayor", "maire", "maire"), ("police officer", "policier", "policière"),
         ("bank manager", "directeur de banque", "directrice de banque"), ("notary", "notaire", "notaire"),
         ("accountant", "comptable", "comptable"), ("nurse", "infirmier", "infirmière"),
         ("teacher", "enseignant", "enseignante"), ("city councillor", "conseiller municipal", "conseillère municipale"),
         ("tax inspector", "inspecteur des impôts", "inspectrice des impôts"),
         ("company director", "dirigeant d'entreprise", "dirigeante d'entreprise"),
         ("football coach", "entraîneur de football", "entraîneuse de football"),
         ("social worker", "travailleur social", "travailleuse sociale")]
# (English with title, French with title, gender)
_LEADERS = [
    ("Russian President Vladimir Putin", "le président russe Vladimir Poutine", "m"),
    ("Ukrainian President Volodymyr Zelensky", "le président ukrainien Volodymyr Zelensky", "m"),
    ("French President Emmanuel Macron", "le président français Emmanuel Macron", "m"),
    ("Chinese President Xi Jinping", "le président chinois Xi Jinping", "m"),
    ("Turkish President Recep Tayyip Erdogan", "le président turc Recep Tayyip Erdogan", "m"),
    ("Israeli Prime Minister Benjamin Netanyahu", "le premier ministre israélien Benjamin Nétanyahou", "m"),
    ("Italian Prime Minister Giorgia Meloni", "la présidente du Conseil italien, Giorgia Meloni,", "f"),
    ("Indian Prime Minister Narendra Modi", "le premier ministre indien Narendra Modi", "m"),
    ("European Commission President Ursula von der Leyen",
     "la présidente de la Commission européenne, Ursula von der Leyen,", "f"),
    ("UN chief António Guterres", "le secrétaire général de l'ONU, António Guterres,", "m"),
    ("British Prime Minister Keir Starmer", "le premier ministre britannique Keir Starmer", "m"),
    ("Brazilian President Luiz Inácio Lula da Silva", "le président brésilien Luiz Inácio Lula da Silva", "m"),
    ("Mexican President Claudia Sheinbaum", "la présidente mexicaine Claudia Sheinbaum", "f"),
    ("Canadian Prime Minister Mark Carney", "le premier ministre canadien Mark Carney", "m"),
    ("NATO Secretary General Mark Rutte", "le secrétaire général de l'OTAN, Mark Rutte,", "m"),
    ("Danish Prime Minister Mette Frederiksen", "la première ministre danoise Mette Frederiksen", "f"),
    ("IMF chief Kristalina Georgieva", "la directrice générale du FMI, Kristalina Georgieva,", "f"),
    ("WHO chief Tedros Adhanom Ghebreyesus",
     "le directeur général de l'OMS, Tedros Adhanom Ghebreyesus,", "m"),
    ("German Chancellor Friedrich Merz", "le chancelier allemand Friedrich Merz", "m"),
    ("Polish Prime Minister Donald Tusk", "le premier ministre polonais Donald Tusk", "m"),
]
_COMPANIES = ("Norvia Altavia Vantix Solenne Corvel Kestrel Aurion Lumetra Ostrova Brightwell Calder Dunmore "
              "Feldmark Graniva Halvorsen Ilexa Juniper Korvax Lindwall Maravel Nexora Orlanda Pellion Quintara "
              "Rivaud Sandvik Tessaro Ulvane Veridian Westbrook Yardley Zentor Belmonte Carraway Delacroix Esterhaz "
              "Florentis Gallant Hartwell Ironbridge").split()
_STREETS = ("Wellington Victoria Laurier Sherbrooke King Queen Elgin Dundas Bloor Rideau Peel Stanley Saint-Denis "
            "Maple Cedar Jarvis Church Bank Spadina Somerset Albert Nelson Beaubien Fleury Cartier Champlain "
            "Papineau Dorchester Bleury Bernard").split()
_TEAMS = [("Real Madrid", "le Real Madrid", "du Real Madrid"), ("Liverpool", "Liverpool", "de Liverpool"),
          ("Bayern Munich", "le Bayern Munich", "du Bayern Munich"), ("Juventus", "la Juventus", "de la Juventus"),
          ("Paris Saint-Germain", "le Paris Saint-Germain", "du Paris Saint-Germain"),
          ("Marseille", "Marseille", "de Marseille"), ("Lyon", "Lyon", "de Lyon"), ("Arsenal", "Arsenal", "d'Arsenal"),
          ("Chelsea", "Chelsea", "de Chelsea"), ("Barcelona", "le FC Barcelone", "du FC Barcelone"),
          ("Ajax", "l'Ajax", "de l'Ajax"), ("Benfica", "Benfica", "de Benfica"),
          ("Inter Milan", "l'Inter Milan", "de l'Inter Milan"), ("AC Milan", "l'AC Milan", "de l'AC Milan"),
          ("Borussia Dortmund", "le Borussia Dortmund", "du Borussia Dortmund"), ("Celtic", "le Celtic", "du Celtic"),
          ("Porto", "le FC Porto", "du FC Porto"), ("Manchester City", "Manchester City", "de Manchester City"),
          ("Tottenham", "Tottenham", "de Tottenham"), ("Lille", "Lille", "de Lille"), ("Monaco", "Monaco", "de Monaco"),
          ("Anderlecht", "Anderlecht", "d'Anderlecht"), ("Club Brugge", "le Club Bruges", "du Club Bruges"),
          ("Feyenoord", "le Feyenoord", "du Feyenoord"), ("PSV Eindhoven", "le PSV Eindhoven", "du PSV Eindhoven")]
_TOPICS = [("military aid to Ukraine", "l'aide militaire à l'Ukraine", "de l'aide militaire à l'Ukraine"),
           ("the cost of living", "le coût de la vie", "du coût de la vie"),
           ("energy prices", "les prix de l'énergie", "des prix de l'énergie"),
           ("migration", "les migrations", "des migrations"),
           ("the housing crisis", "la crise du logement", "de la crise du logement"),
           ("climate change", "le changement climatique", "du changement climatique"),
           ("sanctions against Russia", "les sanctions contre la Russie", "des sanctions contre la Russie"),
           ("defence spending", "les dépenses de défense", "des dépenses de défense"),
           ("cybersecurity", "la cybersécurité", "de la cybersécurité"),
           ("artificial intelligence", "l'intelligence artificielle", "de l'intelligence artificielle"),
           ("food security", "la sécurité alimentaire", "de la sécurité alimentaire"),
           ("the situation in the Middle East", "la situation au Proche-Orient", "de la situation au Proche-Orient"),
           ("water management", "la gestion de l'eau", "de la gestion de l'eau"),
           ("public debt", "la dette publique", "de la dette publique"),
           ("nuclear safety", "la sûreté nucléaire", "de la sûreté nucléaire"),
           ("the energy transition", "la transition énergétique", "de la transition énergétique"),
           ("drug trafficking", "le trafic de drogue", "du trafic de drogue"),
           ("pension reform", "la réforme des retraites", "de la réforme des retraites"),
           ("online disinformation", "la désinformation en ligne", "de la désinformation en ligne")]
_DISEASES = [("measles", "rougeole"), ("flu", "grippe"), ("whooping cough", "coqueluche"),
             ("dengue fever", "dengue"), ("tuberculosis", "tuberculose"), ("chickenpox", "varicelle"),
             ("scarlet fever", "scarlatine"), ("bronchiolitis", "bronchiolite"), ("cholera", "choléra"),
             ("malaria", "paludisme"), ("mpox", "mpox")]
_JOURNALS = [("The Lancet", "The Lancet"), ("Nature", "Nature"), ("Science", "Science"), ("the BMJ", "le BMJ"),
             ("JAMA", "le JAMA"), ("the New England Journal of Medicine", "le New England Journal of Medicine"),
             ("Nature Medicine", "Nature Medicine"), ("PLOS Medicine", "PLOS Medicine")]
_PAPERS = [("Le Monde", "Le Monde", "du Monde"), ("The Guardian", "The Guardian", "du Guardian"),
           ("El País", "El País", "d'El País"), ("the Financial Times", "le Financial Times", "du Financial Times"),
           ("Der Spiegel", "Der Spiegel", "du Spiegel"), ("La Presse", "La Presse", "de La Presse"),
           ("Le Devoir", "Le Devoir", "du Devoir"), ("The Globe and Mail", "The Globe and Mail", "du Globe and Mail"),
           ("Le Soir", "Le Soir", "du Soir"), ("Politico", "Politico", "de Politico"),
           ("The Times", "The Times", "du Times"), ("Corriere della Sera", "le Corriere della Sera",
                                                   "du Corriere della Sera")]
_ARTISTS = [("Claude Monet", "à Claude Monet"), ("Frida Kahlo", "à Frida Kahlo"), ("Rembrandt", "à Rembrandt"),
            ("Vincent van Gogh", "à Vincent van Gogh"), ("Paul Cézanne", "à Paul Cézanne"),
            ("Berthe Morisot", "à Berthe Morisot"), ("Gustav Klimt", "à Gustav Klimt"),
            ("Henri Matisse", "à Henri Matisse"), ("Georgia O'Keeffe", "à Georgia O'Keeffe"),
            ("Pablo Picasso", "à Pablo Picasso"), ("Edvard Munch", "à Edvard Munch"), ("Paul Klee", "à Paul Klee"),
            ("Camille Claudel", "à Camille Claudel"), ("Hokusai", "à Hokusai"), ("Caravaggio", "au Caravage"),
            ("Titian", "à Titien"), ("Leonardo da Vinci", "à Léonard de Vinci"), ("Artemisia Gentileschi",
                                                                               "à Artemisia Gentileschi")]
_STORMS = "Ciara Eunice Babet Isha Kirk Gerrit Jocelyn Agnes Bert Darragh Eowyn Herminia Amy Floris Bram".split()
_ANIMALS = [("frog", "grenouille"), ("gecko", "gecko"), ("bat", "chauve-souris"), ("beetle", "scarabée"),
            ("lizard", "lézard"), ("snake", "serpent"), ("butterfly", "papillon"), ("fern", "fougère"),
            ("tree frog", "rainette"), ("shrew", "musaraigne"), ("palm tree", "palmier")]
_TROPICS = [("Peru", "du Pérou"), ("Colombia", "de Colombie"), ("Brazil", "du Brésil"), ("Madagascar", "de Madagascar"),
            ("Gabon", "du Gabon"), ("Cameroon", "du Cameroun"), ("Indonesia", "d'Indonésie"), ("Borneo", "de Bornéo"),
            ("Costa Rica", "du Costa Rica"), ("Panama", "du Panama"), ("Guyana", "du Guyana")]
_RACES = [("100 metres", "100 mètres"), ("200 metres", "200 mètres"), ("400 metres hurdles", "400 mètres haies"),
          ("800 metres", "800 mètres"), ("1,500 metres", "1 500 mètres"), ("10,000 metres", "10 000 mètres"),
          ("marathon", "marathon"), ("high jump", "saut en hauteur"), ("pole vault", "saut à la perche"),
          ("javelin", "lancer du javelot"), ("triple jump", "triple saut"), ("long jump", "saut en longueur")]
_REASONS = [("health", "de santé"), ("personal", "personnelles"), ("family", "familiales"),
            ("professional", "professionnelles")]
_BRANDS = "Nutrilia Bebelou Lactavie Primalait Nutrikid Doucelait Calinou Milkana Bambina Frimousse".split()


# --- slot values: each returns {form: (english, french)}, plus "_g" for a gender ---------------------
def _fr_de(x: str) -> str:
    return ("d'" if x[0] in "AEIOUÉÈÊÎaeiouéèêî" else "de ") + x


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _group_en(n: int) -> str:
    return f"{n:,}"


def _group_fr(n: int) -> str:
    return f"{n:,}".replace(",", NBSP)


def _dec(rng: random.Random, lo: int, hi: int) -> tuple[str, str]:
    """A number with one decimal (never .0) from lo to hi."""
    s = f"{rng.randint(lo, hi - 1)}.{rng.randint(1, 9)}"
    return s, s.replace(".", ",")


Slot = dict[str, tuple[str, str]]


def _s_person(rng: random.Random, g: str) -> Slot:
    first = rng.choice(_FIRST_F if g == "f" else _FIRST_M)
    name = f"{first} {rng.choice(_LAST)}"
    return {"": (name, name), "de": (name, _fr_de(name))}


def _s_role(rng: random.Random, g: str) -> Slot:
    en, m, f = rng.choice(_ROLES)
    return {"": (en, f if g == "f" else m)}


def _s_job(rng: random.Random, g: str) -> Slot:
    en, m, f = rng.choice(_JOBS)
    return {"": (en, f if g == "f" else m)}


def _s_city(rng: random.Random, g: str) -> Slot:
    en, fr = rng.choice(_CITIES)
    return {"": (en, fr), "de": (en, _fr_de(fr))}


_ART = {"f": ("la ", "en ", "de ", "de la "), "fv": ("l'", "en ", "d'", "de l'"), "m": ("le ", "au ", "du ", "du "),
        "mv": ("l'", "en ", "d'", "de l'"), "pl": ("les ", "aux ", "des ", "des "), "n": ("", "en ", "d'", "d'")}
_COUNTRY_FORMS: dict[str, Slot] = {}
for _en, _fr, _k in _COUNTRIES:
    _a = _ART[_k]
    _COUNTRY_FORMS[_en] = {"": (_en, _a[0] + _fr), "in": ("in " + _en, _a[1] + _fr), "from": (_en, _a[2] + _fr),
                           "of": (_en, _a[3] + _fr)}
_COUNTRY_NAMES = [c[0] for c in _COUNTRIES]


def _s_country(rng: random.Random, g: str) -> Slot:
    return _COUNTRY_FORMS[rng.choice(_COUNTRY_NAMES)]


def _s_nato(rng: random.Random, g: str) -> Slot:
    return _COUNTRY_FORMS[rng.choice(_NATO)]


def _s_europe(rng: random.Random, g: str) -> Slot:
    return _COUNTRY_FORMS[rng.choice(_EUROPE)]


def _s_sanctioned(rng: random.Random, g: str) -> Slot:
    en, fr = rng.choice(_SANCTIONED)
    return {"": (en, fr)}


def _s_day(rng: random.Random, g: str) -> Slot:
    i = rng.randrange(7)
    en, fr = _DAYS[i]
    en2, fr2 = _DAYS[(i + 1) % 7]
    return {"": (en, fr), "on": ("on " + en, fr), "night": (f"on {en} night", f"dans la nuit de {fr} à {fr2}"),
            "span": (f"between {en} evening and {en2} morning", f"entre {fr} soir et {fr2} matin")}


def _date(month: int, day: int) -> tuple[str, str]:
    en_m, fr_m = _MONTHS[month]
    return f"{en_m} {day}", f"{'1er' if day == 1 else day} {fr_m}"


def _s_date(rng: random.Random, g: str) -> Slot:
    m = rng.randrange(12)
    d = rng.randint(1, _MONTH_DAYS[m])
    d2 = rng.randint(d + 1, min(_MONTH_DAYS[m], d + 40)) if d < _MONTH_DAYS[m] else d
    if d2 == d:
        d = d - 1
    return {"": _date(m, d), "to": _date(m, d2)}


def _s_month(rng: random.Random, g: str) -> Slot:
    en, fr = rng.choice(_MONTHS)
    return {"": (en, fr), "in": ("in " + en, "en " + fr), "de": (en, _fr_de(fr))}


def _s_year(rng: random.Random, g: str) -> Slot:
    y = str(rng.randint(2008, 2024))
    f = str(rng.randint(2030, 2100) // 5 * 5)
    o = str(rng.randint(17, 21) * 2 + 2000)
    return {"": (y, y), "future": (f, f), "olympic": (o, o)}


def _s_time(rng: random.Random, g: str) -> Slot:
    h = rng.randint(6, 22)
    m = rng.choice((0, 0, 0, 15, 30, 30, 45))
    eve = _clock(rng.randint(17, 21), rng.choice((0, 0, 30)))
    if h == 12 and m == 0:
        return {"": ("noon", "midi"), "eve": eve}
    return {"": _clock(h, m), "eve": eve}


def _clock(h: int, m: int) -> tuple[str, str]:
    h12 = h % 12 or 12
    ap = "a.m." if h < 12 else "p.m."
    en = f"{h12}:{m:02d} {ap}" if m else f"{h12} {ap}"
    fr = f"{h}{NBSP}h{NBSP}{m:02d}" if m else f"{h}{NBSP}h"
    return en, fr


def _int_slot(lo: int, hi: int) -> Callable[[random.Random, str], Slot]:
    def f(rng: random.Random, g: str) -> Slot:
        n = rng.randint(lo, hi)
        return {"": (_group_en(n), _group_fr(n))}
    return f


def _s_big(rng: random.Random, g: str) -> Slot:
    n = rng.randint(11, 4800) * rng.choice((100, 100, 50, 10))
    return {"": (_group_en(n), _group_fr(n))}


def _s_dec(rng: random.Random, g: str) -> Slot:
    return {"": _dec(rng, 1, 20)}


def _s_pct(rng: random.Random, g: str) -> Slot:
    if rng.random() < 0.6:
        en, fr = _dec(rng, 0, 15)
    else:
        en = fr = str(rng.randint(2, 60))
    return {"": (en + "%", fr + NBSP + "%")}


def _s_rate(rng: random.Random, g: str) -> Slot:
    v = rng.randint(1, 24) * 25
    en = f"{v // 100}.{v % 100:02d}".rstrip("0").rstrip(".")
    return {"": (en + "%", en.replace(".", ",") + NBSP + "%")}


_CURRENCIES = (("$", "dollars", "de dollars"), ("$", "dollars", "de dollars"), ("€", "euros", "d'euros"),
               ("£", "livres sterling", "de livres sterling"))


def _s_money(rng: random.Random, g: str) -> Slot:
    sym, word, de_word = rng.choice(_CURRENCIES)
    r = rng.random()
    if r < 0.55:
        scale_en, sg, pl = rng.choice((("million", "million", "millions"), ("million", "million", "millions"),
                                       ("billion", "milliard", "milliards")))
        if rng.random() < 0.5:
            en, fr = _dec(rng, 1, 30)
        else:
            en = fr = str(rng.randint(2, 950))
        unit = sg if float(en) < 2 else pl
        return {"": (f"{sym}{en} {scale_en}", f"{fr} {unit} {de_word}")}
    n = rng.randint(12, 9900) * rng.choice((10, 50, 100, 1000))
    return {"": (f"{sym}{_group_en(n)}", f"{_group_fr(n)} {word}")}


def _s_funds(rng: random.Random, g: str) -> Slot:
    """Millions or billions (public spending, profits, big projects)."""
    sym, _, de_word = rng.choice(_CURRENCIES)
    scale_en, sg, pl = rng.choice((("million", "million", "millions"), ("million", "million", "millions"),
                                   ("billion", "milliard", "milliards")))
    if rng.random() < 0.5:
        en, fr = _dec(rng, 1, 30)
    else:
        en = fr = str(rng.randint(2, 950))
    unit = sg if float(en) < 2 else pl
    return {"": (f"{sym}{en} {scale_en}", f"{fr} {unit} {de_word}")}


def _s_acc(rng: random.Random, g: str) -> Slot:
    en, fr = _dec(rng, 80, 100)
    return {"": (en + "%", fr + NBSP + "%")}


def _s_growth(rng: random.Random, g: str) -> Slot:
    a = rng.randint(1, 39)
    b = a + rng.randint(1, 15)
    return {"": (f"{a / 10}%", f"{a / 10}".replace(".", ",") + NBSP + "%"),
            "before": (f"{b / 10}%", f"{b / 10}".replace(".", ",") + NBSP + "%")}


def _s_rent(rng: random.Random, g: str) -> Slot:
    sym, word, _ = rng.choice(_CURRENCIES)
    n = rng.randint(650, 4200)
    return {"": (f"{sym}{_group_en(n)}", f"{_group_fr(n)} {word}")}


def _s_price(rng: random.Random, g: str) -> Slot:
    c = rng.randint(139, 229)
    en = f"€{c // 100}.{c % 100:02d}"
    return {"": (en, f"{c // 100},{c % 100:02d} euro{'s' if c >= 200 else ''}")}


def _s_temp(rng: random.Random, g: str) -> Slot:
    a = rng.randint(8, 32)
    b = a + rng.randint(5, 14)
    return {"": (f"-{a}°C", f"-{a}{NBSP}°C"), "chill": (f"-{b}°C", f"-{b}{NBSP}°C")}


def _s_votes(rng: random.Random, g: str) -> Slot:
    a = rng.randint(120, 420)
    b = rng.randint(40, a - 10)
    return {"for": (str(a), str(a)), "against": (str(b), str(b))}


def _s_council(rng: random.Random, g: str) -> Slot:
    a = rng.randint(9, 45)
    b = rng.randint(1, a - 1)
    return {"for": (str(a), str(a)), "against": (str(b), str(b))}


def _s_score(rng: random.Random, g: str) -> Slot:
    a = rng.randint(1, 6)
    b = rng.randint(0, a - 1)
    return {"": (f"{a}-{b}", f"{a} à {b}")}


def _s_casualties(rng: random.Random, g: str) -> Slot:
    d = rng.randint(3, 900)
    i = d * rng.randint(2, 9) + rng.randint(0, 99)
    return {"dead": (_group_en(d), _group_fr(d)), "injured": (_group_en(i), _group_fr(i))}


def _s_mag(rng: random.Random, g: str) -> Slot:
    return {"": _dec(rng, 5, 8)}


def _s_bn(rng: random.Random, g: str) -> Slot:
    en, fr = _dec(rng, 1, 9)
    return {"": (en + " billion", fr + (" milliard" if float(en) < 2 else " milliards"))}


def _s_ordn(rng: random.Random, g: str) -> Slot:
    n = rng.randint(2, 75)
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return {"": (f"{n}{suf}", f"{n}e")}


def _s_goals(rng: random.Random, g: str) -> Slot:
    m = rng.randint(14, 38)
    return {"goals": (str(rng.randint(8, m)),) * 2, "matches": (str(m),) * 2}


def _pool(items: list[tuple[str, ...]] | list[str], forms: tuple[str, ...] = ("",)) -> Callable[[random.Random, str], Slot]:
    def f(rng: random.Random, g: str) -> Slot:
        it = rng.choice(items)
        if isinstance(it, str):
            return {"": (it, it), "de": (it, _fr_de(it))}
        out = {form: (it[0], it[1 + k]) for k, form in enumerate(forms)}
        out.setdefault("", (it[0], it[1]))  # the English side of a French-only form
        return out
    return f


def _s_team(rng: random.Random, g: str) -> Slot:
    en, fr, de = rng.choice(_TEAMS)
    return {"": (en, fr), "de": (en, de)}


def _s_leader(rng: random.Random, g: str) -> Slot:
    en, fr, lg = rng.choice(_LEADERS)
    # an apposition closed by a comma in French ('..., Ursula von der Leyen,') before a verb
    return {"": (en, fr), "end": (en, fr.rstrip(",")), "_g": (lg, lg)}


_SLOTS: dict[str, Callable[[random.Random, str], Slot]] = {
    "person": _s_person, "role": _s_role, "job": _s_job, "city": _s_city, "country": _s_country,
    "nato": _s_nato, "europe": _s_europe, "sanctioned": _s_sanctioned, "day": _s_day, "date": _s_date,
    "month": _s_month, "year": _s_year, "time": _s_time, "n": _int_slot(3, 950), "nsmall": _int_slot(2, 59),
    "age": _int_slot(18, 91), "oldage": _int_slot(60, 75), "cm": _int_slot(5, 90), "kmh": _int_slot(60, 160),
    "area": _int_slot(500, 12000), "big": _s_big, "dec": _s_dec, "pct": _s_pct, "rate": _s_rate,
    "money": _s_money, "funds": _s_funds, "growth": _s_growth, "acc": _s_acc, "rent": _s_rent, "price": _s_price, "temp": _s_temp, "votes": _s_votes,
    "council": _s_council, "score": _s_score, "casualties": _s_casualties, "mag": _s_mag, "bn": _s_bn,
    "ordn": _s_ordn, "goals": _s_goals, "few": _pool(_SPELLED, ("",)), "ord": _pool(_ORDINALS, ("",)),
    "quarter": _pool(_QUARTERS, ("",)), "company": _pool(_COMPANIES), "street": _pool(_STREETS),
    "team": _s_team, "topic": _pool(_TOPICS, ("", "de")), "disease": _pool(_DISEASES, ("",)),
    "journal": _pool(_JOURNALS, ("",)), "paper": _pool(_PAPERS, ("", "de")), "artist": _pool(_ARTISTS, ("a",)),
    "storm": _pool(_STORMS), "animal": _pool(_ANIMALS, ("",)), "tropic": _pool(_TROPICS, ("de",)),
    "race": _pool(_RACES, ("",)), "reason": _pool(_REASONS, ("",)), "brand": _pool(_BRANDS), "leader": _s_leader,
}

# --- templates ---------------------------------------------------------------------------------------
# {slot}, {slot_form}, {slot2} (a second, different value), {Slot} (capitalised); {g:masc|fem} agrees
# with the person (or the leader) of the sentence. French is written with plain spaces before ; : ! ? »
# and after «, and with straight apostrophes: both are made typographic when the module loads.
_TEMPLATES: list[tuple[str, str]] = [
    # politics
    ("{person}, {role}, said {day_on} that the government would not change course despite mounting criticism "
     "from the opposition.",
     "{person}, {role}, a affirmé {day} que le gouvernement ne changerait pas de cap malgré les critiques "
     "croissantes de l'opposition."),
    ("The bill was passed {day_on} by {votes_for} votes to {votes_against} after a heated debate that went on "
     "late into the night.",
     "Le projet de loi a été adopté {day} par {votes_for} voix contre {votes_against} à l'issue d'un débat houleux "
     "qui s'est prolongé tard dans la nuit."),
    ("Voters in {country} will go to the polls on {date}, {few} months earlier than planned, after the collapse "
     "of the governing coalition.",
     "{Country_in}, les électeurs se rendront aux urnes le {date}, {few} mois plus tôt que prévu, après "
     "l'effondrement de la coalition au pouvoir."),
    ("Can {person} still win the party leadership after {g:his|her} defeat in {city}?",
     "{person} peut-{g:il|elle} encore prendre la tête du parti après sa défaite à {city} ?"),
    ("The opposition is calling for an independent inquiry into the award of public contracts worth {money} "
     "in {city}.",
     "L'opposition réclame une enquête indépendante sur l'attribution de marchés publics d'une valeur de {money} "
     "à {city}."),
    ("“We will not accept these cuts,” said {person}, {role}.",
     "« Nous n'accepterons pas ces compressions », a déclaré {person}, {role}."),
    ("{Leader} is expected in {city} on {date} for talks on trade, energy and security.",
     "{Leader} est {g:attendu|attendue} à {city} le {date} pour des entretiens sur le commerce, l'énergie "
     "et la sécurité."),
    ("NATO foreign ministers will meet in {city} on {date} to discuss {topic}.",
     "Les ministres des Affaires étrangères de l'OTAN se réuniront à {city} le {date} pour discuter {topic_de}."),
    ("What will the EU do if trade talks with {country} collapse before {date}?",
     "Que fera l'UE si les négociations commerciales avec {country} échouent avant le {date} ?"),
    ("{person} resigned {day_on}, citing {reason} reasons.",
     "{person} a démissionné {day}, invoquant des raisons {reason}."),
    ("{person}'s office declined to comment on the report, which was published {day_on} by {paper}.",
     "Le cabinet {person_de} n'a pas souhaité commenter le rapport, publié {day} par {paper}."),
    ("{person}, the mayor of {city}, announced {day_on} that {g:he|she} would not seek a third term next year.",
     "{person}, maire {city_de}, a annoncé {day} qu'{g:il|elle} ne briguerait pas de troisième mandat l'an "
     "prochain."),
    ("The message from {person}, {role}, was clear: there will be no new taxes this year.",
     "Le message {person_de}, {role}, était clair : il n'y aura pas de nouveaux impôts cette année."),
    ("Polls in {country} close at {time_eve} on {date}.",
     "{Country_in}, les bureaux de vote fermeront le {date} à {time_eve}."),
    ("In a statement released {day_on}, {person}, {role}, said the government would invest {funds} over "
     "{few} years in public transit, including a tram line linking {city} to its suburbs.",
     "Dans un communiqué publié {day}, {person}, {role}, a indiqué que le gouvernement investirait {funds} sur "
     "{few} ans dans les transports en commun, notamment pour une ligne de tramway reliant {city} à sa banlieue."),
    # economy
    ("The unemployment rate in {country} fell to {pct} in {month}, according to figures released {day_on} by the "
     "national statistics office.",
     "Le taux de chômage {country_in} a reculé à {pct} en {month}, selon les chiffres publiés {day} par l'office "
     "national de la statistique."),
    ("{company} reported a net profit of {funds} for the {quarter} quarter, up {pct} on the same period last year.",
     "{company} a annoncé un bénéfice net de {funds} pour le {quarter} trimestre, en hausse de {pct} par rapport "
     "à la même période l'an dernier."),
    ("Inflation in {country} slowed to {pct} in {month}, its lowest level since {year}, but food prices are still "
     "rising.",
     "{Country_in}, l'inflation a ralenti à {pct} en {month}, son plus bas niveau depuis {year}, mais les prix "
     "alimentaires continuent d'augmenter."),
    ("Analysts at {company} expect the ECB to cut its key interest rate to {rate} at its meeting on {date}.",
     "Les analystes de {company} s'attendent à ce que la BCE abaisse son principal taux directeur à {rate} lors "
     "de sa réunion du {date}."),
    ("Shares in {company} fell {pct} in early trading {day_on} after the group cut its annual sales forecast.",
     "L'action {company_de} a chuté de {pct} {day} en début de séance, après que le groupe a abaissé ses "
     "prévisions de ventes annuelles."),
    ("The government plans to spend {funds} over {few} years to renovate schools and hospitals in rural areas.",
     "Le gouvernement prévoit de consacrer {funds} sur {few} ans à la rénovation d'écoles et d'hôpitaux en milieu "
     "rural."),
    ("The average rent for a two-bedroom apartment in {city} has reached {rent} a month, a record.",
     "Le loyer moyen d'un appartement de deux chambres à {city} a atteint {rent} par mois, un record."),
    ("Exports to {country} rose by {pct} in {year}, driven by strong demand for cars and machinery.",
     "Les exportations vers {country} ont progressé de {pct} en {year}, portées par une forte demande de "
     "voitures et de machines."),
    ("Fuel prices have risen for the {ord} week in a row, and a litre of diesel now costs {price} in {city}.",
     "Les prix des carburants augmentent pour la {ord} semaine consécutive : le litre de gazole coûte désormais "
     "{price} à {city}."),
    ("The three-week strike at {company} has cost the company an estimated {funds}, the union said {day_on}.",
     "La grève de trois semaines chez {company} a coûté environ {funds} à l'entreprise, a indiqué le syndicat "
     "{day}."),
    ("Is the housing market in {city} finally cooling down, as {person}, an economist at {company}, believes?",
     "Le marché immobilier {city_de} est-il enfin en train de se refroidir, comme le pense {person}, économiste "
     "chez {company} ?"),
    ("Wages in {country} rose {pct} in real terms last year, the first increase in {few} years, the labour "
     "ministry said {day_on}.",
     "{Country_in}, les salaires ont augmenté de {pct} en termes réels l'an dernier, une première hausse en {few} "
     "ans, a indiqué {day} le ministère du Travail."),
    ("{company} will close its plant in {city} next year, a decision described as “a betrayal” by {person}, a "
     "union representative.",
     "{company} fermera son usine {city_de} l'an prochain, une décision qualifiée de « trahison » par {person}, "
     "{g:représentant syndical|représentante syndicale}."),
    ("Inflation in {country} hit {pct} in {month}.",
     "{Country_in}, l'inflation a atteint {pct} en {month}."),
    ("{company} shares rose {pct} {day_on}.",
     "L'action {company_de} a progressé de {pct} {day}."),
    ("Gross domestic product (GDP) grew by {pct} in the {quarter} quarter of {year} in {country}, beating the forecasts of "
     "most economists.",
     "Le produit intérieur brut (PIB) {country_of} a progressé de {pct} au {quarter} trimestre {year}, une performance "
     "supérieure aux prévisions de la plupart des économistes."),
    # health
    ("The hospital in {city} had to postpone {n} operations {day_on} because of a shortage of nurses.",
     "L'hôpital {city_de} a dû reporter {n} opérations {day} en raison d'une pénurie d'infirmières."),
    ("The World Health Organization (WHO) has recorded {big} cases of {disease} in {country} since the start of "
     "the year.",
     "L'Organisation mondiale de la santé (OMS) a recensé {big} cas de {disease} {country_in} depuis le début de "
     "l'année."),
    ("“The situation in our emergency rooms is unsustainable,” warned {person}, {role}.",
     "« La situation dans nos urgences est intenable », a prévenu {person}, {role}."),
    ("Health authorities in {city} are urging residents to get vaccinated after {n} new cases of {disease} were "
     "reported {day_on}.",
     "Les autorités sanitaires {city_de} exhortent la population à se faire vacciner après le signalement de {n} "
     "nouveaux cas de {disease} {day}."),
    ("A study of {big} adults published in {journal} suggests that walking for {nsmall} minutes a day reduces "
     "the risk of heart disease.",
     "Une étude portant sur {big} adultes, publiée dans {journal}, suggère que marcher {nsmall} minutes par jour "
     "réduit le risque de maladies cardiovasculaires."),
    ("{person}, {role}, said the shortage of family doctors was “the most urgent problem” facing the region.",
     "{person}, {role}, a estimé que la pénurie de médecins de famille était « le problème le plus urgent » de "
     "la région."),
    ("The ministry has ordered the recall of a batch of {brand} infant formula sold in {country} before {date}, "
     "after traces of bacteria were found.",
     "Le ministère a ordonné le rappel d'un lot de lait infantile {brand} vendu {country_in} avant le {date}, "
     "après la découverte de traces de bactéries."),
    ("“The heatwave could put elderly people living alone at serious risk,” {person}, a doctor in {city}, warned "
     "{day_on}.",
     "« La canicule pourrait mettre gravement en danger les personnes âgées vivant seules », a averti {day} "
     "{person}, {g:médecin|médecin} à {city}."),
    # courts
    ("A {age}-year-old {g:man|woman} was sentenced {day_on} by a court in {city} to {few} years in prison for "
     "fraud.",
     "{g:Un homme|Une femme} de {age} ans a été {g:condamné|condamnée} {day} par un tribunal {city_de} à {few} ans "
     "de prison pour fraude."),
    ("The trial of {person}, accused of embezzling {money} from a charity, opened {day_on} in {city}.",
     "Le procès {person_de}, {g:accusé|accusée} d'avoir détourné {money} au détriment d'une association "
     "caritative, s'est ouvert {day} à {city}."),
    ("The Supreme Court will rule on {date} on whether the law on {topic} is constitutional, {person}'s lawyers "
     "said.",
     "La Cour suprême se prononcera le {date} sur la constitutionnalité de la loi sur {topic}, ont indiqué les "
     "avocats {person_de}."),
    ("“My client is innocent and will appeal,” said his lawyer, {person}, after {day}'s verdict in {city}.",
     "« Mon client est innocent et fera appel », a déclaré {g:son avocat|son avocate}, {person}, après le "
     "verdict rendu {day} à {city}."),
    ("Police arrested {n} people during a series of raids targeting drug trafficking networks in {city} and "
     "{city2}.",
     "La police a arrêté {n} personnes lors d'une série de perquisitions visant des réseaux de trafic de drogue "
     "à {city} et à {city2}."),
    ("The jury deliberated for {few} days before finding {person} guilty of manslaughter.",
     "Le jury a délibéré pendant {few} jours avant de déclarer {person} {g:coupable|coupable} d'homicide "
     "involontaire."),
    ("Investigators have not yet determined the cause of the fire that destroyed a {area}-square-metre warehouse "
     "on {street} Street in {city} {day_night}.",
     "Les enquêteurs n'ont pas encore déterminé la cause de l'incendie qui a détruit {day_night} un entrepôt de "
     "{area} mètres carrés rue {street}, à {city}."),
    ("A judge in {city} has ordered {company} to pay {money} in damages to former employees.",
     "Un juge {city_de} a ordonné à {company} de verser {money} de dommages et intérêts à d'anciens employés."),
    ("The appeal court in {city} upheld the conviction of {person}, a former {job}.",
     "La cour d'appel {city_de} a confirmé la condamnation {person_de}, {g:ancien|ancienne} {job}."),
    ("{person}, {age}, was arrested in {city} {day_on}.",
     "{person}, {age} ans, a été {g:arrêté|arrêtée} {day} à {city}."),
    # weather
    ("Temperatures could fall to {temp} in {city} {day_on}, or {temp_chill} with the wind chill.",
     "Les températures pourraient descendre jusqu'à {temp} à {city} {day}, ou {temp_chill} avec le refroidissement "
     "éolien."),
    ("Up to {cm} centimetres of snow are expected in the {city} area {day_span}, according to {person}, a "
     "meteorologist.",
     "Jusqu'à {cm} centimètres de neige sont attendus dans la région {city_de} {day_span}, selon {person}, "
     "{g:météorologue|météorologue}."),
    ("Storm {storm} left {big} homes without power {day_on}, and some residents may not have electricity back "
     "until the weekend.",
     "La tempête {storm} a privé {big} foyers d'électricité {day}, et certains habitants pourraient ne pas "
     "retrouver le courant avant le week-end."),
    ("Gusts of up to {kmh} km/h are forecast along the coast of {country} until {time} {day_on}, and all ferry crossings have "
     "been cancelled.",
     "Des rafales pouvant atteindre {kmh} km/h sont prévues sur les côtes {country_of} jusqu'à {day} {time}, et toutes les "
     "traversées ont été annulées."),
    ("Heavy rain is expected in {city} this weekend, and {person}, a forecaster with the national weather "
     "service, warned of possible flooding in low-lying areas.",
     "De fortes pluies sont attendues à {city} ce week-end, et {person}, {g:prévisionniste|prévisionniste} au "
     "service météorologique national, a mis en garde contre de possibles inondations dans les zones basses."),
    ("Rainfall in {month} was {pct} below the seasonal average: {city} had not seen such a dry {month} since "
     "{year}.",
     "En {month}, les précipitations ont été inférieures de {pct} à la normale saisonnière : {city} n'avait pas "
     "connu un mois {month_de} aussi sec depuis {year}."),
    ("Because of the drought, {n} municipalities in the south of {country} have banned the watering of lawns and "
     "the filling of swimming pools since the beginning of {month}.",
     "En raison de la sécheresse, {n} communes du sud {country_of} ont interdit l'arrosage des pelouses et le "
     "remplissage des piscines depuis le début du mois {month_de}."),
    # sport
    ("{team} beat {team2} {score} {day_on} to move {few} points clear at the top of the table.",
     "{Team} a battu {team2} {score} {day} et compte désormais {few} points d'avance en tête du classement."),
    ("{person}, {age}, won the {g:men's|women's} {race} at the national championships in {city} {day_on}.",
     "{person}, {age} ans, a remporté {day} le {race} {g:masculin|féminin} des championnats nationaux, à "
     "{city}."),
    ("“We didn't play well in the first half, but the team showed character,” said {team} coach {person}.",
     "« Nous n'avons pas bien joué en première période, mais l'équipe a montré du caractère », a déclaré "
     "{g:l'entraîneur|l'entraîneuse} {team_de}, {person}."),
    ("{city} has officially applied to host the {year_olympic} Winter Olympics, at an estimated cost of {funds}.",
     "{city} a officiellement posé sa candidature pour accueillir les Jeux olympiques d'hiver de {year_olympic}, "
     "pour un coût estimé à {funds}."),
    ("{team} captain {person} will miss the rest of the season after injuring {g:his|her} knee in training "
     "{day_on}.",
     "{g:Le capitaine|La capitaine} {team_de}, {person}, manquera le reste de la saison après s'être "
     "{g:blessé|blessée} au genou {day} à l'entraînement."),
    ("The match between {team} and {team2} was postponed {day_on} because of the heavy snow that fell on {city}.",
     "Le match entre {team} et {team2} a été reporté {day} en raison des fortes chutes de neige sur {city}."),
    ("{person} won {g:his|her} {ord} title at the tournament in {city} {day_on}, beating {person2} without "
     "dropping a set.",
     "{person} a remporté {day} son {ord} titre au tournoi de {city}, en battant {person2} sans perdre un set."),
    ("With {goals_goals} goals in {goals_matches} matches this season, {person} is the league's top scorer.",
     "Avec {goals_goals} buts en {goals_matches} matchs cette saison, {person} est {g:le meilleur buteur|la "
     "meilleure buteuse} du championnat."),
    # culture
    ("The film by {person}, shot in {city}, won the top prize at the festival {day_on}.",
     "Le film {person_de}, tourné à {city}, a remporté {day} le grand prix du festival."),
    ("The exhibition devoted to {artist}, which closes on {date}, has already attracted more than {big} visitors.",
     "L'exposition consacrée {artist_a}, qui fermera ses portes le {date}, a déjà attiré plus de {big} visiteurs."),
    ("Tickets for {person}'s concert in {city} on {date} sold out in less than {nsmall} minutes.",
     "Les billets pour le concert {person_de} à {city}, le {date}, se sont écoulés en moins de {nsmall} minutes."),
    ("{person}'s latest novel, set in {city} after the war, has received rave reviews from critics.",
     "Le dernier roman {person_de}, qui se déroule à {city} après la guerre, a été salué par la critique."),
    ("The {ordn} edition of the jazz festival will open on {date} with a concert by {person} and {g:his|her} "
     "quartet.",
     "La {ordn} édition du festival de jazz s'ouvrira le {date} par un concert {person_de} et de son quatuor."),
    ("The museum of fine arts in {city}, closed since {year} for renovation work, will reopen to the public on "
     "{date}.",
     "Le musée des beaux-arts {city_de}, fermé depuis {year} pour travaux, rouvrira ses portes au public le "
     "{date}."),
    ("The {g:actor|actress} {person} has died at the age of {age}, {g:his|her} family announced {day_on}.",
     "{g:L'acteur|L'actrice} {person} est {g:mort|morte} à l'âge de {age} ans, a annoncé sa famille {day}."),
    ("Why did {person} wait so long before publishing {g:his|her} memoirs about {g:his|her} years in {city}?",
     "Pourquoi {person} a-t-{g:il|elle} attendu si longtemps avant de publier ses mémoires sur ses années à "
     "{city} ?"),
    # science
    ("Researchers at the University of {city} have developed a blood test that detects {few} types of cancer at "
     "an early stage with {acc} accuracy.",
     "Des chercheurs de l'université {city_de} ont mis au point un test sanguin capable de détecter {few} types "
     "de cancer à un stade précoce, avec une précision de {acc}."),
    ("The probe, launched in {year}, is due to reach the asteroid on {date} after a journey of {bn} kilometres.",
     "La sonde, lancée en {year}, doit atteindre l'astéroïde le {date} au terme d'un voyage de {bn} de "
     "kilomètres."),
    ("According to the study, sea levels along the coast of {country} could rise by {cm} centimetres by "
     "{year_future} if emissions are not cut sharply.",
     "Selon l'étude, le niveau de la mer le long des côtes {country_of} pourrait monter de {cm} centimètres d'ici "
     "{year_future} si les émissions ne sont pas fortement réduites."),
    ("A team led by {person} has discovered a new species of {animal} in the forests of {tropic}, where it had "
     "gone unnoticed for decades.",
     "Une équipe dirigée par {person} a découvert une nouvelle espèce de {animal} dans les forêts {tropic_de}, "
     "où elle était passée inaperçue pendant des décennies."),
    ("The weather satellite, built by {company} at a cost of {funds}, is scheduled for launch on {date} at {time} "
     "local time.",
     "Le satellite météorologique, construit par {company} pour un coût de {funds}, doit être lancé le {date} à "
     "{time}, heure locale."),
    ("Can artificial intelligence help radiologists detect breast cancer earlier, as a pilot project involving "
     "{big} women in {city} suggests?",
     "L'intelligence artificielle peut-elle aider les radiologues à détecter plus tôt le cancer du sein, comme le "
     "laisse penser un projet pilote mené auprès de {big} femmes à {city} ?"),
    ("The European Space Agency (ESA) has selected {person}, a {age}-year-old engineer from {europe}, as one of "
     "its new astronauts.",
     "L'Agence spatiale européenne (ESA) a retenu {person}, {g:un ingénieur|une ingénieure} de {age} ans "
     "originaire {europe_from}, parmi ses nouveaux astronautes."),
    # local news
    ("Residents of {street} Street in {city} have been asked to boil their water until further notice, city "
     "spokesperson {person} said.",
     "Les habitants de la rue {street}, à {city}, doivent faire bouillir leur eau jusqu'à nouvel ordre, a indiqué "
     "{person}, porte-parole de la ville."),
    ("The city council of {city} voted {council_for} to {council_against} {day_on} to make public transit free "
     "for people over {oldage}.",
     "Le conseil municipal {city_de} a voté {day}, par {council_for} voix contre {council_against}, la gratuité "
     "des transports en commun pour les personnes de plus de {oldage} ans."),
    ("A {age}-year-old cyclist was seriously injured when {g:he|she} was hit by a delivery truck at the corner of "
     "{street} and {street2} streets.",
     "{g:Un cycliste|Une cycliste} de {age} ans a été grièvement {g:blessé|blessée} après avoir été "
     "{g:percuté|percutée} par un camion de livraison à l'angle des rues {street} et {street2}."),
    ("Work on the new bridge, which will cost {funds}, is expected to be completed in {year_future}, {few} years "
     "behind schedule.",
     "Les travaux du nouveau pont, d'un coût de {funds}, devraient s'achever en {year_future}, avec {few} ans de "
     "retard."),
    ("The public library on {street} Street in {city} will be closed from {date} to {date_to} for renovations.",
     "La bibliothèque publique de la rue {street}, à {city}, sera fermée du {date} au {date_to} pour travaux."),
    ("Firefighters rescued {few} people trapped in a burning building on {street} Street in {city} in the early "
     "hours of {day}.",
     "Les pompiers ont secouru {few} personnes prises au piège dans un immeuble en feu de la rue {street}, à "
     "{city}, {day} au petit matin."),
    ("Parents in {city} are angry about the decision to close the only primary school in the neighbourhood, and "
     "{person} has started a petition.",
     "Des parents {city_de} sont en colère contre la décision de fermer la seule école primaire du quartier, et "
     "{person} a lancé une pétition."),
    ("Snow removal on {street} Street and the surrounding streets in {city} will begin at {time} {day_on}; motorists are asked to move their vehicles or risk "
     "having them towed.",
     "Le déneigement de la rue {street} et des rues voisines, à {city}, commencera {day} à {time} ; les automobilistes sont priés de déplacer leur "
     "véhicule, sous peine de remorquage."),
    ("How will the new tram line, which will carry {big} passengers a day, change life in {city}?",
     "Comment la nouvelle ligne de tramway, qui transportera {big} voyageurs par jour, changera-t-elle la vie à "
     "{city} ?"),
    ("{person}, who has run the bakery on {street} Street for {nsmall} years, will retire at the end of the month.",
     "{person}, qui tient la boulangerie de la rue {street} depuis {nsmall} ans, prendra sa retraite à la fin du "
     "mois."),
    ("The new metro line will serve {nsmall} stations (including {few} underground) and is due to open in "
     "{year_future}.",
     "La nouvelle ligne de métro desservira {nsmall} stations (dont {few} souterraines) et devrait être mise en "
     "service en {year_future}."),
    ("According to the report, drafted by a panel of {few} independent experts, the number of households waiting "
     "for social housing in {city} has risen by {pct} in five years, while construction has fallen to its lowest "
     "level since {year}.",
     "Selon le rapport, rédigé par un groupe de {few} experts indépendants, le nombre de ménages en attente d'un "
     "logement social à {city} a augmenté de {pct} en cinq ans, tandis que la construction est tombée à son plus "
     "bas niveau depuis {year}."),
    # international
    ("{Leader} and {leader2} agreed in {city} on {date} to resume ceasefire talks, according to a statement from the UN.",
     "{Leader} et {leader2} ont convenu le {date} à {city} de reprendre les négociations sur un cessez-le-feu, selon un "
     "communiqué de l'ONU."),
    ("The UN Security Council will hold an emergency meeting {day_on} at {time}, New York time, at the request of "
     "{country}.",
     "Le Conseil de sécurité de l'ONU tiendra une réunion d'urgence {day} à {time}, heure de New York, à la "
     "demande {country_of}."),
    ("At least {casualties_dead} people were killed and {casualties_injured} injured when an earthquake of "
     "magnitude {mag} struck the south of {country} {day_on}.",
     "Au moins {casualties_dead} personnes ont été tuées et {casualties_injured} blessées {day} dans un séisme de "
     "magnitude {mag} qui a frappé le sud {country_of}."),
    ("“Diplomacy is the only way out of this crisis,” {leader} told reporters in {city} on {date}.",
     "« La diplomatie est la seule issue à cette crise », a déclaré {leader} aux journalistes à {city} le "
     "{date}."),
    ("{nato} will send {n} additional troops to the NATO mission in the Baltic states, the defence ministry "
     "announced {day_on}.",
     "{Nato} enverra {n} militaires supplémentaires au sein de la mission de l'OTAN dans les pays baltes, a "
     "annoncé {day} le ministère de la Défense."),
    ("Tens of thousands of people marched through the streets of {city} {day_on} to demand the government's "
     "resignation, according to {person}, one of the organisers.",
     "Des dizaines de milliers de personnes ont défilé {day} dans les rues {city_de} pour réclamer la démission "
     "du gouvernement, selon {person}, {g:l'un des organisateurs|l'une des organisatrices}."),
    ("The EU adopted a new package of sanctions against {sanctioned} on {date}, targeting {n} individuals and "
     "companies.",
     "L'UE a adopté le {date} un nouveau train de sanctions contre {sanctioned}, visant {n} personnes et entreprises."),
    ("Delegations from {country} and {country2} met behind closed doors in {city} {day_on} but failed to reach an "
     "agreement.",
     "Les délégations {country_of} et {country2_of} se sont réunies à huis clos {day} à {city}, sans parvenir à "
     "un accord."),
    ("Around {big} refugees have crossed into {country} since {date}, according to the UN refugee agency.",
     "Environ {big} réfugiés sont entrés {country_in} depuis le {date}, selon l'agence des Nations unies pour les "
     "réfugiés."),
    ("Will {leader} attend the G20 summit in {city} on {date}?",
     "{Leader} assistera-t-{g:il|elle} au sommet du G20 à {city} le {date} ?"),
    ("{Leader} spoke by phone with {person}, {role}, about the situation in {country}.",
     "{Leader} a eu un entretien téléphonique avec {person}, {role}, sur la situation {country_in}."),
    # more news without numbers
    ("The International Criminal Court (ICC) has issued an arrest warrant for a former militia leader accused of "
     "war crimes, {person}, a spokesperson for the court, told reporters in {city}.",
     "La Cour pénale internationale (CPI) a délivré un mandat d'arrêt contre un ancien chef de milice accusé de "
     "crimes de guerre, a déclaré {person}, {g:porte-parole|porte-parole} de la Cour, à des journalistes à {city}."),
    ("Inspectors from the International Atomic Energy Agency (IAEA) will visit a nuclear plant in {country} next "
     "week, {person}, {role}, announced {day_on}.",
     "Des inspecteurs de l'Agence internationale de l'énergie atomique (AIEA) se rendront la semaine prochaine "
     "dans une centrale nucléaire {country_in}, a annoncé {day} {person}, {role}."),
    ("Europol, the European Union's police agency, announced {day_on} the arrest in {city} of {person}, a former "
     "{job}, as part of a money-laundering investigation.",
     "Europol, l'agence de police de l'Union européenne, a annoncé {day} l'arrestation à {city} {person_de}, "
     "{g:ancien|ancienne} {job}, dans le cadre d'une enquête pour blanchiment d'argent."),
    ("The Organisation for Economic Co-operation and Development (OECD) now expects growth of {growth} in {country} this year, down from {growth_before} "
     "in its previous forecast.",
     "L'Organisation de coopération et de développement économiques (OCDE) table désormais sur une croissance de {growth} {country_in} cette année, "
     "contre {growth_before} dans sa précédente prévision."),
    ("{person}, {role}, rejected the accusations {day_on}, calling them “baseless and defamatory”, and said "
     "{g:he|she} would take legal action.",
     "{person}, {role}, a rejeté {day} ces accusations, qu'{g:il|elle} a qualifiées de « dénuées de fondement et "
     "diffamatoires », et a annoncé son intention de saisir la justice."),
    ("Negotiations between the government and the nurses' union broke down late {day_on}, and {person}, {role}, "
     "warned that hospitals in {city} could face strikes.",
     "Les négociations entre le gouvernement et le syndicat des infirmières ont échoué {day} en fin de journée, "
     "et {person}, {role}, a averti que les hôpitaux {city_de} pourraient être touchés par des grèves."),
    ("{Leader} called for an immediate ceasefire during a visit to {city}, where {person}, {role}, urged a return "
     "to dialogue.",
     "{Leader} a appelé à un cessez-le-feu immédiat lors d'une visite à {city}, au cours de laquelle {person}, "
     "{role}, a plaidé pour la reprise du dialogue."),
    ("Opposition parties in {country} have accused the government of trying to muzzle the press after the arrest "
     "of the journalist {person} in {city}.",
     "{Country_in}, les partis d'opposition accusent le gouvernement de vouloir museler la presse après "
     "l'arrestation {g:du journaliste|de la journaliste} {person} à {city}."),
    ("Should {country} bring back compulsory military service? {person}, {role}, believes it should.",
     "Faut-il rétablir le service militaire obligatoire {country_in} ? {person}, {role}, en est "
     "{g:convaincu|convaincue}."),
    ("The fire, which started in a restaurant kitchen on {street} Street in {city}, quickly spread to neighbouring "
     "buildings, fire department spokesperson {person} said.",
     "L'incendie, qui s'est déclaré dans la cuisine d'un restaurant de la rue {street}, à {city}, s'est "
     "rapidement propagé aux immeubles voisins, a indiqué {person}, porte-parole du service d'incendie."),
    ("{person} has been appointed director of the museum of modern art in {city}, succeeding {person2}, who had "
     "held the post for many years.",
     "{person} a été {g:nommé|nommée} à la tête du musée d'art moderne {city_de}, où {g:il|elle} succède à "
     "{person2}, en poste depuis de longues années."),
    ("Farmers blocked several motorways around {city} {day_on} to protest against falling prices, said {person}, "
     "who heads the regional farmers' union.",
     "Des agriculteurs ont bloqué {day} plusieurs autoroutes autour {city_de} pour protester contre la baisse des "
     "prix, a expliqué {person}, qui dirige le syndicat agricole régional."),
    ("The new law, which comes into force next year, requires landlords in {city} to register their properties "
     "with the city, {person}, {role}, explained.",
     "La nouvelle loi, qui entrera en vigueur l'an prochain, oblige les propriétaires {city_de} à déclarer leurs "
     "logements auprès de la ville, a expliqué {person}, {role}."),
    ("{person} has signed with {team}, ending months of speculation about {g:his|her} future.",
     "{person} s'est {g:engagé|engagée} avec {team}, mettant fin à des mois de spéculations sur son avenir."),
    ("The coach of {team} was sacked {day_on} after a string of poor results, and {person} will take charge of the "
     "team until the end of the season.",
     "L'entraîneur {team_de} a été limogé {day} après une série de mauvais résultats, et {person} dirigera "
     "l'équipe jusqu'à la fin de la saison."),
    ("{person}, whose paintings are inspired by the landscapes of {country}, is showing {g:his|her} latest work "
     "at a gallery in {city} until the end of the month.",
     "{person}, dont les tableaux s'inspirent des paysages {country_of}, expose ses dernières œuvres dans une "
     "galerie {city_de} jusqu'à la fin du mois."),
    ("The organisers of the festival in {city} have cancelled the outdoor concerts planned for {day} because of "
     "the storm warning, {person} said.",
     "Les organisateurs du festival {city_de} ont annulé les concerts en plein air prévus {day} en raison de "
     "l'alerte à la tempête, a indiqué {person}."),
    ("Astronomers at the University of {city} say they have detected water vapour in the atmosphere of a distant "
     "planet, a discovery that {person} called “extraordinary”.",
     "Des astronomes de l'université {city_de} affirment avoir détecté de la vapeur d'eau dans l'atmosphère d'une "
     "planète lointaine, une découverte jugée « extraordinaire » par {person}."),
    ("Why do some people never catch the flu? A team led by {person} in {city} thinks it has found part of the "
     "answer.",
     "Pourquoi certaines personnes n'attrapent-elles jamais la grippe ? Une équipe dirigée par {person} à {city} "
     "pense avoir trouvé une partie de la réponse."),
    ("The health ministry has opened an investigation after a patient died in the emergency room of a hospital "
     "in {city} while waiting to be seen, {person}, {role}, confirmed.",
     "Le ministère de la Santé a ouvert une enquête après la mort d'un patient aux urgences d'un hôpital "
     "{city_de}, alors qu'il attendait d'être pris en charge, a confirmé {person}, {role}."),
    ("The former minister {person} was acquitted {day_on} of all charges of corruption and influence peddling by "
     "the criminal court in {city}.",
     "{g:L'ancien ministre|L'ancienne ministre} {person} a été {g:relaxé|relaxée} {day} de toutes les accusations "
     "de corruption et de trafic d'influence par le tribunal correctionnel {city_de}."),
    ("Prosecutors in {city} have opened an investigation into {company} over suspected tax fraud, the company's "
     "lawyer, {person}, confirmed.",
     "Le parquet {city_de} a ouvert une enquête visant {company} pour fraude fiscale présumée, a confirmé {person}, "
     "{g:avocat|avocate} de l'entreprise."),
    ("Residents of the {street} neighbourhood in {city} are demanding more police patrols after a series of "
     "break-ins, {person}, {role}, said {day_on}.",
     "Les habitants du quartier {street}, à {city}, réclament davantage de patrouilles de police après une série "
     "de cambriolages, a indiqué {day} {person}, {role}."),
    ("{person}, a volunteer at the food bank in {city}, says demand has never been so high: “We see new families "
     "every week.”",
     "{person}, {g:bénévole|bénévole} à la banque alimentaire {city_de}, affirme que la demande n'a jamais été "
     "aussi forte : « Nous voyons arriver de nouvelles familles chaque semaine. »"),
    ("{Leader} arrived in {city} {day_on} for an official visit focused on energy cooperation with {country}.",
     "{Leader} est {g:arrivé|arrivée} {day} à {city} pour une visite officielle consacrée à la coopération "
     "énergétique avec {country}."),
    ("Thousands of people took to the streets of {city} {day_on} to protest against the plan to raise the "
     "retirement age, which {person}, {role}, called “a historic mobilisation”.",
     "Des milliers de personnes sont descendues {day} dans les rues {city_de} pour protester contre le projet de "
     "report de l'âge de départ à la retraite, une « mobilisation historique » selon {person}, {role}."),
    ("The foreign ministry of {country} has summoned the ambassador of {country2} to protest against what it "
     "called “unacceptable interference”, spokesperson {person} said {day_on}.",
     "Le ministère des Affaires étrangères {country_of} a convoqué l'ambassadeur {country2_of} pour protester "
     "contre ce qu'il a qualifié d'« ingérence inacceptable », a indiqué {day} {g:son porte-parole|sa "
     "porte-parole}, {person}."),
    ("The merger between {company} and {company2} still has to be approved by the competition authorities in "
     "{country}, {person}, {role}, said.",
     "La fusion entre {company} et {company2} doit encore être approuvée par les autorités de la concurrence "
     "{country_in}, a précisé {person}, {role}."),
    ("Small businesses in {city} say they are struggling to recruit staff, and {person}, who runs a restaurant in "
     "the city centre, has had to cut {g:his|her} opening hours.",
     "Les petites entreprises {city_de} disent peiner à recruter du personnel, et {person}, qui tient un "
     "restaurant du centre-ville, a dû réduire ses horaires d'ouverture."),
    ("After several days of heavy rain, the river burst its banks in {city}, and {person}, {role}, asked residents "
     "of the lower town to leave their homes.",
     "Après plusieurs jours de pluies diluviennes, la rivière est sortie de son lit à {city}, et {person}, {role}, "
     "a demandé aux habitants de la basse ville de quitter leur domicile."),
    ("Beijing and Washington have resumed talks on tariffs, {person}, {role}, told reporters in {city} on {date}.",
     "Pékin et Washington ont repris leurs discussions sur les droits de douane, a déclaré {person}, {role}, aux "
     "journalistes à {city} le {date}."),
]

_FR_SPACE = re.compile(r" ([;:!?»%])|(«) ")
_GENDER = re.compile(r"\{g:([^|{}]*)\|([^{}]*)\}")
_FIELD = re.compile(r"([A-Za-z]+?)(\d?)(?:_(\w+))?")
_GENDERED = ("person", "leader")  # slots whose gender the {g:..|..} markers follow, in this order


def _fr_typography(text: str) -> str:
    return _FR_SPACE.sub(lambda m: NBSP + m.group(1) if m.group(1) else m.group(2) + NBSP, text)


class _Template:
    """A template pair resolved for both genders, with its fields parsed once."""

    __slots__ = ("en", "fields", "fr", "gender_from", "keys")

    def __init__(self, en: str, fr: str) -> None:
        fr = _fr_typography(fr)
        self.en = tuple(_GENDER.sub(r"\1" if g == "m" else r"\2", en) for g in "mf")
        self.fr = tuple(_GENDER.sub(r"\1" if g == "m" else r"\2", fr) for g in "mf")
        names = {f for t in (self.en[0], self.fr[0]) for _, f, _, _ in string.Formatter().parse(t) if f}
        # (field, entity key, slot type, form, capitalised)
        fields = []
        for name in sorted(names):
            m = _FIELD.fullmatch(name)
            if not m or m.group(1).lower() not in _SLOTS:
                raise ValueError(f"unknown slot {name!r} in template {en!r}")
            kind = m.group(1).lower()
            fields.append((name, kind + m.group(2), kind, m.group(3) or "", name[0].isupper()))
        self.fields = tuple(fields)
        keys = sorted({f[1] for f in fields}, key=lambda k: (k not in _GENDERED, k))
        self.keys = tuple(keys)
        self.gender_from = next((k for k in _GENDERED if k in keys), None)


_COMPILED = [_Template(en, fr) for en, fr in _TEMPLATES]


def _has_digits(t: _Template) -> bool:
    probe = random.Random(0)
    return any(_DIGITS.search(_fill(t, probe)[0]) for _ in range(5))


def _fill(t: _Template, rng: random.Random) -> tuple[str, str]:
    g = "f" if rng.random() < 0.5 else "m"
    ents: dict[str, Slot] = {}
    seen: dict[str, set[str]] = {}
    for key in t.keys:
        kind = key.rstrip("0123456789")
        # a second person or leader has a gender of its own
        own = g if key == t.gender_from or kind not in _GENDERED else ("f" if rng.random() < 0.5 else "m")
        used = seen.setdefault(kind, set())
        for _ in range(20):  # 'city' and 'city2' differ
            ent = _SLOTS[kind](rng, own)
            first = next(iter(ent.values()))[0]
            if first not in used:
                break
        used.add(first)
        if key == t.gender_from and "_g" in ent:
            g = ent["_g"][0]
        ents[key] = ent
    en_vals: dict[str, str] = {}
    fr_vals: dict[str, str] = {}
    for name, key, _kind, form, cap in t.fields:
        en, fr = ents[key][form]
        if cap:
            en, fr = _cap(en), _cap(fr)
        en_vals[name], fr_vals[name] = en, fr
    i = 0 if g == "m" else 1
    s = t.en[i].format_map(en_vals).replace("'", "’")
    tgt = t.fr[i].format_map(fr_vals).replace("'", "’")
    return _cap(s), _cap(tgt)


_DIGITS = re.compile(r"\d+(?![^\W\d_])")


def _change_number(t: str, rng: random.Random) -> str:
    runs = list(_DIGITS.finditer(t))
    m = rng.choice(runs)
    old = int(m.group())
    new = old + rng.choice((1, 2, 3, 5, 10)) if old < 10 or rng.random() < 0.5 else max(1, old - rng.randint(1, 9))
    return t[:m.start()] + str(new) + t[m.end():]


_NUMERIC = [t for t in _COMPILED if _has_digits(t)]
_PLAIN = [t for t in _COMPILED if not _has_digits(t)]


def make_labelled_pairs(n: int, seed: int = 13) -> Iterator[tuple[str, str, str]]:
    """``make_pairs`` with each pair's kind: "clean" or the planted problem
    ("number", "identical", "truncated", "empty")."""
    rng = random.Random(seed)
    for _ in range(n):
        s, t = _fill(rng.choice(_NUMERIC if rng.random() < NUMBER_SHARE else _PLAIN), rng)
        r = rng.random()
        kind = "clean"
        if r < PLANT_NUMBER:
            while not _DIGITS.search(t):  # a pair with a number to change
                s, t = _fill(rng.choice(_NUMERIC), rng)
            t, kind = _change_number(t, rng), "number"
        elif r < PLANT_NUMBER + PLANT_IDENTICAL:
            t, kind = s, "identical"
        elif r < PLANT_NUMBER + PLANT_IDENTICAL + PLANT_TRUNCATED:
            words = t.split(" ")
            t, kind = " ".join(words[:max(1, round(len(words) * 2 / 3))]), "truncated"
        elif r < PLANT_NUMBER + PLANT_IDENTICAL + PLANT_TRUNCATED + PLANT_EMPTY:
            t, kind = "", "empty"
        yield s, t, kind


def make_pairs(n: int, seed: int = 13) -> Iterator[tuple[str, str]]:
    """``n`` (English, French) news sentence pairs, the same for a seed; streamed."""
    for s, t, _ in make_labelled_pairs(n, seed):
        yield s, t


def write_tsv(path: Path, n: int, seed: int = 13) -> None:
    """Write ``n`` pairs as ``src<TAB>tgt`` lines (UTF-8)."""
    with Path(path).open("w", encoding="utf-8") as out:
        out.writelines(f"{s}\t{t}\n" for s, t in make_pairs(n, seed))


def distinct_fraction(path: Path) -> tuple[int, float]:
    """(lines, fraction of distinct lines) of a TSV, keeping 8-byte hashes only."""
    seen: set[bytes] = set()
    lines = 0
    with Path(path).open("rb") as f:
        for line in f:
            lines += 1
            seen.add(hashlib.blake2b(line, digest_size=8).digest())
    return lines, (len(seen) / lines if lines else 1.0)


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3) or not argv[0].isdigit():
        print("usage: python scripts/bench_corpus.py N OUT.tsv [SEED]", file=sys.stderr)
        return 2
    n, path = int(argv[0]), Path(argv[1])
    write_tsv(path, n, int(argv[2]) if len(argv) == 3 else 13)
    lines, frac = distinct_fraction(path)
    print(f"wrote {lines} pairs to {path}; distinct pairs: {frac:.2%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
