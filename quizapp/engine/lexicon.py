"""Small word lists the fact finder needs to tell what kind of name a name is.

They are deliberately general (countries, nationalities, common given names,
organisation words), not lists of the sample corpus's answers.
"""
from __future__ import annotations

import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]

COUNTRIES = {
    "Afghanistan", "Albania", "Algeria", "Argentina", "Armenia", "Australia", "Austria",
    "Azerbaijan", "Belarus", "Belgium", "Bolivia", "Brazil", "Britain", "Bulgaria", "Canada",
    "Chile", "China", "Colombia", "Cuba", "Czechoslovakia", "Denmark", "Egypt", "England",
    "Estonia", "Ethiopia", "Finland", "France", "Georgia", "Germany", "East Germany",
    "West Germany", "Nazi Germany", "GDR", "Greece", "Hungary", "India", "Indonesia", "Iran",
    "Iraq", "Ireland", "Israel", "Italy", "Japan", "Kazakhstan", "Korea", "North Korea",
    "South Korea", "Latvia", "Lithuania", "Mexico", "Mongolia", "Netherlands", "Holland",
    "Nicaragua", "Norway", "Pakistan", "Peru", "Poland", "Portugal", "Romania", "Russia",
    "Soviet Russia", "Scotland", "Serbia", "Spain", "Sweden", "Switzerland", "Turkey",
    "Ukraine", "United Kingdom", "United States", "USA", "U.S.", "US", "USSR", "Soviet Union",
    "Vietnam", "Wales", "Yugoslavia", "America",
    "Philippines", "Indonesia", "Thailand", "Malaysia", "Singapore", "Myanmar", "Burma", "Cambodia", "Laos",
    "Taiwan", "Bangladesh", "Sri Lanka", "Nepal", "New Zealand", "South Africa", "Nigeria", "Kenya", "Ghana",
    "Morocco", "Tunisia", "Libya", "Sudan", "Tanzania", "Uganda", "Somalia", "Madagascar", "Mozambique",
    "Zimbabwe", "Zambia", "Angola", "Congo", "Senegal", "Mali", "Chad", "Saudi Arabia", "Syria", "Lebanon",
    "Jordan", "Kuwait", "Qatar", "Yemen", "Oman", "Cyprus", "Malta", "Iceland", "Luxembourg", "Croatia",
    "Slovakia", "Slovenia", "Czech Republic", "Bosnia", "Montenegro", "Moldova", "Uzbekistan", "Kyrgyzstan",
    "Tajikistan", "Turkmenistan", "Panama", "Costa Rica", "Guatemala", "Honduras", "El Salvador",
    "Venezuela", "Ecuador", "Uruguay", "Paraguay", "Jamaica", "Haiti", "New Guinea", "Papua New Guinea",
}
# Other names of the same country: a typed answer accepts each (GDR = East Germany).
PLACE_ALIASES = [
    {"GDR", "East Germany", "German Democratic Republic", "DDR"},
    {"West Germany", "FRG", "Federal Republic of Germany"},
    {"USSR", "Soviet Union", "U.S.S.R."},
    {"United States", "USA", "US", "U.S.", "America", "United States of America"},
    # (Britain is not the United Kingdom: Roman Britain, Britain before 1707, Great Britain without Northern Ireland)
    {"United Kingdom", "UK", "U.K."},
    {"Britain", "Great Britain"},
    {"North Korea", "DPRK"},
    {"New York", "New York City", "NYC"},
]
# A country with the words for its people ('the USA' and 'Americans'): one in a stem gives the other away.
PEOPLE_OF_COUNTRY = {
    "United States": {"American", "Americans"}, "China": {"Chinese"}, "Germany": {"German", "Germans"},
    "France": {"French", "Frenchmen"}, "Italy": {"Italian", "Italians"}, "Japan": {"Japanese"},
    "Britain": {"British", "Britons", "English", "Englishmen"}, "Russia": {"Russian", "Russians"},
    "Spain": {"Spanish", "Spaniards"}, "Finland": {"Finnish", "Finns"}, "Sweden": {"Swedish", "Swedes"},
    "Austria": {"Austrian", "Austrians"}, "Poland": {"Polish", "Poles"}, "Korea": {"Korean", "Koreans"},
    "Canada": {"Canadian", "Canadians"}, "Mexico": {"Mexican", "Mexicans"}, "Hungary": {"Hungarian", "Hungarians"},
    "Czechoslovakia": {"Czech", "Czechs"}, "Greece": {"Greek", "Greeks"}, "Norway": {"Norwegian", "Norwegians"},
    "Denmark": {"Danish", "Danes"}, "Ireland": {"Irish"}, "Bulgaria": {"Bulgarian", "Bulgarians"},
    "Romania": {"Romanian", "Romanians"}, "Turkey": {"Turkish", "Turks"}, "Ukraine": {"Ukrainian", "Ukrainians"},
    "Soviet Union": {"Soviet"}, "Netherlands": {"Dutch", "Dutchman", "Dutchmen"}, "Holland": {"Dutch", "Dutchman", "Dutchmen"},
}
# Cities and regions: kept short and general; the fact finder also learns places
# from prepositions ("in X", "near X") when a name is not otherwise classified.
CITIES = {
    "Moscow", "Leningrad", "Petrograd", "Kiev", "Kharkov", "Stalingrad", "Magnitogorsk",
    "Kuznetsk", "Berlin", "Paris", "London", "Vienna", "Prague", "Rome", "Madrid", "Warsaw",
    "Helsinki", "Stockholm", "Tokyo", "Beijing", "Washington", "New York", "Chicago",
    "Odessa", "Minsk", "Baku", "Tbilisi", "Sverdlovsk", "Gorky", "Novosibirsk",
}
# Cities a sentence may open with, whose capital a stem keeps ('Venice alone had …'); for casing only, not
# for the kinds of options (CITIES above).
WORLD_CITIES = frozenset("""Venice Florence Milan Naples Genoa Turin Rome Paris Lyon Marseille London Manchester
    Liverpool Birmingham Edinburgh Glasgow Dublin Belfast Amsterdam Rotterdam Antwerp Bruges Brussels Lisbon Seville
    Barcelona Madrid Berlin Hamburg Munich Cologne Frankfurt Mainz Nuremberg Strasbourg Vienna Prague Budapest Krakow
    Warsaw Athens Constantinople Istanbul Alexandria Cairo Baghdad Damascus Jerusalem Tehran Delhi Mumbai Bombay
    Calcutta Kolkata Beijing Shanghai Canton Guangzhou Kyoto Tokyo Osaka Edo Seoul Manila Jakarta Batavia Singapore
    Sydney Melbourne Boston Philadelphia Chicago Toronto Montreal Quebec Havana Lima Cusco Mexico Moscow Leningrad
    Stockholm Copenhagen Oslo Helsinki Haarlem Leiden Delft Utrecht Ghent Bologna Padua Pisa Siena Verona""".split())
REGIONS = {
    "Siberia", "Urals", "Europe", "Asia", "Africa", "Kuzbass", "Donbas", "Don Basin",
    "Baltic", "Caucasus", "Crimea",
}
PLACES = CITIES | REGIONS
# The last word of a name of a place ('Gatun Lake', 'the Culebra Cut', 'the Great Barrier Reef'),
# or the first, before 'of' or a name ('Isthmus of Panama', 'Lake Victoria', 'Mount Everest').
PLACE_HEADS = {"Canal", "Lake", "Dam", "River", "Ocean", "Sea", "Bay", "Gulf", "Island", "Islands", "Mountains",
                "Mountain", "Strait", "Straits", "Reef", "Cut", "Valley", "Desert", "Peninsula", "Coast", "Zone",
                "Falls", "Harbor", "Harbour", "Basin", "Channel", "Plateau", "Glacier", "Forest", "Delta",
                "Province", "County", "Region", "Territory", "Street", "Square", "Bridge", "Park",
                # ('the Albert Embankment', 'the Albert Dock': a place named after someone is no person)
                "Embankment", "Dock", "Docks", "Road", "Avenue", "Quay", "Wharf", "Pier", "Gardens", "Marsh",
                "Fjord", "Crescent", "Terrace",
                # ('Mariana Trench', 'San Andreas Fault', 'Mid-Atlantic Ridge': features of the Earth, no people)
                "Trench", "Fault", "Ridge", "Rise", "Rift", "Volcano", "Crater", "Lagoon", "Atoll", "Cove", "Fjords"}
PLACE_LEADS = {"Lake", "Mount", "Isthmus", "Gulf", "Cape", "Strait", "Straits", "Bay", "Sea", "Port", "Fort",
                "Mont", "Lac", "Rio"}
NATIONALITIES = {
    "American", "Austrian", "British", "Bulgarian", "Canadian", "Chinese", "Czech", "Danish",
    "Dutch", "English", "Estonian", "Finnish", "French", "German", "Greek", "Hungarian",
    "Irish", "Italian", "Japanese", "Jewish", "Korean", "Latvian", "Lithuanian", "Mexican",
    "Norwegian", "Polish", "Portuguese", "Romanian", "Russian", "Scottish", "Serbian",
    "Soviet", "Spanish", "Swedish", "Swiss", "Turkish", "Ukrainian", "Welsh", "Western",
}
NATIONALITY_PLURALS = {
    "Americans", "Austrians", "Britons", "Bulgarians", "Canadians", "Chinese", "Czechs",
    "Danes", "Englishmen", "Estonians", "Finns", "French", "Germans", "Greeks", "Hungarians",
    "Irish", "Italians", "Japanese", "Koreans", "Latvians", "Lithuanians", "Mexicans",
    "Norwegians", "Poles", "Romanians", "Russians", "Scots", "Serbs", "Spaniards", "Swedes",
    "Turks", "Ukrainians",
}
POLITICAL_GROUPS_SUFFIXES = ("ists", "ites", "viks", "ians")  # Trotskyists, Mensheviks ...

ORG_WORDS = {
    "Party", "Congress", "Corporation", "Commission", "Council", "Committee", "Committees",
    "Colony", "International", "Internationals", "Bookshop", "Commissariat", "Commissariats",
    "University", "Academy", "Institute", "Society", "League", "Company", "Bank", "Trust",
    "Union", "Unions", "Opposition", "Army", "Court", "Ministry", "Bureau", "Agency",
    "Association", "Federation", "Workers of the World", "Embassy", "Plant", "Combine",
    "Railway", "cooperative", "Trials", "Trial", "Authority", "Department", "Foundation",
    "Organization", "Organisation", "Administration", "Service",
}
PERSON_TITLES = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "President", "Secretary", "Comrade", "Czar", "Tsar",
    "General", "Marshal", "Commissar", "Deputy", "Chairman", "Premier", "Minister", "Mayor", "Governor",
    "Chancellor", "Bishop", "Archbishop", "Admiral", "Captain", "Colonel", "Judge", "Senator",
}
# Common given names (general English/European usage) to recognise "First Last".
GIVEN_NAMES = {
    "Adam", "Albert", "Alexander", "Alfred", "Andrew", "Anna", "Anne", "Arthur", "Benjamin",
    "Boris", "Carl", "Charles", "Daniel", "David", "Edward", "Einde", "Elizabeth", "Emma",
    "Ernst", "Frank", "Franz", "Fritz", "Friedrich", "George", "Georg", "Harry", "Heinrich",
    "Helen", "Henry", "Hans", "Ivan", "Jack", "Jacob", "James", "Jane", "Johann", "John",
    "Joseph", "Karl", "Kurt", "Lee", "Leon", "Leo", "Lev", "Louis", "Margaret", "Maria",
    "Mary", "Max", "Michael", "Mikhail", "Nikolai", "Nicholas", "Oswald", "Otto", "Paul",
    "Peter", "Richard", "Robert", "Rosa", "Samuel", "Sergei", "Svetlana", "Thomas", "Victor",
    "Vladimir", "Walter", "William", "Wilhelm", "Zara", "Joe", "Josef", "Viktor", "Yuri",
    # more common given names of English, French, German, Italian and Spanish
    "Alice", "Ann", "Antoine", "Antonio", "Barbara", "Catherine", "Charlotte", "Christopher", "Clara",
    "Dorothy", "Edith", "Eleanor", "Emily", "Emil", "Ernest", "Eugene", "Francis", "François", "Frederick",
    "Giovanni", "Giuseppe", "Grace", "Hannah", "Harold", "Henri", "Howard", "Hugh", "Isaac", "Jacques",
    "Jean", "Jeanne", "Juan", "Julia", "Katherine", "Laura", "Leland", "Lucy", "Luis", "Marie", "Martha",
    "Martin", "Matthew", "Pierre", "Ralph", "Rebecca", "Rachel", "Sarah", "Stephen", "Susan", "Theodore",
    "Timothy",
}
# Widely known single-name historical figures (so "Stalin" alone is a person).
# World-famous buildings, institutions and sites, with the city or the country anyone can tell from
# them ('enrolled at the Sorbonne' gives Paris; 'Pompeii and Herculaneum' give Vesuvius and Italy).
LANDMARK_PLACES = {
    "Sorbonne": {"Paris", "France"}, "Panthéon": {"Paris", "France"}, "Louvre": {"Paris", "France"},
    "Eiffel Tower": {"Paris", "France"}, "Notre-Dame": {"Paris", "France"}, "Versailles": {"Paris", "France"},
    "Kremlin": {"Moscow", "Russia"}, "Red Square": {"Moscow", "Russia"}, "Hermitage": {"St. Petersburg", "Russia"},
    "Colosseum": {"Rome", "Italy"}, "Vatican": {"Rome", "Italy"}, "Pompeii": {"Mount Vesuvius", "Vesuvius", "Naples", "Italy"},
    "Herculaneum": {"Mount Vesuvius", "Vesuvius", "Naples", "Italy"},
    "Westminster": {"London", "England", "Britain"}, "Big Ben": {"London", "England", "Britain"},
    "Buckingham Palace": {"London", "England", "Britain"}, "Oxford University": {"Oxford", "England"},
    "British Museum": {"London", "England", "Britain"}, "British Library": {"London", "England", "Britain"},
    "Tower of London": {"London", "England", "Britain"}, "Académie": {"Paris", "France"},
    "Académie française": {"Paris", "France"}, "Smithsonian": {"Washington", "Washington, D.C."},
    "Cambridge University": {"Cambridge", "England"}, "Brandenburg Gate": {"Berlin", "Germany"},
    "Reichstag": {"Berlin", "Germany"}, "White House": {"Washington", "Washington, D.C."},
    "Capitol": {"Washington", "Washington, D.C."}, "Wall Street": {"New York", "New York City"},
    "Statue of Liberty": {"New York", "New York City"}, "Harvard": {"Cambridge", "Boston", "Massachusetts"},
    "Golden Gate": {"San Francisco", "California"}, "Hollywood": {"Los Angeles", "California"},
    "Ring of Fire": {"Pacific", "Pacific Ocean"},
    "Suez Canal": {"Mediterranean", "Mediterranean Sea", "Red Sea", "Egypt"},
    "Panama Canal": {"Panama", "Atlantic", "Atlantic Ocean", "Pacific", "Pacific Ocean"},
    "Acropolis": {"Athens", "Greece"}, "Parthenon": {"Athens", "Greece"}, "Pyramids of Giza": {"Cairo", "Egypt"},
    "Taj Mahal": {"Agra", "India"}, "Forbidden City": {"Beijing", "China"}, "Great Wall": {"China"},
}
FAMOUS_PEOPLE = {
    "Nicholas II", "Alexander II", "Alexander III", "Peter the Great", "Catherine the Great",
    "Stalin", "Lenin", "Trotsky", "Marx", "Engels", "Hitler", "Churchill", "Roosevelt",
    "Mussolini", "Molotov", "Kalinin", "Bukharin", "Zinoviev", "Kamenev", "Plekhanov",
    "Nero", "Petronius", "Khrushchev", "Brezhnev", "Gorbachev", "Lincoln", "Napoleon",
    "Washington", "Jefferson", "Kennedy", "Nixon", "Bismarck",
}


# The last word of a name of a made thing, a building or a law ('the Hubble Space Telescope', 'the Mount Wilson
# Observatory'): never a person, and not what tells a place's name from others.
THING_HEADS = frozenset({"Telescope", "Observatory", "Shuttle", "Station", "Satellite", "Probe", "Spacecraft", "Ship",
                         "Tower", "Building", "Bridge", "Prize", "Medal", "Award", "Law", "Laws", "Act", "Treaty",
                         "Museum", "Library", "Stadium", "Hall", "Memorial", "Monument", "Hospital", "Laboratory"})

# Words that make a place's name from another ('New York', 'North Korea', 'Greater London'): not what tells
# one place from another, and never a common word before a place's name.
PLACE_MODIFIERS = frozenset({"New", "Old", "Great", "Greater", "Little", "Upper", "Lower", "North", "South", "East",
                             "West", "Northern", "Southern", "Eastern", "Western", "Central"})

# Bodies named by a common word, capitalised as names wherever they stand ('Congress also fixed …').
# Names of policies and doctrines every history course teaches: a quoted phrase holding one is answered
# from the course, not the passage ('his policy of “forced collectivization” – which took a toll of
# millions of peasant lives – …')
FAMOUS_DOCTRINES = re.compile(
    r"(?i)\b(?:collectivi[sz]ation|socialism in one country|permanent revolution|new economic policy|"
    r"five[- ]year plan|great leap forward|cultural revolution|perestroika|glasnost|apartheid|new deal|"
    r"manifest destiny|iron curtain|final solution|containment|appeasement|lebensraum|blitzkrieg|"
    r"détente|detente|laissez[- ]faire|divine right|dictatorship of the proletariat)\b")
INSTITUTIONS = {"Congress", "Parliament", "Senate", "Duma", "Reichstag", "Politburo", "Sovnarkom", "Comintern"}


def is_famous(name: str) -> bool:
    """A name general knowledge tells apart: one of FAMOUS_PEOPLE, by itself or with a given name
    ('Abraham Lincoln', 'Theodore Roosevelt')."""
    tokens = name.split()
    return name in FAMOUS_PEOPLE or len(tokens) >= 2 and tokens[-1] in FAMOUS_PEOPLE
# Years of death of the famous people above, where general knowledge has them: a date "under
# Lenin" after 1924 is refuted without the text.
DEATH_YEARS = {
    "Nicholas II": 1918, "Alexander II": 1881, "Alexander III": 1894, "Stalin": 1953, "Lenin": 1924,
    "Trotsky": 1940, "Marx": 1883, "Engels": 1895, "Hitler": 1945, "Churchill": 1965, "Roosevelt": 1945,
    "Mussolini": 1945, "Molotov": 1986, "Kalinin": 1946, "Bukharin": 1938, "Zinoviev": 1936,
    "Kamenev": 1936, "Plekhanov": 1918, "Khrushchev": 1971, "Brezhnev": 1982, "Lincoln": 1865, "Napoleon": 1821,
}
# Words written with a capital that are not names.
NOT_NAMES = {
    "I", "The", "A", "An", "In", "On", "At", "By", "Of", "For", "From", "To", "With", "But",
    "Near", "Along", "Beyond", "Across", "Inside", "Outside", "Beneath", "Among", "Around", "Through", "Behind",
    "Beside", "Within",
    "And", "Or", "If", "As", "It", "He", "She", "They", "We", "You", "This", "That", "These",
    "Those", "There", "Here", "When", "Where", "What", "Which", "Who", "Why", "How", "Some",
    "Many", "Most", "All", "Any", "Each", "Every", "No", "Not", "Yes", "Between", "After",
    "Before", "During", "Since", "Until", "Under", "Over", "Despite", "Although", "Because",
    "Thus", "Then", "Now", "Even", "Only", "Also", "Similarly", "However", "Nevertheless",
    "Nonetheless", "Therefore", "Meanwhile", "Subsequently", "Presumably", "Predictably",
    "Unquestionably", "Undoubtedly", "Apparently", "Precisely", "Indeed", "Above", "Below",
    "Comrades", "Spring", "Summer", "Autumn", "Winter", "Communism", "Socialism", "Laughter",
    "Idem", "Similar", "Such", "Another", "Other", "Several", "Few", "Both", "Either",
    "Neither", "One", "Two", "Three", "First", "Second", "Third", "Later", "Soon", "Western",
    "Devil", "Draconic", "Philistines", "Workers", "Floors", "Delicate", "Remnants", "Horrible",
    "Official", "Total", "Average", "Decade", "Years", "Pre", "Plan", "Plans", "Five", "Year",
    "Upstream", "Downstream", "Upriver", "Downriver", "Ahead", "Instead", "Much", "Part", "Out",
}


# Places of events everyone has heard of, with what names the event beside them: the place is known
# from its year ('_____ in Washington State erupted on May 18, 1980').
FAMOUS_EVENT_PLACES = {
    "Mount St. Helens": r"\b1980\b", "Krakatoa": r"\b1883\b", "Vesuvius": r"\b79\b|Pompeii", "Mount Vesuvius": r"\b79\b|Pompeii",
    "Chernobyl": r"\b1986\b", "Pearl Harbor": r"\b1941\b", "Hiroshima": r"\b1945\b", "Nagasaki": r"\b1945\b",
    "Pinatubo": r"\b1991\b", "Mount Pinatubo": r"\b1991\b", "Fukushima": r"\b2011\b",
}


# The years of wars a reader knows: a date after one named in the stem cannot fall within it.
WAR_YEARS = {
    "Second World War": (1939, 1945), "World War II": (1939, 1945), "First World War": (1914, 1918),
    "World War I": (1914, 1918), "Great War": (1914, 1918), "Korean War": (1950, 1953), "Civil War": (1861, 1865),
    "Vietnam War": (1955, 1975),
}

# Words a number follows as a label, not a count: 'Unit 1 entered service in 1985', 'Platform 9', 'Flight 93'
LABEL_WORDS = re.compile(r"Unit|Units|Reactor|Block|Line|Platform|Gate|Terminal|Phase|Stage|Flight|Route|Track|Ward|"
                         r"Room|Building|Pier|Level|Grade|Class|Type|Mark|Model|Chapter|Section|Article|Volume|Part|"
                         r"Pit|Shaft|Dock|Berth|Lock|Bay|Sector|Zone|Division|Battalion|Regiment|Squadron|Engine|Car")
