/**
 * Word tables of the STREET_ADDRESS detector, written by hand for piiveil (MIT).
 *
 * Sources of the facts:
 * - Unit designators: USPS Publication 28, Appendix C2 "Secondary Unit Designators" (24 rows, a US
 *   government publication), plus `#`, the British "Flat" and the Australian "Level".
 * - US states, DC, territories and freely associated states (59 codes): USPS Publication 28,
 *   Appendix B "Two-Letter State and Possession Abbreviations".
 * - Canadian provinces and territories (13): Canada Post Addressing Guidelines, "Province and
 *   territory symbols".
 * - Australian states and territories (8): Australia Post addressing guidelines.
 * - German and French street types: common usage (Duden, La Poste "adresse normalisée" NF Z 10-011).
 * - Road types taking a number after them: USPS Publication 28, section 234 "Highways".
 * Formats: space-separated lower-case words; `|` separates rows; `_` joins the words of a
 * multi-word name ("new_york").
 */

/**
 * Street types of British and Australian usage missing from Publication 28 (Royal Mail PAF and
 * Australia Post street-type lists); all weak.
 */
export const EXTRA_SUFFIXES = 'circuit parade esplanade rise quay chase vale wynd grange';

/** Publication 28 C2 designators that take an identifier ("Apt 4B"), with `flat` and `level`. */
export const UNIT_WITH_ID =
  'apartment apt building bldg department dept floor fl hangar hngr key lot pier room rm slip space spc stop ' +
  'suite ste trailer trlr unit flat level lvl';

/** Publication 28 C2 designators that stand alone ("Rear", "Bsmt"). */
export const UNIT_BARE = 'basement bsmt front frnt lobby lbby lower lowr office ofc penthouse ph rear side upper uppr';

/** Pre- and post-directionals (Publication 28 Appendix B), abbreviated and spelled out. */
export const DIRECTIONALS = 'n s e w ne nw se sw north south east west northeast northwest southeast southwest';

/** USPS codes and names: 50 states, DC, 5 territories, 3 freely associated states (59). */
export const US_STATES =
  'al alabama|ak alaska|az arizona|ar arkansas|ca california|co colorado|ct connecticut|de delaware|' +
  'dc district_of_columbia|fl florida|ga georgia|hi hawaii|id idaho|il illinois|in indiana|ia iowa|ks kansas|' +
  'ky kentucky|la louisiana|me maine|md maryland|ma massachusetts|mi michigan|mn minnesota|ms mississippi|' +
  'mo missouri|mt montana|ne nebraska|nv nevada|nh new_hampshire|nj new_jersey|nm new_mexico|ny new_york|' +
  'nc north_carolina|nd north_dakota|oh ohio|ok oklahoma|or oregon|pa pennsylvania|ri rhode_island|' +
  'sc south_carolina|sd south_dakota|tn tennessee|tx texas|ut utah|vt vermont|va virginia|wa washington|' +
  'wv west_virginia|wi wisconsin|wy wyoming|as american_samoa|gu guam|mp northern_mariana_islands|' +
  'pr puerto_rico|vi virgin_islands|fm federated_states_of_micronesia|mh marshall_islands|pw palau';

/**
 * Two-letter codes that are also everyday words or abbreviations; the notes' guard 7 accepts them
 * only in a real last line (after a city, and upper case or followed by a ZIP).
 */
export const AMBIGUOUS_STATE_CODES = 'in or me hi ok oh de pa ma al la co id md mo mi as';

/** Canada Post symbols and names of the 10 provinces and 3 territories. */
export const CA_PROVINCES =
  'ab alberta|bc british_columbia|mb manitoba|nb new_brunswick|nl newfoundland_and_labrador|nl newfoundland|' +
  'ns nova_scotia|nt northwest_territories|nu nunavut|on ontario|pe prince_edward_island|qc quebec|qc québec|' +
  'sk saskatchewan|yt yukon';

/** Australia Post symbols and names of the 6 states and 2 territories. */
export const AU_STATES =
  'act australian_capital_territory|nsw new_south_wales|nt northern_territory|qld queensland|sa south_australia|' +
  'tas tasmania|vic victoria|wa western_australia';

/** Words naming a road by number ("County Road 12", "Route 9", "US 1", "FM 1960"). */
export const ROAD_TYPES =
  'route rte highway hwy interstate county_road county_rd county_route county_highway cr state_route ' +
  'state_road state_highway state_hwy sr us us_highway us_hwy us_route fm farm_to_market_road farm_road ' +
  'ranch_road rural_route rr';

/** German street-type endings of compounds ("Hauptstraße") and stand-alone words ("Berliner Straße"). */
export const DE_STREET_TYPES = 'straße strasse str weg allee platz gasse ring damm ufer';

/** French street types placed before the name ("12 rue de la Paix"). */
export const FR_STREET_TYPES =
  'rue avenue av boulevard bd place chemin allée allee impasse imp quai route rte cours square passage faubourg';

/** French articles and prepositions inside a street name ("rue de la Paix", "quai d'Orsay"). */
export const FR_PARTICLES = "de du des la le les d' l' d’ l’ aux au sur sous en";

/** Lower-case words allowed inside a city name ("Île des Soeurs", "Frankfurt am Main"). */
export const CITY_PARTICLES = 'de des du la le les of on upon am an der sur en';

/** Country names that may close an address line. */
export const COUNTRIES =
  'usa u.s.a us u.s united_states united_states_of_america canada uk u.k united_kingdom great_britain england ' +
  'scotland wales northern_ireland ireland australia germany deutschland france';

/**
 * Location cues: a word among the five before the house number that says an address follows
 * ("I live at", "ship it to", "my address is", "meet me at", "the house at").
 */
export const LOCATION_CUES =
  'live lives living lived reside resides residing stay staying located location address addr adresse ' +
  'anschrift ship shipping shipped deliver delivery delivering delivered send sending sent mail mailing ' +
  'mailed moved move moving relocated relocating meet pick pickup drop dropoff visit return wohne wohnt ' +
  'habite livraison house home office apartment condo property';

/**
 * Words that are never part of a street name: English function words, time words, and words that
 * follow a number in counts ("3 more", "at 5 pm"). Checked in any case.
 */
export const NOT_NAME_WORDS =
  'a an the and or but nor of to in on at for from by with without about into onto over under than then so as ' +
  'if is are was were be been being am pm do does did done have has had will would can could should may might ' +
  'must shall it its this that these those i you he she we they me him her us them my your his our their ' +
  'what which who whom whose when where why how there here more less most least few fewer many much some any ' +
  'all each every no not only also very too just up down out off per via times x yes ok okay please thanks ' +
  "hi hey other another such both either neither again ago o'clock oclock";

/**
 * Count and measure nouns: after a number they count things ("10 miles", "2 blocks", "4 wheel
 * drive"), so they cannot be the first word of a street name, nor any lower-case name word.
 */
export const COUNT_NOUNS =
  'miles mile mi km kms kilometers kilometres meters metres ft feet foot inches inch yards yard blocks block ' +
  'points point units cups cup dates date episodes episode stores store hotels hotel minutes minute mins min ' +
  'hours hour hrs hr seconds second secs sec days day weeks week months month years year yrs people persons ' +
  'person guys kids items item pieces pcs packs pack boxes bags bag bottles cans steps step floors rooms cars ' +
  'car trucks orders tickets seats seat players teams games rounds laps stars star votes likes comments pages ' +
  'page lines files bugs tests servers users lbs lb kg mg mcg ml oz gallons liters litres percent dollars ' +
  'bucks euros pounds cents kb mb gb tb gig gigs mph kph degrees wheel speed lane way door bedroom bed bath ' +
  'baths seater man men women things thing ways parts part';

/**
 * Words right before a number that make it a count, an identifier or a road number, never a house
 * number (guards 3, 4 and 8 of the notes): "version 3", "page 4", "Route 66", "Box 2 of 5".
 */
export const NUMBER_CONTEXT_WORDS =
  'version ver v page pg pp p chapter ch season episode ep order flight port exit no nr number num # ' +
  'room rm floor fl level lot box unit suite ste apt apartment route rte highway hwy interstate sr cr fm i ' +
  'the these those a an about around approx approximately nearly almost over under than only just every ' +
  'each all top first last next another have has had got get need needs want wants bought buy sold sell ' +
  'ordered owe owes paid pay costs cost win won lost lose scored score ran run with without plus minus x vs ' +
  'step item line ticket case issue bug pr id ref invoice account acct table seat gate terminal platform ' +
  'track row bus train tram channel grade class age aged size vol volume part section sec rule article art ' +
  'figure fig model gen phase quarter q day week month year years verse psalm act scene game match round ' +
  'lap bay pier dock aisle shelf slot rank hole mile km exhibit appendix note footnote tab slide sheet ' +
  'stage pin code zip postcode postal plz';

/** Prepositions after which a 4-digit 1900-2099 number is a year (guard 5). */
export const TEMPORAL_PREPOSITIONS = 'in since by until till from of before after during around circa ca c between';

/** Month names and abbreviations: "12 March" is a date. */
export const MONTHS =
  'january february march april may june july august september october november december jan feb mar apr ' +
  'jun jul aug sep sept oct nov dec';
