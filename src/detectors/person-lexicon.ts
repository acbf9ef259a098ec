import { AMBIGUOUS_NAMES, FIRST_NAMES, SURNAMES } from '../data/names.js';

/**
 * Word classes of the PERSON detector: one lower-case map from a word to bit flags, holding the
 * generated name lists (src/data/names.ts) and the hand-written context words below. Internal.
 */

/** A first name (Faker lists, see src/data/names.ts). */
export const FIRST = 1;
/** A surname. */
export const LAST = 2;
/** A name that is also an ordinary word, place, month, day or product: needs context. */
export const AMBIGUOUS = 4;
/** Never part of a name: a capitalised function word, pronoun, greeting, title ("The", "Hi", "Team"). */
export const STOP = 8;
/** A run holding this word names a place or an organisation ("San Francisco", "Lincoln Street"). */
export const POISON = 16;
/** "Mr", "Dr", "Prof": a name follows; the title itself is not reported. */
export const TITLE = 32;
/** "Hi", "Hello", "Hey": a name may follow on the same line. */
export const GREETING = 64;
/** "Thanks", "Cheers", "Regards", "Best": a name may follow, also on the next line (a signature). */
export const SIGNOFF = 128;
/** "Dear": any capitalised word followed by ',' or a line break is a name. */
export const DEAR = 256;
/** A key that introduces a person in logs and forms ("customer:", "patient=", "owner":). */
export const FIELD = 512;
/** A key whose value is a name whatever it looks like ("first_name:", "surname:", "full_name="). */
export const NAME_FIELD = 1024;
/** "van", "de", "ten": lower-case particles inside a name ("Ludwig van Beethoven"). */
export const PARTICLE = 2048;
/** "Jr", "Sr", "II": generational suffixes, reported with the name. */
export const SUFFIX = 4096;

const TITLES = 'mr mrs ms miss mx dr prof doctor professor sir dame lady lord rev reverend fr sister brother nurse';
const GREETINGS = 'hi hello hey heya hiya hullo yo howdy morning evening afternoon congrats congratulations welcome bye goodbye sorry ok okay thanks thank thx cheers';
const SIGNOFFS = 'thanks thank thx cheers regards best sincerely love hugs xoxo yours wishes warmly respectfully br';
const FIELDS =
  'name customer patient contact owner assignee author sender recipient from to cc attn attention cardholder holder employee requester requestor reporter user client guest passenger traveler traveller member driver tenant applicant beneficiary physician witness signed signature';
const NAME_FIELDS =
  'firstname first_name fname lastname last_name lname surname givenname given_name forename familyname family_name fullname full_name displayname display_name customername customer_name patientname patient_name contactname contact_name maiden maiden_name middlename middle_name';
const PARTICLES = 'van von der den de del della di da das dos du le la ten ter bin binti ibn al el';
const SUFFIXES = 'jr sr ii iii iv';
/** Capitalised words that start sentences or address groups, never a person. */
const STOPS = `
i a an the my your our his her their its this that these those it we you he she they me us him them and or but nor so
if when what who whom why how where which while please yes no not also just all any some every each both either
there here today tomorrow tonight yesterday now then team everyone everybody anyone someone guys folks all friends
friend customer customers support sales billing admin user users sir madam ma'am colleagues everybody people
hiring manager managers members member valued dear hi hello hey thanks thank cheers regards best sincerely
mom mum dad mother father grandma grandpa santa diary god jesus lord boss bro dude mate babe honey sweetie
is are was were be been am do does did has have had would could should might must shall
new old good great happy merry big little`;
/** Words that make a capitalised run a place, organisation or product. */
const POISONS = `
san santa los las saint lake mount mt fort port new north south east west upper lower university college school
academy institute hospital clinic street st road rd avenue ave lane boulevard blvd drive square park bank inc ltd llc
corp corporation company co group hotel airport station center centre church cathedral bridge river valley beach
island islands county city state republic kingdom united post times journal news foundation museum library hall
studio studios records pictures labs systems technologies software cloud app games hills heights springs falls
harbor harbour village town ville creek ridge grove gardens allee strasse straße platz weg rue via calle avenida rua piazza
plaza chemin route place quai cours impasse teams office word excel outlook apt suite unit freeway way highway hwy parkway pkwy expressway turnpike
circle court terrace`;

let shared: Map<string, number> | undefined;

/** The word-class map, built once on first use (about 15,000 entries). */
export function personLexicon(): Map<string, number> {
  return (shared ??= build());
}

function build(): Map<string, number> {
  const map = new Map<string, number>();
  const add = (word: string, flag: number): void => {
    map.set(word, (map.get(word) ?? 0) | flag);
  };
  unpack(FIRST_NAMES, (word) => add(word, FIRST));
  unpack(SURNAMES, (word) => add(word, LAST));
  unpack(AMBIGUOUS_NAMES, (word) => add(word, AMBIGUOUS));
  const words = (list: string, flag: number): void => {
    for (const word of list.split(/\s+/)) if (word !== '') add(word, flag);
  };
  words(STOPS, STOP);
  words(POISONS, POISON);
  words(TITLES, TITLE);
  words(GREETINGS, GREETING);
  words(SIGNOFFS, SIGNOFF);
  add('dear', DEAR);
  words(FIELDS, FIELD);
  words(NAME_FIELDS, NAME_FIELD);
  words(PARTICLES, PARTICLE);
  words(SUFFIXES, SUFFIX);
  return map;
}

/** Decodes a front-coded list (scripts/build-names.ts `pack`): a digit of shared prefix, then the rest. */
function unpack(packed: string, each: (word: string) => void): void {
  let previous = '';
  let start = 0;
  while (start < packed.length) {
    let end = packed.indexOf(' ', start);
    if (end < 0) end = packed.length;
    const shared = packed.charCodeAt(start) - 48;
    previous = previous.slice(0, shared) + packed.slice(start + 1, end);
    each(previous);
    start = end + 1;
  }
}
