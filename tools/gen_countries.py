#!/usr/bin/env python3
"""Generate dict/countries.txt, dyad's country and territory actor dictionary.

Usage:  tools/gen_countries.py [--iso PATH] [--out PATH] [--check]   (default out: dict/countries.txt)

The data below is hand-written. The only input is Debian's iso-codes file
(default /usr/share/iso-codes/json/iso_3166-1.json, package "iso-codes"). From it
the script takes each entry's `official_name` and checks that every ISO 3166-1
entry is covered, either by its alpha-3 code or by the CAMEO code that replaces it.

Format: docs/dictionaries.md. Codes follow the CAMEO actor dictionaries
(TABARI CountryInfo.120116, Phoenix.Countries 2014). Where they do not cover a
territory it gets PARENT + ISO alpha-3 (USAGUM-style), the convention those
dictionaries use for most dependencies. Every name is checked for clashes: the
same folded name may not map to two different lines.

--check only validates and prints counts; it writes nothing.
"""
import argparse
import json
import os
import re
import sys
import unicodedata

ISO_DEFAULT = "/usr/share/iso-codes/json/iso_3166-1.json"

ENTRIES = []   # dicts: sort, label, code, iso, lines (list of str)
DISCARDS = []  # (label, [phrases], comment)


def split(s):
    """'A | B+ | C' -> ['A', 'B', 'Bs', 'C']; a trailing '+' adds the plural in -s."""
    out = []
    for part in s.split("|"):
        p = part.strip()
        if not p:
            continue
        if p.endswith("+"):
            out += [p[:-1], p[:-1] + "s"]
        else:
            out.append(p)
    return out


def C(code, label, names="", dem="", cap="", iso=None, notes=(), extra=(),
      discard="", discard_note="", official=True, sort=None):
    """One country or territory section.

    code   CAMEO code used on every line of the section (unless extra says otherwise)
    names  its names; the ISO official name is added unless official=False
    dem    adjectives and people names, flagged {demonym}
    cap    capital city names, flagged {capital}
    notes  '#' comment lines printed under the section header (ambiguity decisions)
    extra  raw dictionary lines appended to the section (date ranges, other codes)
    discard phrases for the discards section (kept out of actor coding)
    """
    ENTRIES.append(dict(code=code, label=label, names=split(names), dem=split(dem),
                        cap=split(cap), iso=iso if iso is not None else code,
                        notes=list(notes), extra=list(extra), official=official,
                        sort=sort or label))
    if discard:
        DISCARDS.append((label, split(discard), discard_note))


# ---------------------------------------------------------------------------
# Countries and territories, one per ISO 3166-1 entry (plus Kosovo), A-Z.
# ---------------------------------------------------------------------------

C("AFG", "Afghanistan", "Afghanistan | Islamic Emirate of Afghanistan", "Afghan+", "Kabul")
C("FINALA", "Aland Islands", "Åland | Åland Islands | Aland | Aland Islands | Aaland Islands",
  cap="Mariehamn", iso="ALA",
  notes=["# CAMEO dictionaries fold Åland into FIN; kept distinct as FIN + ISO (FINALA) so it still rolls up to FIN."])
C("ALB", "Albania", "Albania", "Albanian+", "Tirana | Tiranë",
  notes=["# 'Albanians' also covers ethnic Albanians in Kosovo and North Macedonia; 'Kosovo Albanian' is a longer KSV name."])
C("DZA", "Algeria", "Algeria", "Algerian+", "Algiers")
C("USAASM", "American Samoa", "American Samoa", "American Samoan+", "Pago Pago", iso="ASM",
  notes=["# CAMEO code USAASM (CountryInfo, Phoenix); longer than 'American' and 'Samoa'."])
C("AND", "Andorra", "Andorra", "Andorran+", "Andorra la Vella")
C("AGO", "Angola", "Angola", "Angolan+", "Luanda")
C("AIA", "Anguilla", "Anguilla", "Anguillan+",
  notes=["# CAMEO dictionaries code Anguilla bare AIA (not GBRAIA); kept.",
         "# capital 'The Valley' omitted: an ordinary English phrase."])
C("ATA", "Antarctica", "Antarctica",
  notes=["# no CAMEO code and no state; ISO ATA kept. 'Antarctic' omitted (Antarctic Treaty, Antarctic ice...)."])
C("ATG", "Antigua and Barbuda", "Antigua and Barbuda | Antigua & Barbuda | Antigua", "Antiguan+ | Barbudan+",
  notes=["# capital 'St. John's' omitted: also the capital of Newfoundland and many churches."])
C("ARG", "Argentina", "Argentina", "Argentine+ | Argentinian+ | Argentinean+", "Buenos Aires")
C("ARM", "Armenia", "Armenia", "Armenian+", "Yerevan | Erevan")
C("ABW", "Aruba", "Aruba", "Aruban+", "Oranjestad",
  notes=["# CAMEO dictionaries code Aruba bare ABW (not NLDABW); kept."])
C("AUS", "Australia", "Australia | Commonwealth of Australia", "Australian+ | Aussie+", "Canberra",
  extra=["# regions clearly coded AUS; 'New South Wales' must beat 'Wales' (GBR)",
         "New South Wales | Queensland | Tasmania => AUS",
         "Queenslander | Queenslanders | Tasmanian | Tasmanians => AUS {demonym}"],
  notes=["# capital-like 'Victoria' is not used anywhere in this file (Australian state, Seychelles capital, Lake, first name)."])
C("AUT", "Austria", "Austria", "Austrian+", "Vienna")
C("AZE", "Azerbaijan", "Azerbaijan", "Azerbaijani+ | Azeri+", "Baku",
  notes=["# Nagorno-Karabakh not coded: its actors were Armenian separatists, not AZE."])
C("BHS", "Bahamas", "Bahamas | Commonwealth of The Bahamas", "Bahamian+", "Nassau",
  notes=["# 'Nassau' kept (the US 'Nassau County' is discarded below)."],
  discard="Nassau County")
C("BHR", "Bahrain", "Bahrain", "Bahraini+", "Manama")
C("BGD", "Bangladesh", "Bangladesh", "Bangladeshi+", "Dhaka | Dacca")
C("BRB", "Barbados", "Barbados", "Barbadian+ | Bajan+", "Bridgetown")
C("BLR", "Belarus", "Belarus | Byelorussia | Belorussia | Belarussia",
  "Belarusian+ | Belarussian+ | Byelorussian+ | Belorussian+", "Minsk",
  notes=["# the Minsk agreements/Group concern Ukraine and Karabakh, not BLR: discarded below."],
  discard="Minsk agreement | Minsk agreements | Minsk accords | Minsk Protocol | Minsk Group")
C("BEL", "Belgium", "Belgium", "Belgian+", "",
  notes=["# 'Brussels' as a metonym in news means the EU institutions ('London and Brussels'), so it is",
         "# coded as the EU (IGOEUREEC, as in orgs.txt), not BEL, and not flagged {capital}. The Belgian",
         "# government is 'Belgium'. Regions below are clearly BEL."],
  extra=["Brussels => IGOEUREEC",
         "Flanders | Wallonia => BEL",
         "Flemish | Walloon | Walloons => BEL {demonym}"])
C("BLZ", "Belize", "Belize", "Belizean+", "Belmopan")
C("BEN", "Benin", "Benin | Dahomey", "Beninese | Beninois", "Porto-Novo | Porto Novo | Cotonou",
  notes=["# Cotonou is the seat of government, Porto-Novo the official capital. 'Benin City' is in Nigeria: discarded."],
  discard="Benin City | Bight of Benin")
C("BMU", "Bermuda", "Bermuda", "Bermudian+ | Bermudan+",
  notes=["# CAMEO dictionaries code Bermuda bare BMU; kept. Capital 'Hamilton' omitted (surname, other cities)."],
  discard="Bermuda Triangle | Bermuda shorts | Bermuda grass")
C("BTN", "Bhutan", "Bhutan", "Bhutanese", "Thimphu")
C("BOL", "Bolivia", "Bolivia | Republic of Bolivia", "Bolivian+", "La Paz",
  notes=["# seat of government La Paz only; constitutional capital 'Sucre' omitted (surname, Venezuelan state, former currency)."])
C("NLDBES", "Bonaire, Sint Eustatius and Saba",
  "Caribbean Netherlands | BES islands | Bonaire | Sint Eustatius | St. Eustatius | St Eustatius | Statia",
  cap="Kralendijk", iso="BES",
  notes=["# not in the CAMEO dictionaries (created 2010); NLD + ISO. 'Saba' alone omitted (name, Sheba)."])
C("BIH", "Bosnia and Herzegovina",
  "Bosnia and Herzegovina | Bosnia-Herzegovina | Bosnia & Herzegovina | Bosnia | BiH",
  "Bosnian+", "Sarajevo",
  extra=["# Republika Srpska: CAMEO sub-code BIHSRP (Phoenix)",
         "Republika Srpska | Serb Republic => BIHSRP",
         "Bosnian Serb | Bosnian Serbs => BIHSRP {demonym}",
         "Bosnian Croat | Bosnian Croats => BIH {demonym}"])
C("BWA", "Botswana", "Botswana", "Botswanan+ | Motswana | Batswana", "Gaborone")
C("NORBVT", "Bouvet Island", "Bouvet Island | Bouvetøya | Bouvetoya", iso="BVT",
  notes=["# uninhabited Norwegian dependency; NOR + ISO."])
C("BRA", "Brazil", "Brazil | Brasil", "Brazilian+", "Brasília | Brasilia")
C("GBRIOT", "British Indian Ocean Territory",
  "British Indian Ocean Territory | BIOT | Chagos Islands | Chagos Archipelago | Diego Garcia", iso="IOT",
  notes=["# GBR + ISO; not in the CAMEO dictionaries. The UK agreed in 2024-25 to cede the Chagos to Mauritius:",
         "# revisit (a date-ranged MUS code) once the transfer takes effect."])
C("GBRVGB", "British Virgin Islands",
  "British Virgin Islands | BVI | Virgin Islands (British)", cap="Road Town", iso="VGB",
  notes=["# CAMEO code GBRVGB. Bare 'Virgin Islands' omitted: British or US?"])
C("BRN", "Brunei", "Brunei | Brunei Darussalam | Nation of Brunei", "Bruneian+", "Bandar Seri Begawan")
C("BGR", "Bulgaria", "Bulgaria", "Bulgarian+", "Sofia",
  notes=["# 'Sofia' kept although it is also a first name (Sofia Coppola...): as a place it is mostly the capital."])
C("BFA", "Burkina Faso", "Burkina Faso | Burkina | Upper Volta", "Burkinabe+ | Burkinabè", "Ouagadougou | Ouaga")
C("BDI", "Burundi", "Burundi", "Burundian+", "Gitega | Bujumbura",
  notes=["# Gitega is the capital since 2019; Bujumbura (former capital, still the main city) is used for both."])
C("CPV", "Cabo Verde", "Cabo Verde | Cape Verde", "Cape Verdean+ | Cabo Verdean+", "Praia")
C("KHM", "Cambodia", "Cambodia | Kampuchea", "Cambodian+", "Phnom Penh",
  notes=["# 'Khmer' omitted: language and the Khmer Rouge."])
C("CMR", "Cameroon", "Cameroon", "Cameroonian+", "Yaoundé | Yaounde")
C("CAN", "Canada", "Canada", "Canadian+", "Ottawa",
  extra=["Quebec | Québec => CAN",
         "Quebecer | Quebecers | Quebecker | Quebeckers | Québécois | Quebecois => CAN {demonym}"])
C("CYM", "Cayman Islands", "Cayman Islands | Caymans | Grand Cayman", "Caymanian+",
  notes=["# CAMEO dictionaries code the Caymans bare CYM; kept. Capital 'George Town' omitted (also Penang)."])
C("CAF", "Central African Republic", "Central African Republic | Centrafrique", cap="Bangui",
  notes=["# 'CAR' omitted (the word 'car'); 'Central African' omitted (the region: Central African states)."])
C("TCD", "Chad", "Chad | Tchad", "Chadian+", "N'Djamena | Ndjamena | N'Djaména",
  notes=["# 'Chad' kept although it is a first name: in world news it is mostly the country. 'Lake Chad' (a",
         "# four-country region) is discarded."],
  discard="Lake Chad | Lake Chad Basin | Lake Chad region")
C("CHL", "Chile", "Chile", "Chilean+", "Santiago de Chile",
  notes=["# bare 'Santiago' omitted: a very common first name (Santiago Peña, Santiago Abascal) and other cities.",
         "# 'chile' the pepper is discarded below."],
  discard="chile pepper | chile peppers | green chile | red chile | chile con carne | chile relleno | chiles rellenos")
C("CHN", "China", "China | People's Republic of China | PRC | P.R.C. | mainland China | Chinese mainland",
  "Chinese", "Beijing | Peking",
  notes=["# 'Chinese' also names ethnic Chinese abroad; accepted. Tibet, Xinjiang and Inner Mongolia are coded CHN as",
         "# in CountryInfo; 'Inner Mongolia' must beat 'Mongolia'. Uyghur/Tibetan exile groups will code CHN too."],
  extra=["Tibet | Xinjiang | Inner Mongolia => CHN",
         "Tibetan | Tibetans | Uighur | Uighurs | Uyghur | Uyghurs | Inner Mongolian | Inner Mongolians => CHN {demonym}"],
  discard="South China Sea | East China Sea | Chinese New Year | Peking duck")
C("AUSCXR", "Christmas Island", "Christmas Island", cap="Flying Fish Cove", iso="CXR",
  notes=["# CountryInfo folds it into AUS; AUS + ISO."])
C("AUSCCK", "Cocos (Keeling) Islands",
  "Cocos (Keeling) Islands | Cocos Islands | Keeling Islands | Cocos and Keeling Islands", iso="CCK",
  notes=["# CountryInfo folds it into AUS; AUS + ISO. Capital 'West Island' omitted."])
C("COL", "Colombia", "Colombia", "Colombian+", "Bogotá | Bogota")
C("COM", "Comoros", "Comoros | Comoro Islands", "Comorian+",
  notes=["# capital 'Moroni' omitted: also a surname and a Book of Mormon name, more frequent than the metonym."])
C("COG", "Congo (Brazzaville)",
  "Republic of the Congo | Republic of Congo | Congo Republic | Congo-Brazzaville | Congo Brazzaville | Congo (Brazzaville)",
  cap="Brazzaville", official=False,
  notes=["# the ISO official name 'Republic of the Congo' is listed; bare 'Congo' and 'Congolese' go to COD (see there)."])
C("COD", "Congo (Kinshasa)",
  "Democratic Republic of the Congo | Democratic Republic of Congo | DR Congo | D.R. Congo | DRC | D.R.C. | "
  "Congo-Kinshasa | Congo Kinshasa | Congo (Kinshasa) | Zaire | Congo",
  "Congolese | Zairean+ | Zairian+", "Kinshasa",
  notes=["# bare 'Congo' -> COD, unlike CountryInfo (COG): AP and Reuters use plain 'Congo' for the DRC and",
         "# 'Republic of Congo'/'Congo Republic' for Brazzaville, whose longer names win. 'Congolese' -> COD as in CountryInfo."])
C("COK", "Cook Islands", "Cook Islands", "Cook Islander+", "Avarua",
  notes=["# CAMEO dictionaries code the Cook Islands bare COK (free association with NZ); kept."])
C("CRI", "Costa Rica", "Costa Rica", "Costa Rican+",
  notes=["# capital 'San José' omitted: San Jose, California is far more frequent in English news."])
C("CIV", "Côte d'Ivoire", "Côte d'Ivoire | Cote d'Ivoire | Ivory Coast", "Ivorian+",
  "Yamoussoukro | Abidjan",
  notes=["# Yamoussoukro is the official capital, Abidjan the seat of government; both are used."])
C("HRV", "Croatia", "Croatia | Hrvatska", "Croatian+ | Croat+", "Zagreb")
C("CUB", "Cuba", "Cuba", "Cuban+", "Havana | La Habana")
C("NLDCUW", "Curaçao", "Curaçao | Curacao", "Curaçaoan+ | Curacaoan+", "Willemstad", iso="CUW",
  notes=["# not in the CAMEO dictionaries (constituent country since 2010); NLD + ISO."])
C("CYP", "Cyprus", "Cyprus", "Cypriot+ | Greek Cypriot+", "Nicosia",
  notes=["# Northern Cyprus has no CAMEO code; its names are coded CYP so that 'Turkish Cypriot' does not become TUR."],
  extra=["Northern Cyprus | North Cyprus | Turkish Republic of Northern Cyprus | TRNC => CYP",
         "Turkish Cypriot | Turkish Cypriots => CYP {demonym}"])
C("CZE", "Czechia", "Czech Republic | Czechia", "Czech+", "",
  notes=["# Prague: Czechoslovakia (CSK, Phoenix dates) until 1992-12-31, then CZE."],
  extra=["Prague => CSK @..1992-12-31; CZE @1993-01-01.. {capital}"])
C("DNK", "Denmark", "Denmark", "Danish | Dane+", "Copenhagen", discard="Danish pastry")
C("DJI", "Djibouti", "Djibouti | Djibouti City", "Djiboutian+")
C("DMA", "Dominica", "Dominica | Commonwealth of Dominica", cap="Roseau", official=False,
  notes=["# its demonym 'Dominican' is left to the Dominican Republic, by far the more frequent referent."])
C("DOM", "Dominican Republic", "Dominican Republic", "Dominican+", "Santo Domingo",
  notes=["# 'Dominican' also means Dominica's people and the religious order; the DR dominates in news."])
C("ECU", "Ecuador", "Ecuador", "Ecuadorian+ | Ecuadorean+", "Quito")
C("EGY", "Egypt", "Egypt", "Egyptian+", "Cairo")
C("SLV", "El Salvador", "El Salvador", "Salvadoran+ | Salvadorean+", "San Salvador")
C("GNQ", "Equatorial Guinea", "Equatorial Guinea", "Equatorial Guinean+ | Equatoguinean+", "Malabo")
C("ERI", "Eritrea", "Eritrea", "Eritrean+", "Asmara")
C("EST", "Estonia", "Estonia", "Estonian+", "Tallinn")
C("SWZ", "Eswatini", "Eswatini | Swaziland", "Swazi+ | Emaswati | Liswati", "Mbabane | Lobamba")
C("ETH", "Ethiopia", "Ethiopia", "Ethiopian+", "Addis Ababa",
  notes=["# 'Addis Ababa' also hosts the African Union; kept as ETH (the AU is named as such)."],
  extra=["Tigray | Oromia => ETH", "Tigrayan | Tigrayans => ETH {demonym}"])
C("GBRFLK", "Falkland Islands",
  "Falkland Islands | Falklands | Malvinas | Islas Malvinas | Falkland Islands (Malvinas)",
  "Falkland Islander+ | Falklander+", "Port Stanley", iso="FLK",
  notes=["# CAMEO code GBRFLK. 'Malvinas' (the Argentine name) names the same islands. Bare 'Stanley' omitted."])
C("DNKFRO", "Faroe Islands", "Faroe Islands | Faroes | Faeroe Islands | Faeroes | Føroyar",
  "Faroese | Faeroese", "Tórshavn | Torshavn", iso="FRO",
  notes=["# CAMEO code DNKFRO."])
C("FJI", "Fiji", "Fiji", "Fijian+", "Suva")
C("FIN", "Finland", "Finland | Suomi", "Finnish | Finns", "Helsinki",
  notes=["# singular 'Finn' omitted: a common first name."])
C("FRA", "France", "France", "French | Frenchman | Frenchmen | Frenchwoman | Frenchwomen", "Paris",
  notes=["# 'Paris' kept; the climate agreement, Paris Hilton and PSG are discarded. 'Paris Club' is an IGO in orgs.txt."],
  extra=["Corsica => FRA", "Corsican | Corsicans => FRA {demonym}"],
  discard="Paris Agreement | Paris climate agreement | Paris climate accord | Paris accord | Paris accords | "
          "Paris Hilton | Paris Saint-Germain | French fries | French toast | French Open | French Quarter | French horn")
C("FRAGUF", "French Guiana", "French Guiana | Guyane | French Guyana", "French Guianese", iso="GUF",
  notes=["# CAMEO code FRAGUF. Capital 'Cayenne' omitted (the pepper)."])
C("FRAPYF", "French Polynesia", "French Polynesia | Tahiti", "French Polynesian+ | Tahitian+", "Papeete",
  iso="PYF", notes=["# CAMEO code FRAPYF."])
C("FRAATF", "French Southern Territories",
  "French Southern Territories | French Southern and Antarctic Lands | TAAF | Kerguelen Islands", iso="ATF",
  notes=["# not in the CAMEO dictionaries; FRA + ISO."])
C("GAB", "Gabon", "Gabon", "Gabonese", "Libreville")
C("GMB", "Gambia", "Gambia | The Gambia", "Gambian+", "Banjul")
C("GEO", "Georgia", "Georgia | Sakartvelo", "Georgian+", "Tbilisi | Tiflis",
  notes=["# 'Georgia' kept for the country although the US state is frequent in US news; common US-state phrases",
         "# are discarded below, the rest is an accepted error source. Abkhazia and South Ossetia are coded GEO",
         "# (internationally recognised borders); 'North Ossetia' is RUS."],
  extra=["Abkhazia | South Ossetia => GEO",
         "Abkhaz | Abkhazian | Abkhazians | South Ossetian | South Ossetians => GEO {demonym}"],
  discard="Georgia Tech | University of Georgia | Georgia State | Georgia Bulldogs | state of Georgia | "
          "Atlanta, Georgia | Atlanta Georgia | Georgia governor | Georgia Gov. | Georgia Senate | Georgia senator | "
          "Georgia Republican | Georgia Republicans | Georgia Democrat | Georgia Democrats | Georgia voters | "
          "Georgia election | Georgia primary | Georgia runoff | Georgia Supreme Court | Georgia secretary of state | "
          "Georgia Power | Georgia-Pacific | Georgia O'Keeffe | North Georgia | South Georgia | Georgian architecture | "
          "Georgian era | Georgian Bay",
  discard_note="US state and other non-country uses; 'South Georgia' alone is also a US region "
               "(the island territory has longer names)")
C("DEU", "Germany", "Germany | Deutschland", "German+", "Berlin",
  notes=["# Bonn was the seat of government until 1999; 'West Germany' is CAMEO DEU (East Germany is DDR, below)."],
  extra=["Bonn => DEU @..1999-08-31 {capital}",
         "West Germany | FRG => DEU @..1990-10-02",
         "West German | West Germans => DEU @..1990-10-02 {demonym}",
         "Bavaria => DEU", "Bavarian | Bavarians => DEU {demonym}"])
C("GHA", "Ghana", "Ghana", "Ghanaian+", "Accra")
C("GBRGIB", "Gibraltar", "Gibraltar", "Gibraltarian+", iso="GIB",
  notes=["# CAMEO code GBRGIB. The Strait is a waterway between Spain and Morocco: discarded."],
  discard="Strait of Gibraltar | Straits of Gibraltar")
C("GRC", "Greece", "Greece | Hellas", "Greek+ | Hellenic", "Athens")
C("DNKGRL", "Greenland", "Greenland | Kalaallit Nunaat", "Greenlandic | Greenlander+", "Nuuk", iso="GRL",
  notes=["# CAMEO code DNKGRL."])
C("GRD", "Grenada", "Grenada", "Grenadian+",
  notes=["# capital 'St. George's' omitted: many churches, schools and towns share it."])
C("FRAGLP", "Guadeloupe", "Guadeloupe", "Guadeloupean+", "Basse-Terre", iso="GLP",
  notes=["# CAMEO code FRAGLP."])
C("USAGUM", "Guam", "Guam", "Guamanian+", "Hagåtña | Hagatna | Agana", iso="GUM",
  notes=["# CAMEO code USAGUM."])
C("GTM", "Guatemala", "Guatemala", "Guatemalan+", "Guatemala City")
C("GGY", "Guernsey", "Guernsey | Bailiwick of Guernsey", "",
  "St Peter Port | St. Peter Port | Saint Peter Port",
  notes=["# CAMEO dictionaries code Guernsey bare GGY; kept (and Jersey, its twin, as JEY)."])
C("GIN", "Guinea", "Guinea | Guinea-Conakry | Guinea Conakry", "Guinean+", "Conakry",
  notes=["# bare 'Guinea' kept: Equatorial Guinea, Guinea-Bissau and Papua New Guinea are longer names;",
         "# 'New Guinea' (the island), the Gulf and guinea pigs are discarded."],
  discard="New Guinea | Gulf of Guinea | guinea pig | guinea pigs | guinea fowl")
C("GNB", "Guinea-Bissau", "Guinea-Bissau | Guinea Bissau", "Bissau-Guinean+ | Bissau Guinean+", "Bissau")
C("GUY", "Guyana", "Guyana | Co-operative Republic of Guyana", "Guyanese",
  notes=["# capital 'Georgetown' omitted: Georgetown University (Washington) dominates."])
C("HTI", "Haiti", "Haiti", "Haitian+", "Port-au-Prince | Port au Prince")
C("AUSHMD", "Heard Island and McDonald Islands",
  "Heard Island and McDonald Islands | Heard and McDonald Islands | Heard Island | McDonald Islands", iso="HMD",
  notes=["# CountryInfo folds it into AUS; AUS + ISO."])
C("VAT", "Holy See", "Holy See | Vatican | Vatican City | Vatican City State", official=False,
  notes=["# VAT (ISO, CAMEO Internatnl). 'Vatican' doubles as the adjective. No separate capital."])
C("HND", "Honduras", "Honduras", "Honduran+", "Tegucigalpa")
C("HKG", "Hong Kong", "Hong Kong | Hongkong | Hong Kong SAR | HKSAR | Hong Kong Special Administrative Region",
  "Hong Konger+ | Hongkonger+",
  notes=["# CAMEO code HKG (not CHNHKG)."],
  extra=["South China Morning Post | SCMP => HKGMED {media}"])
C("HUN", "Hungary", "Hungary", "Hungarian+", "Budapest",
  notes=["# 'Magyar' omitted: also a surname (Péter Magyar). The Budapest Memorandum concerns Ukraine: discarded."],
  discard="Budapest Memorandum")
C("ISL", "Iceland", "Iceland", "Icelandic | Icelander+", "Reykjavik | Reykjavík")
C("IND", "India", "India | Bharat", "Indian+", "New Delhi | Delhi",
  notes=["# 'Delhi' is used as a metonym as often as 'New Delhi'; kept. 'Indian(s)' also means Native Americans:",
         "# the usual phrases are discarded."],
  discard="American Indian | American Indians | Indian Ocean | West Indian | West Indians | Indian Wells | "
          "Cleveland Indians | Indian reservation | Indian Country")
C("IDN", "Indonesia", "Indonesia", "Indonesian+", "Jakarta",
  notes=["# 'Papua' is Indonesia's provinces (Papua New Guinea is a longer name); 'Timor' alone is omitted (shared island)."],
  extra=["Aceh | Papua | West Papua => IDN", "Acehnese | Papuan | Papuans => IDN {demonym}"])
C("IRN", "Iran", "Iran | Persia", "Iranian+", "Tehran | Teheran",
  notes=["# 'Persian' omitted (Persian Gulf, language, cats). Bare 'Islamic Republic' omitted (also Pakistan, Mauritania...)."])
C("IRQ", "Iraq", "Iraq", "Iraqi+", "Baghdad",
  notes=["# Iraqi Kurdistan is IRQ; 'Kurdish' is not coded anywhere (Iraq, Syria, Turkey, Iran)."],
  extra=["Iraqi Kurdistan | Kurdistan Region | Kurdistan Region of Iraq => IRQ"])
C("IRL", "Ireland", "Ireland | Republic of Ireland | Irish Republic | Éire | Eire",
  "Irish | Irishman | Irishmen | Irishwoman", "Dublin",
  notes=["# 'Northern Ireland' and 'Northern Irish' are longer GBR names."])
C("GBRIMY", "Isle of Man", "Isle of Man", "Manx", iso="IMN",
  notes=["# CAMEO code GBRIMY as in CountryInfo/Phoenix (IMY is the pre-2006 code; ISO is now IMN).",
         "# Capital 'Douglas' omitted (first name, surname)."])
C("ISR", "Israel", "Israel", "Israeli+", "Jerusalem",
  notes=["# 'Jerusalem' -> ISR as in CountryInfo; 'East Jerusalem' is a longer PSE name. 'Tel Aviv' is used as a",
         "# metonym by outlets that do not recognise Jerusalem: ISR, not flagged capital."],
  extra=["Tel Aviv => ISR"])
C("ITA", "Italy", "Italy | Italia", "Italian+", "Rome",
  extra=["Sicily | Sardinia | Lampedusa => ITA", "Sicilian | Sicilians | Sardinian | Sardinians => ITA {demonym}"],
  discard="Rome Statute")
C("JAM", "Jamaica", "Jamaica", "Jamaican+",
  notes=["# capital 'Kingston' omitted: Kingston upon Thames, Kingston (Ontario), Norfolk Island, surnames."])
C("JPN", "Japan", "Japan | Nippon", "Japanese", "Tokyo",
  extra=["Okinawa => JPN", "Okinawan | Okinawans => JPN {demonym}"])
C("JEY", "Jersey", "Bailiwick of Jersey | States of Jersey", "", "St Helier | St. Helier | Saint Helier",
  official=False,
  notes=["# bare 'Jersey' omitted: the garment (sports news) and New Jersey. JEY bare like its twin Guernsey (GGY)."])
C("JOR", "Jordan", "Jordan", "Jordanian+", "Amman",
  notes=["# 'Jordan' kept although it is a first name and surname; frequent people and the river are discarded."],
  discard="Michael Jordan | Jim Jordan | Vernon Jordan | Hamilton Jordan | Barbara Jordan | Jordan Bardella | "
          "Jordan Peterson | Jordan Henderson | Jordan Spieth | Jordan River | River Jordan | Jordan Valley")
C("KAZ", "Kazakhstan", "Kazakhstan | Kazakstan", "Kazakh+ | Kazakhstani+", "Astana | Nur-Sultan | Nur Sultan",
  notes=["# Almaty was the capital until 1997-12-10; afterwards it is just the largest city."],
  extra=["Almaty | Alma-Ata | Alma Ata => KAZ @..1997-12-09 {capital}"])
C("KEN", "Kenya", "Kenya", "Kenyan+", "Nairobi")
C("KIR", "Kiribati", "Kiribati", "I-Kiribati", "Tarawa | South Tarawa")
C("KSV", "Kosovo", "Kosovo | Republic of Kosovo | Kosova",
  "Kosovar+ | Kosovan+ | Kosovo Albanian+ | Kosovo Serb+", "Pristina | Prishtina | Prishtinë", iso="",
  notes=["# not in ISO 3166-1. CAMEO/Phoenix use KSV (the World Bank code), not the EU/ISO user code XKX."])
C("KWT", "Kuwait", "Kuwait", "Kuwaiti+", "Kuwait City")
C("KGZ", "Kyrgyzstan", "Kyrgyzstan | Kirghizia | Kirgizia", "Kyrgyz | Kirghiz | Kyrgyzstani+", "Bishkek")
C("LAO", "Laos", "Laos | Lao People's Democratic Republic | Lao PDR", "Laotian+ | Lao", "Vientiane",
  official=False,
  notes=["# 'Lao' kept as the adjective (Lao government, Lao PDR); it is rare as a surname in English news."])
C("LVA", "Latvia", "Latvia", "Latvian+", "Riga")
C("LBN", "Lebanon", "Lebanon", "Lebanese", "Beirut")
C("LSO", "Lesotho", "Lesotho", "Basotho | Mosotho", "Maseru")
C("LBR", "Liberia", "Liberia", "Liberian+", "Monrovia")
C("LBY", "Libya", "Libya | State of Libya | Libyan Arab Jamahiriya | Great Socialist People's Libyan Arab Jamahiriya",
  "Libyan+", "Tripoli",
  notes=["# 'Tripoli' kept for Libya; Tripoli in northern Lebanon is an accepted (less frequent) error source."])
C("LIE", "Liechtenstein", "Liechtenstein", "Liechtensteiner+", "Vaduz")
C("LTU", "Lithuania", "Lithuania", "Lithuanian+", "Vilnius")
C("LUX", "Luxembourg", "Luxembourg | Luxemburg", "Luxembourger+ | Luxembourgish", "Luxembourg City")
C("MAC", "Macao", "Macau | Macao | Macau SAR | Macao SAR | Macao Special Administrative Region", "Macanese",
  notes=["# CAMEO manual code MAC (bare, like HKG)."])
C("MDG", "Madagascar", "Madagascar", "Malagasy", "Antananarivo | Tananarive")
C("MWI", "Malawi", "Malawi", "Malawian+", "Lilongwe")
C("MYS", "Malaysia", "Malaysia", "Malaysian+", "Kuala Lumpur | Putrajaya",
  notes=["# 'Malay' omitted: an ethnic group across Malaysia, Singapore, Brunei and Indonesia."])
C("MDV", "Maldives", "Maldives | Maldive Islands", "Maldivian+", "Malé",
  notes=["# only the accented 'Malé': unaccented 'Male' is the English word (CountryInfo maps it to MDV; we do not)."])
C("MLI", "Mali", "Mali", "Malian+", "Bamako")
C("MLT", "Malta", "Malta", "Maltese", "Valletta | Valetta", discard="Order of Malta | Knights of Malta")
C("MHL", "Marshall Islands", "Marshall Islands", "Marshallese", "Majuro")
C("FRAMTQ", "Martinique", "Martinique", "Martinican+ | Martiniquais", "Fort-de-France", iso="MTQ",
  notes=["# CAMEO code FRAMTQ."])
C("MRT", "Mauritania", "Mauritania", "Mauritanian+", "Nouakchott")
C("MUS", "Mauritius", "Mauritius", "Mauritian+", "Port Louis")
C("FRAMYT", "Mayotte", "Mayotte", "Mahoran+ | Mahorais", "Mamoudzou", iso="MYT",
  notes=["# CountryInfo folds Mayotte into FRA; FRA + ISO."])
C("MEX", "Mexico", "Mexico | México", "Mexican+", "Mexico City",
  discard="New Mexico | New Mexican | New Mexicans | Gulf of Mexico",
  discard_note="US state and the gulf")
C("FSM", "Micronesia", "Micronesia | FSM", "Micronesian+", "Palikir",
  notes=["# 'Micronesia' also names the wider island region; the state is the usual referent in news."])
C("MDA", "Moldova", "Moldova | Moldavia", "Moldovan+ | Moldavian+", "Chișinău | Chisinau | Kishinev",
  notes=["# 'Moldavia' (Soviet-era name) is also a Romanian region; accepted. Transnistria is coded MDA."],
  extra=["Transnistria | Transdniestria | Trans-Dniester | Pridnestrovie => MDA"])
C("MCO", "Monaco", "Monaco", "Monegasque+ | Monacan+")
C("MNG", "Mongolia", "Mongolia", "Mongolian+", "Ulaanbaatar | Ulan Bator | Ulaan Baatar")
C("MNE", "Montenegro", "Montenegro", "Montenegrin+", "Podgorica",
  notes=["# MNE as in Phoenix (the CAMEO manual's list has MTN)."])
C("GBRMSR", "Montserrat", "Montserrat", "Montserratian+", "Brades", iso="MSR",
  notes=["# CAMEO code GBRMSR. Former capital 'Plymouth' omitted."])
C("MAR", "Morocco", "Morocco", "Moroccan+", "Rabat")
C("MOZ", "Mozambique", "Mozambique", "Mozambican+", "Maputo")
C("MMR", "Myanmar", "Myanmar | Burma | Republic of the Union of Myanmar", "Burmese",
  "Naypyidaw | Nay Pyi Taw | Naypyitaw | Nay Pyi Daw",
  notes=["# Yangon (Rangoon) was the capital until 2005-11-06."],
  extra=["Yangon | Rangoon => MMR @..2005-11-05 {capital}"])
C("NAM", "Namibia", "Namibia", "Namibian+", "Windhoek")
C("NRU", "Nauru", "Nauru", "Nauruan+", "Yaren")
C("NPL", "Nepal", "Nepal", "Nepali+ | Nepalese", "Kathmandu")
C("NLD", "Netherlands", "Netherlands | Holland",
  "Dutch | Dutchman | Dutchmen | Dutchwoman | Netherlander+", "Amsterdam",
  notes=["# 'The Hague' (seat of government) omitted: in news it mostly means the ICC/ICJ tribunals.",
         "# 'Holland' is strictly two provinces but is used for the country."])
C("FRANCL", "New Caledonia", "New Caledonia | Nouvelle-Calédonie | Kanaky", "New Caledonian+",
  "Nouméa | Noumea", iso="NCL", notes=["# CAMEO code FRANCL."])
C("NZL", "New Zealand", "New Zealand | Aotearoa", "New Zealander+", "Wellington",
  notes=["# 'Kiwi(s)' omitted (fruit, bird). 'Wellington' kept; the Duke is discarded."],
  discard="Duke of Wellington | Wellington boots")
C("NIC", "Nicaragua", "Nicaragua", "Nicaraguan+", "Managua")
C("NER", "Niger", "Niger | Republic of Niger", "Nigerien+", "Niamey",
  notes=["# the Niger Delta and Niger State are in Nigeria (see NGA); the river is discarded."],
  discard="Niger River | River Niger")
C("NGA", "Nigeria", "Nigeria", "Nigerian+", "Abuja",
  notes=["# Lagos was the capital until 1991-12-12. Niger Delta and Niger State must beat 'Niger' (NER).",
         "# Biafra (1967-70 secession, IPOB today) is coded NGA."],
  extra=["Lagos => NGA @..1991-12-11 {capital}",
         "Niger Delta | Niger State | Biafra => NGA",
         "Biafran | Biafrans => NGA {demonym}"])
C("NZLNIU", "Niue", "Niue", "Niuean+", "Alofi", iso="NIU", notes=["# CAMEO code NZLNIU."])
C("AUSNFK", "Norfolk Island", "Norfolk Island", iso="NFK",
  notes=["# not in the CAMEO dictionaries; AUS + ISO. Capital 'Kingston' omitted."])
C("KOR", "Korea, South", "South Korea | Republic of Korea | ROK | R.O.K. | S. Korea | Korea",
  "South Korean+ | Korean+", "Seoul", official=False,
  notes=["# bare 'Korea' and 'Korean' -> KOR: without North they mean the South in news. The peninsula and the",
         "# war are discarded."],
  discard="Korean Peninsula | Korean War", sort="Korea, South")
C("PRK", "Korea, North",
  "North Korea | Democratic People's Republic of Korea | DPRK | D.P.R.K. | N. Korea",
  "North Korean+", "Pyongyang", sort="Korea, North")
C("MKD", "North Macedonia",
  "North Macedonia | Republic of North Macedonia | Former Yugoslav Republic of Macedonia | FYROM | F.Y.R.O.M. | "
  "Republic of Macedonia", "Macedonian+ | North Macedonian+", "Skopje",
  notes=["# renamed 2019-02-12; bare 'Macedonia' after that mostly means the Greek region, so it is date-limited."],
  extra=["Macedonia => MKD @..2019-02-11"])
C("USAMNP", "Northern Mariana Islands",
  "Northern Mariana Islands | Northern Marianas | CNMI", cap="Saipan", iso="MNP",
  notes=["# not in the CAMEO dictionaries; USA + ISO like USAGUM."])
C("NOR", "Norway", "Norway", "Norwegian+", "Oslo", discard="Oslo Accords | Oslo Accord")
C("OMN", "Oman", "Oman", "Omani+", "Muscat")
C("PAK", "Pakistan", "Pakistan", "Pakistani+", "Islamabad")
C("PLW", "Palau", "Palau", "Palauan+", "Ngerulmud | Melekeok")
C("PSE", "Palestine",
  "Palestine | State of Palestine | Palestinian territories | Palestinian territory | occupied Palestinian territories | "
  "occupied Palestinian territory | Occupied Territories | West Bank",
  "Palestinian+", "",
  notes=["# CAMEO code PSE. Ramallah is the seat of the Palestinian Authority (not flagged capital); East Jerusalem is",
         "# the claimed capital. Gaza gets Phoenix's sub-code PSEGZA (it rolls up to PSE)."],
  extra=["Palestinian Authority | Palestinian National Authority => PSEGOV",
         "Ramallah => PSE",
         "East Jerusalem => PSE",
         "Gaza | Gaza Strip => PSEGZA",
         "Gazan | Gazans => PSEGZA {demonym}"])
C("PAN", "Panama", "Panama", "Panamanian+", "Panama City",
  notes=["# 'Panama City' kept; Panama City, Florida is an accepted error source (its beach is discarded)."],
  discard="Panama City Beach | Panama Papers | Panama hat")
C("PNG", "Papua New Guinea", "Papua New Guinea | PNG", "Papua New Guinean+", "Port Moresby",
  notes=["# 'PNG' kept (the image format is rare in news)."])
C("PRY", "Paraguay", "Paraguay", "Paraguayan+", "Asunción | Asuncion")
C("PER", "Peru", "Peru", "Peruvian+", "Lima")
C("PHL", "Philippines", "Philippines", "Filipino+ | Filipina+ | Philippine", "Manila",
  extra=["Mindanao => PHL"])
C("GBRPCN", "Pitcairn", "Pitcairn Islands | Pitcairn | Pitcairn Island", "Pitcairn Islander+", "Adamstown",
  iso="PCN", notes=["# CAMEO code GBRPCN."])
C("POL", "Poland", "Poland | Polska", "Polish | Poles", "Warsaw",
  notes=["# 'Polish' kept although it is also the verb/noun; singular 'Pole' omitted (North Pole, poles)."])
C("PRT", "Portugal", "Portugal", "Portuguese", "Lisbon",
  notes=["# 'Portuguese' also means the language (Brazil, Angola...); accepted."],
  extra=["Azores | Madeira => PRT", "Azorean | Azoreans => PRT {demonym}"],
  discard="Lisbon Treaty | Treaty of Lisbon")
C("USAPRI", "Puerto Rico", "Puerto Rico | Commonwealth of Puerto Rico", "Puerto Rican+", iso="PRI",
  notes=["# CAMEO code USAPRI. Capital 'San Juan' omitted (San Juan, Argentina; Metro Manila; a saint)."])
C("QAT", "Qatar", "Qatar", "Qatari+", "Doha", discard="Doha Round | Doha Development Round")
C("FRAREU", "Réunion", "Réunion | La Réunion | La Reunion | Reunion Island | Réunion Island", "Réunionese",
  iso="REU",
  notes=["# FRA + ISO (not in the CAMEO dictionaries). Unaccented bare 'Reunion' omitted (the common noun);",
         "# capital 'Saint-Denis' omitted (also the Paris suburb)."])
C("ROU", "Romania", "Romania | Rumania | Roumania", "Romanian+ | Rumanian+", "Bucharest",
  notes=["# ROU as in CountryInfo and Phoenix (older CAMEO lists and the Levant file use ROM)."])
C("RUS", "Russia", "Russia | Russian Federation | Rossiya", "Russian+", "",
  notes=["# Moscow: the Soviet Union (SUN) until 1991-12-25, Russia from 1991-12-26. The regions below are RUS",
         "# ('Kremlin' is a government metonym, left to an agents/actors file of its own)."],
  extra=["Moscow => SUN @..1991-12-25; RUS @1991-12-26.. {capital}",
         "Chechnya | Chechen Republic | Dagestan | Daghestan | North Ossetia | Tatarstan | Siberia | Kaliningrad => RUS",
         "Chechen | Chechens | Dagestani | Dagestanis | Siberian | Siberians => RUS {demonym}"])
C("RWA", "Rwanda", "Rwanda", "Rwandan+ | Rwandese", "Kigali")
C("FRABLM", "Saint Barthélemy",
  "Saint Barthélemy | Saint-Barthélemy | Saint Barthelemy | St. Barthélemy | St. Barts | St Barts | St. Barths | St Barth",
  cap="Gustavia", iso="BLM",
  notes=["# CAMEO dictionaries fold it into FRA; FRA + ISO."])
C("GBRSHN", "Saint Helena, Ascension and Tristan da Cunha",
  "Saint Helena | St Helena | St. Helena | Ascension Island | Tristan da Cunha", "Saint Helenian+",
  iso="SHN", notes=["# CAMEO code GBRSHN. Capital 'Jamestown' omitted (Virginia)."])
C("KNA", "Saint Kitts and Nevis",
  "Saint Kitts and Nevis | St. Kitts and Nevis | St Kitts and Nevis | Saint Kitts & Nevis | St Kitts & Nevis | "
  "Saint Kitts | St. Kitts | St Kitts | Federation of Saint Christopher and Nevis",
  "Kittitian+ | Nevisian+", "Basseterre")
C("LCA", "Saint Lucia", "Saint Lucia | St. Lucia | St Lucia", "Saint Lucian+ | St. Lucian+ | St Lucian+", "Castries")
C("FRAMAF", "Saint Martin", "Saint Martin | Saint-Martin | Collectivity of Saint Martin | French Saint Martin",
  cap="Marigot", iso="MAF",
  notes=["# FRA + ISO (not in the CAMEO dictionaries). 'St. Martin' alone (the whole island) is left uncoded."])
C("FRASPM", "Saint Pierre and Miquelon",
  "Saint Pierre and Miquelon | Saint-Pierre-et-Miquelon | St. Pierre and Miquelon | St Pierre and Miquelon",
  iso="SPM", notes=["# FRA + ISO (not in the CAMEO dictionaries). Capital 'Saint-Pierre' omitted (many towns)."])
C("VCT", "Saint Vincent and the Grenadines",
  "Saint Vincent and the Grenadines | St. Vincent and the Grenadines | St Vincent and the Grenadines | "
  "Saint Vincent | St. Vincent | St Vincent", "Vincentian+", "Kingstown",
  notes=["# 'Kingstown' (not Kingston) is unambiguous."])
C("WSM", "Samoa", "Samoa | Western Samoa", "Samoan+", "Apia",
  notes=["# 'American Samoa'/'American Samoan' are longer USAASM names."])
C("SMR", "San Marino", "San Marino", "Sammarinese")
C("STP", "Sao Tome and Principe",
  "São Tomé and Príncipe | Sao Tome and Principe | São Tomé e Príncipe | São Tomé | Sao Tome",
  "Santomean+ | São Toméan+", "",
  notes=["# the capital shares the name 'São Tomé', listed as a name."])
C("SAU", "Saudi Arabia", "Saudi Arabia | KSA", "Saudi+ | Saudi Arabian+", "Riyadh")
C("SEN", "Senegal", "Senegal", "Senegalese", "Dakar", discard="Dakar Rally")
C("SRB", "Serbia", "Serbia", "Serbian+ | Serb+", "",
  notes=["# 'Serbs' also names Serbs in Bosnia and Kosovo; 'Bosnian Serb' (BIHSRP) and 'Kosovo Serb' (KSV) are longer.",
         "# Belgrade: Yugoslavia (YUG) to 1992-04-27, Serbia and Montenegro (SCG) to 2006-06-04 (Phoenix dates), then SRB."],
  extra=["Belgrade => YUG @..1992-04-27; SCG @1992-04-28..2006-06-04; SRB @2006-06-05.. {capital}"])
C("SYC", "Seychelles", "Seychelles", "Seychellois",
  notes=["# capital 'Victoria' omitted (Australian state, Lake Victoria, first name)."])
C("SLE", "Sierra Leone", "Sierra Leone", "Sierra Leonean+", "Freetown")
C("SGP", "Singapore", "Singapore", "Singaporean+")
C("NLDSXM", "Sint Maarten", "Sint Maarten | St. Maarten | St Maarten", cap="Philipsburg", iso="SXM",
  notes=["# not in the CAMEO dictionaries (constituent country since 2010); NLD + ISO."])
C("SVK", "Slovakia", "Slovakia", "Slovak+ | Slovakian+", "",
  notes=["# Bratislava is a state capital only from 1993-01-01 (Czechoslovakia before)."],
  extra=["Bratislava => SVK @1993-01-01.. {capital}"])
C("SVN", "Slovenia", "Slovenia", "Slovenian+ | Slovene+", "Ljubljana")
C("SLB", "Solomon Islands", "Solomon Islands", "Solomon Islander+", "Honiara")
C("SOM", "Somalia", "Somalia", "Somali+ | Somalian+", "Mogadishu",
  notes=["# 'Somali' also names ethnic Somalis in Ethiopia and Kenya; accepted. Self-declared Somaliland and",
         "# Puntland are coded SOM (no CAMEO code of their own)."],
  extra=["Somaliland | Puntland => SOM", "Somalilander | Somalilanders => SOM {demonym}"])
C("ZAF", "South Africa", "South Africa | RSA", "South African+", "Pretoria | Tshwane",
  notes=["# executive capital only: 'Cape Town' and 'Bloemfontein' are rarely metonyms."])
C("GBRSGS", "South Georgia and the South Sandwich Islands",
  "South Georgia and the South Sandwich Islands | South Georgia Island | South Sandwich Islands", iso="SGS",
  notes=["# GBR + ISO (not in the CAMEO dictionaries). Bare 'South Georgia' is discarded (also a US region)."])
C("SSD", "South Sudan", "South Sudan", "South Sudanese", "",
  extra=["Juba => SDN @..2011-07-08; SSD @2011-07-09.. {capital}  # Sudan's southern capital before independence"])
C("ESP", "Spain", "Spain | España", "Spanish | Spaniard+", "Madrid",
  notes=["# Catalonia is ESP ('Catalan' also in France/Andorra; accepted). 'Basque' omitted (Spain and France)."],
  extra=["Catalonia | Catalunya | Canary Islands | Balearic Islands | Ceuta | Melilla => ESP",
         "Catalan | Catalans => ESP {demonym}"],
  discard="Real Madrid | Atletico Madrid | Atlético Madrid | Spanish flu")
C("LKA", "Sri Lanka", "Sri Lanka | Ceylon", "Sri Lankan+", "Colombo | Sri Jayawardenepura Kotte")
C("SDN", "Sudan", "Sudan", "Sudanese", "Khartoum",
  extra=["Darfur => SDN", "Darfuri | Darfuris => SDN {demonym}"])
C("SUR", "Suriname", "Suriname | Surinam", "Surinamese | Surinamer+", "Paramaribo")
C("NORSJM", "Svalbard and Jan Mayen", "Svalbard and Jan Mayen | Svalbard | Jan Mayen", cap="Longyearbyen",
  iso="SJM", notes=["# CountryInfo folds Svalbard into NOR; NOR + ISO."])
C("SWE", "Sweden", "Sweden", "Swedish | Swede+", "Stockholm", discard="Stockholm syndrome")
C("CHE", "Switzerland", "Switzerland | Confoederatio Helvetica", "Swiss", "Bern | Berne",
  notes=["# Geneva is not the capital (its UN bodies are named separately)."])
C("SYR", "Syria", "Syria", "Syrian+", "Damascus")
C("TWN", "Taiwan", "Taiwan | Republic of China | ROC | Formosa | Chinese Taipei", "Taiwanese", "Taipei",
  notes=["# ISO's official name 'Taiwan, Province of China' is listed as ISO gives it. 'Republic of China' is the",
         "# island's own name; 'People's Republic of China' is a longer CHN name."])
C("TJK", "Tajikistan", "Tajikistan | Tadzhikistan", "Tajik+ | Tajikistani+ | Tadzhik+", "Dushanbe")
C("TZA", "Tanzania", "Tanzania", "Tanzanian+", "Dodoma | Dar es Salaam",
  notes=["# Dodoma is the official capital; Dar es Salaam was the seat of government for decades. Both used."],
  extra=["Zanzibar => TZA", "Zanzibari | Zanzibaris => TZA {demonym}"])
C("THA", "Thailand", "Thailand | Siam", "Thai+", "Bangkok",
  notes=["# 'Siamese' omitted (cats, twins)."])
C("TMP", "Timor-Leste",
  "Timor-Leste | Timor Leste | East Timor | Timor Lorosae | Timor Lorosa'e", "Timorese | East Timorese", "Dili",
  iso="TLS",
  notes=["# CAMEO code TMP (CountryInfo, Phoenix), not ISO TLS. Bare 'Timor' omitted (island shared with Indonesia)."])
C("TGO", "Togo", "Togo", "Togolese", "Lomé | Lome")
C("NZLTKL", "Tokelau", "Tokelau", "Tokelauan+", iso="TKL",
  notes=["# CAMEO code NZLTKL. No capital."])
C("TON", "Tonga", "Tonga", "Tongan+", "Nuku'alofa | Nukualofa")
C("TTO", "Trinidad and Tobago",
  "Trinidad and Tobago | Trinidad & Tobago | Trinidad | Tobago", "Trinidadian+ | Tobagonian+ | Trinbagonian+",
  "Port of Spain | Port-of-Spain")
C("TUN", "Tunisia", "Tunisia", "Tunisian+", "Tunis")
C("TUR", "Türkiye", "Turkey | Türkiye | Turkiye | Republic of Turkey", "Turkish | Turk+", "Ankara",
  notes=["# 'Turkey' kept (the bird is rare in hard news; food phrases are discarded). 'Turks and Caicos' is longer."],
  discard="turkey sandwich | Thanksgiving turkey | roast turkey | turkey dinner | cold turkey | wild turkey | "
          "turkey vulture | Turkey Point")
C("TKM", "Turkmenistan", "Turkmenistan | Turkmenia", "Turkmen | Turkmenistani+", "Ashgabat | Ashkhabad | Ashgabad")
C("GBRTCA", "Turks and Caicos Islands", "Turks and Caicos Islands | Turks and Caicos | Turks & Caicos",
  "Turks and Caicos Islander+", "Cockburn Town", iso="TCA",
  notes=["# GBR + ISO (not in the CAMEO dictionaries), like GBRMSR and GBRVGB."])
C("TUV", "Tuvalu", "Tuvalu", "Tuvaluan+", "Funafuti")
C("UGA", "Uganda", "Uganda", "Ugandan+", "Kampala")
C("UKR", "Ukraine", "Ukraine", "Ukrainian+", "Kyiv | Kiev",
  notes=["# Crimea and Donbas are coded UKR (internationally recognised borders, as CountryInfo does for Crimea)."],
  extra=["Crimea | Donbas | Donbass => UKR", "Crimean | Crimeans => UKR {demonym}"])
C("ARE", "United Arab Emirates", "United Arab Emirates | UAE | U.A.E.", "Emirati+", "Abu Dhabi",
  notes=["# bare 'Emirates' omitted (the airline)."])
C("GBR", "United Kingdom",
  "United Kingdom | UK | U.K. | Britain | Great Britain", "British | Briton+ | Brit+", "London",
  notes=["# England, Scotland, Wales and Northern Ireland are clearly GBR. 'English' omitted (the language);",
         "# 'GB' omitted (gigabyte). 'New England' and 'New Britain' (PNG island, Connecticut) are discarded."],
  extra=["England | Scotland | Wales | Northern Ireland => GBR",
         "Scottish | Scots | Welsh | Northern Irish => GBR {demonym}"],
  discard="New England | New Britain")
C("USA", "United States",
  "United States | U.S. | U.S.A. | USA | America", "American+", "",
  notes=["# bare 'US' omitted: matching is case-folded, so it would match the pronoun 'us'. 'U.S.' and 'USA' stay.",
         "# 'Washington' (the capital metonym) is kept; the Post, the Times and Voice of America are USAMED, and",
         "# Washington State, George Washington and other non-government uses are discarded.",
         "# 'America' loses to the longer Latin/South/North America (regions, below) and Central America (discarded)."],
  extra=["US => USA {case}  # only in capitals: the pronoun 'us' does not match",
         "Washington | Washington, D.C. | Washington D.C. | Washington DC => USA {capital}",
         "# hyphenated forms are single tokens; the spaced forms would otherwise code the other country too",
         "African American | African Americans | African-American | African-Americans | Asian American | "
         "Asian Americans | Asian-American | Asian-Americans | Mexican American | Mexican Americans | "
         "Chinese American | Chinese Americans | Indian American | Indian Americans | Korean American | "
         "Korean Americans | Japanese American | Japanese Americans | Cuban American | Cuban Americans | "
         "Irish American | Irish Americans | Italian American | Italian Americans => USA {demonym}",
         "Washington Post | Washington Times | Washington Examiner | Voice of America | Radio Free Europe | "
         "Radio Liberty | RFE/RL => USAMED {media}"],
  discard="Washington State | state of Washington | George Washington | "
          "George Washington University | University of Washington | Washington Redskins | Washington Commanders | "
          "Washington Nationals | Washington Wizards | Washington Capitals | Washington Huskies | Denzel Washington | "
          "Booker T. Washington | Washington Irving | Washington Consensus | Washington Monument | Lake Washington | "
          "Mount Washington | Gulf of America | Central America | Central American | Central Americans | Pan American | "
          "Captain America | Miss America | America's Cup",
  discard_note="Washington as anything but the federal government; Central America has no CAMEO region code")
C("USAUMI", "United States Minor Outlying Islands",
  "United States Minor Outlying Islands | US Minor Outlying Islands | U.S. Minor Outlying Islands | Wake Island | "
  "Midway Atoll | Midway Islands | Johnston Atoll | Palmyra Atoll | Howland Island | Baker Island | Jarvis Island | "
  "Kingman Reef | Navassa Island", iso="UMI",
  notes=["# USA + ISO (not in the CAMEO dictionaries). Bare 'Midway' omitted (the battle, the airport)."])
C("USAVIR", "United States Virgin Islands",
  "United States Virgin Islands | US Virgin Islands | U.S. Virgin Islands | USVI | Virgin Islands (U.S.)",
  "", "Charlotte Amalie", iso="VIR", notes=["# CAMEO code USAVIR."])
C("URY", "Uruguay", "Uruguay | Oriental Republic of Uruguay", "Uruguayan+", "Montevideo")
C("UZB", "Uzbekistan", "Uzbekistan", "Uzbek+ | Uzbekistani+", "Tashkent")
C("VUT", "Vanuatu", "Vanuatu", "Ni-Vanuatu", "Port Vila | Port-Vila")
C("VEN", "Venezuela", "Venezuela", "Venezuelan+", "Caracas")
C("VNM", "Viet Nam", "Vietnam | Viet Nam | Socialist Republic of Vietnam", "Vietnamese", "Hanoi",
  discard="Vietnam War")
C("FRAWLF", "Wallis and Futuna", "Wallis and Futuna | Wallis and Futuna Islands | Wallis & Futuna",
  cap="Mata-Utu | Mata Utu", iso="WLF",
  notes=["# CountryInfo/Phoenix spell it FRNWLF (a typo for FRA); FRAWLF used here."])
C("ESH", "Western Sahara",
  "Western Sahara | Sahrawi Arab Democratic Republic | SADR | Sahrawi Republic", "Sahrawi+ | Saharawi+", "",
  notes=["# ESH as in the CAMEO manual and the Levant file; CountryInfo codes it MAR. Disputed territory: kept apart.",
         "# Laayoune is Moroccan-administered, not a metonym for the SADR: listed as a plain name."],
  extra=["Laayoune | Laâyoune | El Aaiún | El Aaiun => ESH"])
C("YEM", "Yemen", "Yemen", "Yemeni+ | Yemenite+", "Sanaa | Sana'a",
  notes=["# 'Sanaa' has been held by the Houthis since 2014; still coded YEM (the Houthis are YEMREB in orgs.txt).",
         "# Bare 'Sana' omitted (a first name)."])
C("ZMB", "Zambia", "Zambia | Northern Rhodesia", "Zambian+", "Lusaka")
C("ZWE", "Zimbabwe", "Zimbabwe | Rhodesia | Southern Rhodesia", "Zimbabwean+ | Rhodesian+", "Harare",
  notes=["# Rhodesia (to 1979) is coded ZWE; 'Northern Rhodesia' is a longer ZMB name. 'Salisbury' omitted (English city)."])

# ---------------------------------------------------------------------------
# Former states still met in news. Codes: Phoenix (SUN, DDR, CSK, SCG), Levant (YUG).
# ---------------------------------------------------------------------------
HISTORICAL = [
    ("Soviet Union", [
        "# SUN (ISO 3166-3 code, Phoenix); dissolved 1991-12-26, so nothing fires after it. Moscow: see Russia.",
        "Soviet Union | USSR | U.S.S.R. | Union of Soviet Socialist Republics => SUN @..1991-12-25",
        "Soviet | Soviets => SUN @..1991-12-25 {demonym}"]),
    ("Yugoslavia", [
        "# YUG to 1992-04-27; the Federal Republic of Yugoslavia is SCG (Phoenix) from 1992-04-28 until it was",
        "# renamed Serbia and Montenegro (2003-02-04), which ended 2006-06-04. 'FRY' omitted (the verb).",
        "Yugoslavia => YUG @..1992-04-27; SCG @1992-04-28..2003-02-03",
        "Socialist Federal Republic of Yugoslavia | SFRY => YUG @..1992-04-27",
        "Yugoslav | Yugoslavs => YUG @..1992-04-27; SCG @1992-04-28..2003-02-03 {demonym}",
        "Federal Republic of Yugoslavia => SCG @1992-04-28..2003-02-03",
        "Serbia and Montenegro | State Union of Serbia and Montenegro => SCG @1992-04-28..2006-06-04"]),
    ("Czechoslovakia", [
        "# CSK to 1992-12-31 (Phoenix dates 1918-10-01..1993-01-01).",
        "Czechoslovakia | Czechoslovak Socialist Republic | Czech and Slovak Federative Republic => CSK @..1992-12-31",
        "Czechoslovak | Czechoslovaks => CSK @..1992-12-31 {demonym}"]),
    ("East Germany", [
        "# DDR 1949-10-07..1990-10-02 (Phoenix). West Germany is DEU (see Germany).",
        "East Germany | German Democratic Republic | GDR => DDR @1949-10-07..1990-10-02",
        "East German | East Germans => DDR @1949-10-07..1990-10-02 {demonym}",
        "East Berlin => DDR @1949-10-07..1990-10-02 {capital}"]),
    ("Netherlands Antilles", [
        "# NLDANT (CountryInfo, Phoenix); dissolved 2010-10-10 into Curaçao, Sint Maarten and the BES islands.",
        "Netherlands Antilles => NLDANT @..2010-10-09"]),
]

# ---------------------------------------------------------------------------
# Regions: CAMEO region codes (CAMEO manual; used in Internatnl/Levant/Phoenix).
# Listed so that longer regional names beat the countries inside them
# ('Latin America' is not USA, 'Southern Africa' is not South Africa).
# ---------------------------------------------------------------------------
REGIONS = [
    "Africa => AFR",
    "African | Africans => AFR {demonym}",
    "Asia => ASA",
    "Asian | Asians => ASA {demonym}",
    "Balkans => BLK",
    "Caribbean => CRB",
    "Caucasus => CAU",
    "Central Africa => CFR",
    "Central Asia => CAS",
    "Central Asian | Central Asians => CAS {demonym}",
    "Central Europe => CEU",
    "East Africa | Eastern Africa => EAF",
    "East African | East Africans => EAF {demonym}",
    "Eastern Europe => EEU",
    "Eastern European | Eastern Europeans => EEU {demonym}",
    "Europe => EUR",
    "European | Europeans => EUR {demonym}",
    "Latin America => LAM",
    "Latin American | Latin Americans => LAM {demonym}",
    "Middle East | Mideast => MEA",
    "Middle Eastern => MEA {demonym}",
    "Mediterranean => MDT",
    "North Africa => NAF",
    "North African | North Africans => NAF {demonym}",
    "North America => NMR",
    "North American | North Americans => NMR {demonym}",
    "Persian Gulf => PGS",
    "Scandinavia => SCN",
    "Scandinavian | Scandinavians => SCN {demonym}",
    "South America => SAM",
    "South American | South Americans => SAM {demonym}",
    "South Asia => SAS",
    "South Asian | South Asians => SAS {demonym}",
    "Southeast Asia | South-East Asia | South East Asia => SEA",
    "Southeast Asian | Southeast Asians => SEA {demonym}",
    "Southern Africa => SAF",
    "West Africa => WAF",
    "West African | West Africans => WAF {demonym}",
]

HEADER = """\
# dyad dictionary: countries and territories (CAMEO actor codes).
# GENERATED by tools/gen_countries.py from hand-written data; edit the script, not this file.
# Format: docs/dictionaries.md. One section per ISO 3166-1 entry (plus Kosovo), alphabetical,
# then former states, CAMEO regions, and the discards.
#
# Codes. Country codes follow the CAMEO actor dictionaries (TABARI CountryInfo.120116, Phoenix
# 2014), which use ISO alpha-3 except: Timor-Leste TMP (ISO TLS), Kosovo KSV (not in ISO), and
# dependencies written as PARENT + ISO (USAGUM, GBRFLK, DNKGRL, ...). Dependencies those files do
# not code, or fold into their parent, also get PARENT + ISO, so a 3-letter roll-up still gives the
# parent. Former states: SUN, YUG, SCG, CSK, DDR, NLDANT, with date ranges.
#
# Flags: {capital} a capital city used as a metonym for the state; {demonym} an adjective or a
# people name. Ambiguity decisions are '#' comments inside each section. Deliberately not coded
# anywhere: bare 'US' (the pronoun 'us'), 'English', 'Kurdish', 'Basque', 'Arab', 'Persian',
# 'Malay', 'Khmer', 'Virgin Islands', 'Timor', and the capitals Victoria, Kingston, Georgetown,
# San Jose, Hamilton, Santiago, Moroni, The Hague, Cayenne.
"""


# ---------------------------------------------------------------------------

def fold(s):
    """The matching key of a name, as src/text.c text_key() computes it."""
    out = []
    for ch in s:
        if ch in "\u2018\u2019\u02bc\u2032":
            ch = "'"
        elif ch in "\u201c\u201d\u201e\u00ab\u00bb":
            ch = '"'
        elif "\u2010" <= ch <= "\u2015":
            ch = "-"
        out.append(ch.lower())
    return " ".join("".join(out).split())


def official_name(e):
    n = e.get("official_name")
    if not n:
        return None
    n = re.sub(r"\s*\([^)]*\)", "", n).strip()
    if n.lower().startswith("the "):
        n = n[4:]
    return n


def build(iso_path):
    with open(iso_path, encoding="utf-8") as f:
        iso = {e["alpha_3"]: e for e in json.load(f)["3166-1"]}

    out = [HEADER, "!kind actors", ""]
    covered = {}
    def sortkey(e):
        return "".join(c for c in unicodedata.normalize("NFKD", e["sort"]) if not unicodedata.combining(c)).lower()
    for e in sorted(ENTRIES, key=sortkey):
        code, names = e["code"], list(e["names"])
        if e["iso"]:
            if e["iso"] not in iso:
                raise SystemExit(f"{e['label']}: {e['iso']} is not in {iso_path}")
            covered[e["iso"]] = code
            off = official_name(iso[e["iso"]])
            if e["official"] and off and fold(off) not in {fold(n) for n in names}:
                names.append(off)
        isotag = e["iso"] if e["iso"] and e["iso"] != code else ""
        out.append(f"# --- {e['label']} [{code}{' for ISO ' + isotag if isotag else ''}]")
        out += e["notes"]
        if names:
            out.append(f"{' | '.join(names)} => {code}")
        if e["dem"]:
            out.append(f"{' | '.join(e['dem'])} => {code} {{demonym}}")
        if e["cap"]:
            out.append(f"{' | '.join(e['cap'])} => {code} {{capital}}")
        out += e["extra"]
        out.append("")

    out += ["# " + "=" * 70, "# Former states", "# " + "=" * 70, ""]
    for label, lines in HISTORICAL:
        out.append(f"# --- {label}")
        out += lines
        out.append("")

    out += ["# " + "=" * 70,
            "# Regions (CAMEO region codes). They outrank the countries they contain by length.",
            "# " + "=" * 70, ""]
    out += REGIONS
    out.append("")

    out += ["# " + "=" * 70,
            "# Discards: phrases that contain a country, capital or demonym but are not that actor.",
            "# " + "=" * 70, "", "!kind discards", ""]
    for label, phrases, note in sorted(DISCARDS, key=lambda d: d[0].lower()):
        out.append(f"# {label}" + (f": {note}" if note else ""))
        out.append(" | ".join(phrases))
    out.append("")

    missing = sorted(set(iso) - set(covered))
    if missing:
        raise SystemExit(f"ISO entries without a section: {' '.join(missing)}")
    return "\n".join(out), covered


LINE = re.compile(r"^(?P<names>[^=#]+?)\s*=>\s*(?P<codes>.+?)(?:\s+\{(?P<flag>[a-z]+)\})?\s*(?:#.*)?$")
CODESEG = re.compile(r"^(?P<code>[A-Z0-9]+)(?:\s+@(?P<from>[0-9-]*)\.\.(?P<to>[0-9-]*))?$")
DATE = re.compile(r"^$|^\d{4}(-\d{2}(-\d{2})?)?$")
FLAGS = {"capital", "demonym", "igo", "ngo", "person", "media", "company", "case", "plural"}


def check(text):
    """Validate the grammar and name clashes; returns (entries, names)."""
    kind, seen, errors, entries, nnames = None, {}, [], 0, 0
    for no, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("!kind"):
            kind = line.split()[1]
            continue
        if kind == "discards":
            names = [n.strip() for n in line.split("#")[0].split("|")]
            target = "(discard)"
        else:
            m = LINE.match(line)
            if not m:
                errors.append(f"{no}: bad line: {line}")
                continue
            if m.group("flag") and m.group("flag") not in FLAGS:
                errors.append(f"{no}: unknown flag {m.group('flag')}")
            for seg in m.group("codes").split(";"):
                s = CODESEG.match(seg.strip())
                if not s or not (3 <= len(s.group("code")) <= 15 and len(s.group("code")) % 3 == 0) \
                        or not DATE.match(s.group("from") or "") or not DATE.match(s.group("to") or ""):
                    errors.append(f"{no}: bad code segment '{seg.strip()}'")
            names = [n.strip() for n in m.group("names").split("|")]
            target = m.group("codes") + (" {" + m.group("flag") + "}" if m.group("flag") else "")
            entries += 1
        for n in names:
            if not n:
                errors.append(f"{no}: empty name")
                continue
            nnames += 1
            k = fold(n)
            if k in seen and seen[k][1] != target:
                errors.append(f"{no}: '{n}' also on line {seen[k][0]} with a different target")
            elif k in seen:
                errors.append(f"{no}: '{n}' repeated (line {seen[k][0]})")
            else:
                seen[k] = (no, target)
    return entries, nnames, errors


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--iso", default=ISO_DEFAULT)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                  "..", "dict", "countries.txt"))
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    text, covered = build(a.iso)
    entries, nnames, errors = check(text)
    for e in errors:
        print(e, file=sys.stderr)
    if errors:
        sys.exit(1)
    diff = {i: c for i, c in covered.items() if i != c}
    print(f"{entries} entries, {nnames} names; {len(covered)} ISO entries covered, "
          f"{len(diff)} under a CAMEO code: " + " ".join(f"{i}->{c}" for i, c in sorted(diff.items())),
          file=sys.stderr)
    if not a.check:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
