import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBrands, generateModule, parseLexicon } from '../../scripts/build-health-lexicon.js';
import { HEALTH_LEXICON } from '../../src/data/health-lexicon.js';
import { createRedactor, email, health, type HealthCategory } from '../../src/index.js';
import { expectPendingContract } from '../helpers/pending.js';
import { checkAllChunkings, chunked, cut, expectStreamEquivalent, streamThrough } from '../helpers/stream.js';

const redactor = createRedactor({ detectors: [health()] });
const withEmail = createRedactor({ detectors: [email(), health()] });

/** [text, [matched value, category][]]; spans located by indexOf, in order. */
const GOLDEN: [string, [string, HealthCategory][]][] = [
  // T1 anywhere
  ['Started metformin last week', [['metformin', 'medication']]],
  ['chemotherapy starts Monday', [['chemotherapy', 'procedure']]],
  ['She has schizophrenia.', [['schizophrenia', 'mental_health']]],
  ['we did IVF twice', [['IVF', 'reproductive']]],
  ['My Lexapro ran out', [['Lexapro', 'medication']]],
  ["Crohn's disease runs in my family", [["Crohn's disease", 'condition']]],
  ["metformin's side effects are rough", [['metformin', 'medication']]],
  ['Sjögren’s syndrome, diagnosed 2020', [['Sjögren’s syndrome', 'condition']]],
  ['self-harm and self harm', [['self-harm', 'mental_health'], ['self harm', 'mental_health']]],
  ['she had a C-section', [['C-section', 'procedure']]],
  // longest match wins
  ['I have type 2 diabetes', [['type 2 diabetes', 'condition']]],
  ['high blood pressure again', [['high blood pressure', 'condition']]],
  ['breast cancer awareness', [['breast cancer', 'condition']]],
  // inflections generated at build time
  ['two biopsies and panic attacks', [['biopsies', 'procedure'], ['panic attacks', 'mental_health']]],
  ['he is asthmatic', [['asthmatic', 'condition']]],
  // T2 needs a cue
  ['I was diagnosed with depression in May', [['depression', 'mental_health']]],
  ['The depression in the road', []],
  ['I have a cold', [['cold', 'condition']]],
  ['It is cold today', []],
  ['my pressure meds', [['pressure meds', 'medication']]],
  ['cancer symptoms started soon', [['cancer', 'condition']]],
  ['Cancer is my star sign', []],
  ['taking 20mg pills daily', [['pills', 'medication']]],
  ['my tablet died', []],
  ['I had a stroke last year', [['had a stroke', 'condition']]],
  ['bipolar disorder and lithium keep me steady', [['bipolar disorder', 'mental_health'], ['lithium', 'medication']]],
  // anti-cues
  ['cold brew please', []],
  ['we are under pressure', []],
  ['the Great Depression', []],
  ['a stroke of genius', []],
  ['a pregnant pause', []],
  ['run a virus scan', []],
  ['I am sick of this', []],
  ['join on MS Teams', []],
  ['it was a miscarriage of justice', []],
  // T3 exact case
  ['Started PrEP today', [['PrEP', 'reproductive']]],
  ['prep the slides', []],
  ['diagnosed with MS in 2019', [['MS', 'condition']]],
  ['MS is great', []],
  ['ms word doc', []],
  // not inside other words
  ['metformins_x metforminx xmetformin', []],
  ['', []],
  // around the per-word gate's edge cases: prices, accents, emoji, gaps, everyday words that begin acronyms
  ['paid €20 for metformin and £12.50 for lisinopril', [['metformin', 'medication'], ['lisinopril', 'medication']]],
  ['took metformin, then a café au lait', [['metformin', 'medication']]],
  ['the results say Sjögren’s syndrome again', [['Sjögren’s syndrome', 'condition']]],
  ['so 😀metformin works', [['metformin', 'medication']]],
  ['I have type  2\tdiabetes', [['type  2\tdiabetes', 'condition']]],
  ['still waiting, after the Error minutes ago', []],
  // phrases that begin with everyday words ("in the", "on the", "my"), cut or not
  ['she is in the hospital again', [['in the hospital', 'procedure']]],
  ['we met in the hospital café', [['in the hospital', 'procedure']]],
  ['in the hospitality business', []],
  ['on the  spectrum, they said', [['on the  spectrum', 'mental_health']]],
  ['my therapist-ish friend', []],
  // Two ambiguous conditions close together are a symptom list: each cues the one after it.
  ["I've had a fever and a bad cough since Monday", [['fever', 'condition'], ['cough', 'condition']]],
  ['any fever or chills, cough, congestion?', [['chills', 'condition'], ['cough', 'condition'], ['congestion', 'condition']]],
  ['it was cold and I was tired', []],
  ['the cold front and the pressure drop', []],
  // Clinical shorthand for history is a cue; antacid brands.
  ['No hx of MI.', [['MI', 'condition']]],
  ['I take Tums and Mylanta at night', [['Tums', 'medication'], ['Mylanta', 'medication']]],
  ['my tums hurt', []],
  // A relative's condition.
  ['my son has a fever again', [['fever', 'condition']]],
  ['My wife has cancer', [['cancer', 'condition']]],
  ['my son has a cold brew every morning', []],
  ["I'm having a headache again", [['headache', 'condition']]],
  ["I've been having chills at night", [['chills', 'condition']]],
  ["I'm having cold feet about the wedding", []],
  // A clinician's question about the reader's own health.
  ['Have you had any fever since Monday?', [['fever', 'condition']]],
  ['are you having headaches at night?', [['headaches', 'condition']]],
  ['have you had a virus scan on that laptop?', []],
  ['do you have a virus on your laptop?', []],
];

const spansOf = (text: string, expected: [string, HealthCategory][]) => {
  let from = 0;
  return expected.map(([value, category]) => {
    const start = text.indexOf(value, from);
    if (start < 0) throw new Error(`golden value not in text: ${value}`);
    from = start + value.length;
    return { start, end: start + value.length, category };
  });
};

describe('health after a released cut', () => {
  it("finds a term after ' -' when a stream resumes at the hyphen (a@a.aa -ibuprofen.)", () => {
    const redactor = createRedactor({ detectors: [email(), health()] });
    expect(streamThrough(redactor, ['a@a.aa -ibuprofen.']).text).toBe('[EMAIL] -[HEALTH].');
    checkAllChunkings(redactor, 'a@a.aa -ibuprofen.', 20);
  });
});

describe('health at the end of a stream chunk', () => {
  it("holds a T2 term while its after cue may still grow into another word ('the cancer meds' + 'x')", () => {
    // Shrunk by test/fuzz/words.fuzz.ts: 'meds' ending the text counted as a cue, so pending
    // released 'cancer' as a finding although 'medsx' is no cue and one-shot finds nothing.
    expect(health().pending('the cancer meds', 0)).toBe(4);
    for (const [head, tail] of [['the cancer meds', 'x'], ['the disability therapy', 'x ok'], ['the cancer symptoms', 'x ok']]) {
      expect(redactor.redact(head + tail).findings).toEqual([]);
      expectStreamEquivalent(redactor, head + tail, [head, tail]);
    }
    checkAllChunkings(redactor, 'the cancer meds, the cancer medsx', 20);
  });

  it("holds a term while an idiom ending the text may still grow into another word ('my cold brew' + 'ery')", () => {
    // Shrunk by test/fuzz/words.fuzz.ts: an idiom ending the text ('cold brew', 'aid for')
    // switched the term off as if decided, so 'my cold brewery' streamed 'cold' in clear.
    expect(health().pending('my cold brew', 0)).toBe(3);
    expect(health().pending('hearing aid for', 0)).toBe(0);
    for (const [head, tail] of [['my cold brew', 'ery ok'], ['hearing aid for', 'x ok'], ['diagnosed with SVT cold brew', "'diagnosed"]]) {
      expect(redactor.redact(head + tail).findings.length).toBeGreaterThan(0);
      expectStreamEquivalent(redactor, head + tail, [head, tail]);
    }
    checkAllChunkings(redactor, 'my cold brew, my cold brewery, hearing aid for, hearing aid forx', 20);
  });

  it("moves the cut back past every decided finding that crosses it ('my the pill addiction ')", () => {
    // Shrunk by test/fuzz/words.fuzz.ts: 'addiction' is undecided, 'pill addiction' (7-21)
    // crosses its start so the cut moved back to 7, inside 'the pill' (3-11).
    expect(health().pending('my the pill addiction ', 0)).toBe(3);
    checkAllChunkings(redactor, 'my the pill addiction diagnosed with disability ', 20);
  });

  it("never cuts inside a phrase that starts before the region it re-examines (\"Crohn's disease \" + a long word)", () => {
    // Shrunk by test/fuzz/long.fuzz.ts: with more than REACH units held, the re-examined region
    // started at "disease", held open by the long word after it, and pending returned 8: inside
    // the decided finding "Crohn's disease" (0-15). The pipeline moved the cut back itself.
    const detector = health();
    for (const length of [203, 205, 209]) {
      const text = `Crohn's disease ${'a'.repeat(length)}`;
      expect(detector.pending(text, 0), text).toBe(0);
      expect(detector.pending(`say: ${text}`, 2), text).toBe(5);
    }
    expectPendingContract(detector, `Crohn's disease ${'a'.repeat(212)} ok`);
    expectStreamEquivalent(redactor, `Crohn's disease ${'a'.repeat(205)} ok`, [`Crohn's disease ${'a'.repeat(205)}`, ' ok']);
  });
});

describe('health', () => {
  it.each(GOLDEN)('finds the golden spans in %j', (text, expected) => {
    const found = redactor.find(text).map(({ start, end, category }) => ({ start, end, category }));
    expect(found).toEqual(spansOf(text, expected));
    for (const finding of redactor.find(text)) expect(finding.type).toBe('HEALTH');
  });

  it.each(GOLDEN.filter(([text]) => text.length > 0))('streams %j like the one-shot redaction', (text) => {
    checkAllChunkings(redactor, text, 15);
    checkAllChunkings(withEmail, `mail a.b@example.com ${text}`, 10);
  });

  it('finds common conditions after a diagnosis and common medications after a prescription', () => {
    // A coverage floor written here (everyday names a user would expect, checked by hand), not
    // taken from the lexicon: removing or mistiering one of them fails this test.
    const conditions = [
      'hemorrhoids', 'stuttering', 'hives', 'urticaria', 'astigmatism', 'myopia', 'presbyopia',
      "athlete's foot", 'jock itch', 'ringworm', 'yeast infection', 'thrush', 'candidiasis', 'pink eye',
      'conjunctivitis', 'stye', 'sinusitis', 'tonsillitis', 'strep throat', 'bronchitis', 'pneumonia',
      'whooping cough', 'mono', 'mononucleosis', 'shingles', 'chickenpox', 'measles', 'mumps', 'rubella',
      'scarlet fever', 'lyme disease', 'gout', 'sciatica', 'plantar fasciitis', 'carpal tunnel', 'tendonitis',
      'bursitis', 'vertigo', 'tinnitus', 'sleep apnea', 'insomnia', 'narcolepsy', 'restless legs',
      'fibromyalgia', 'lupus', 'psoriasis', 'eczema', 'rosacea', 'acne', 'vitiligo', 'alopecia', 'celiac',
      "crohn's", 'colitis', 'diverticulitis', 'gallstones', 'kidney stones', 'UTI', 'endometriosis', 'PCOS',
      'fibroids', 'menopause', 'erectile dysfunction', 'infertility', 'miscarriage', 'preeclampsia',
      'gestational diabetes', 'anemia', 'hemophilia', 'sickle cell', 'leukemia', 'lymphoma', 'melanoma',
      'glaucoma', 'cataracts', 'macular degeneration', 'dementia', "parkinson's", 'epilepsy', 'migraine',
      'concussion', 'ADHD', 'autism', 'OCD', 'PTSD', 'bipolar', 'schizophrenia', 'anorexia', 'bulimia',
      'binge eating', 'alcoholism', 'opioid addiction', 'hypothyroidism', 'hyperthyroidism', "Hashimoto's",
      "Graves' disease", 'osteoporosis', 'arthritis', 'scoliosis', 'hernia', 'appendicitis', 'dysentery',
      'botulism', 'salmonella', 'food poisoning', 'norovirus', 'covid', 'long covid', 'flu', 'RSV',
      'hepatitis', 'HPV', 'chlamydia', 'gonorrhea', 'syphilis', 'herpes', 'HIV', 'hypertension',
      'high cholesterol', 'heart failure', 'atrial fibrillation', 'angina', 'asthma', 'COPD', 'emphysema',
      'tuberculosis', 'cystic fibrosis', 'multiple sclerosis', 'ALS', 'cerebral palsy', 'down syndrome',
      'spina bifida', 'hydrocephalus', 'meningitis', 'encephalitis', 'sepsis', 'cellulitis', 'impetigo',
      'scabies', 'lice', 'warts', 'cold sores', 'canker sores', 'gingivitis', 'periodontitis', 'TMJ',
      'bunions', 'hammertoe', 'varicose veins', 'DVT', 'pulmonary embolism', 'aneurysm', 'stroke',
      'heart attack', 'seizure', 'panic attacks', 'social anxiety', 'postpartum depression',
      'seasonal affective disorder', 'eating disorder', 'self-harm', 'suicidal ideation', 'substance abuse',
      'addiction', 'overdose',
    ];
    const medications = [
      'ibuprofen', 'acetaminophen', 'Tylenol', 'Advil', 'aspirin', 'naproxen', 'Aleve', 'Benadryl', 'Zyrtec',
      'Claritin', 'Allegra', 'Flonase', 'Sudafed', 'Mucinex', 'DayQuil', 'NyQuil', 'prednisone', 'amoxicillin',
      'azithromycin', 'Z-Pak', 'Cipro', 'doxycycline', 'metformin', 'insulin', 'Ozempic', 'Wegovy', 'Mounjaro',
      'lisinopril', 'amlodipine', 'atorvastatin', 'Lipitor', 'simvastatin', 'levothyroxine', 'Synthroid',
      'omeprazole', 'sertraline', 'Zoloft', 'fluoxetine', 'Prozac', 'Wellbutrin', 'Xanax', 'Ativan',
      'Klonopin', 'Adderall', 'Ritalin', 'Vyvanse', 'gabapentin', 'tramadol', 'oxycodone', 'hydrocodone',
      'Vicodin', 'Percocet', 'Suboxone', 'methadone', 'Narcan', 'EpiPen', 'albuterol', 'Ventolin', 'Plan B',
      'Viagra', 'Cialis', 'Truvada', 'Accutane', 'Zepbound', 'semaglutide', 'tirzepatide', 'Paxlovid',
      'Tamiflu', 'Valtrex', 'Diflucan', 'Keflex', 'Bactrim', 'Flagyl', 'Coumadin', 'warfarin', 'Eliquis',
      'Xarelto', 'Plavix', 'Humira', 'Dupixent', 'Botox', 'Imitrex', 'Topamax', 'Lamictal', 'Seroquel',
      'Abilify', 'lithium', 'Zofran', 'Imodium', 'Pepto-Bismol', 'Miralax', 'Dulcolax', 'Nexplanon', 'IUD',
      'Depo-Provera',
    ];
    const missed = [
      ...conditions.filter((term) => redactor.find(`I was diagnosed with ${term} last year`).length === 0),
      ...medications.filter((term) => redactor.find(`my doctor prescribed ${term} for it`).length === 0),
    ];
    expect(missed).toEqual([]);
  });

  it('finds a term after a long run of ordinary words', () => {
    const filler = 'the order still says processing and '.repeat(40);
    const found = redactor.find(`${filler}now metformin`);
    expect(found.map(({ start, end }) => [start, end])).toEqual([[filler.length + 4, filler.length + 13]]);
    expect(redactor.find(`${filler}é metformin`).map(({ start }) => start)).toEqual([filler.length + 2]);
  });

  it('restricts categories and tiers', () => {
    const onlyMeds = createRedactor({ detectors: [health({ categories: ['medication'] })] });
    expect(onlyMeds.find('asthma and metformin').map((f) => f.category)).toEqual(['medication']);
    const onlyT1 = createRedactor({ detectors: [health({ tiers: ['T1'] })] });
    expect(onlyT1.find('I have a cold and asthma').map((f) => f.start)).toEqual([18]);
    expect(() => health({ categories: ['bones' as HealthCategory] })).toThrow(TypeError);
    expect(() => health({ tiers: 'T1' as never })).toThrow(TypeError);
  });

  it('scores T1 above cue-gated T2', () => {
    const [t2] = redactor.find('I have a cold');
    const [t1] = redactor.find('asthma');
    expect(t1.score).toBeGreaterThan(t2.score);
  });

  it('finds a T1 term embedded in random prose with its exact span', () => {
    const terms = ['metformin', 'chemotherapy', 'type 2 diabetes', 'schizophrenia', 'breast cancer', 'Lexapro', 'appendectomy', 'HIV', 'high blood pressure'];
    const word = fc.stringMatching(/^[a-z]{1,8}$/);
    const prose = fc.array(word, { maxLength: 8 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(prose, fc.constantFrom(...terms), prose, fc.constantFrom(' ', '. ', ', ', '! '), (before, term, after, separator) => {
        const prefix = before === '' ? '' : `${before} `;
        const text = `${prefix}${term}${after === '' ? '' : separator + after}`;
        const found = redactor.find(text);
        expect(found.some((f) => f.start === prefix.length && f.end === prefix.length + term.length)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('finds nothing in random words that start no lexicon form', () => {
    const firstTokens = new Set<string>();
    for (const group of HEALTH_LEXICON) {
      for (const form of group.slice(group.indexOf('\t') + 1).split('|')) firstTokens.add(form.split(' ')[0].toLowerCase());
    }
    const word = fc.stringMatching(/^[a-z]{1,9}$/).filter((w) => !firstTokens.has(w));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), (words) => {
        expect(redactor.find(words.join(' '))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('streams random texts built around terms and cues exactly', () => {
    const pieces = ['I was diagnosed with', 'my', 'depression', 'cold', 'brew', 'meds', 'type 2 diabetes', 'metformin', 'MS', 'Teams', 'PrEP', 'the', 'stroke', 'of', 'genius', '.', '\n', 'x@y.io', 'hello'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(chunked(text), ([value, points]) => {
        expectStreamEquivalent(withEmail, value, cut(value, points));
      }),
      { numRuns: 300 },
    );
  });

  it('holds clean prose back no further than its trailing word', () => {
    const stream = redactor.stream();
    stream.push('thanks, see you tomorrow at noon ');
    expect(stream.pending).toBe(0);
    stream.push('bye');
    expect(stream.pending).toBeLessThanOrEqual(3);
  });

  it('holds a T2 candidate until its after window is decided, then releases it', () => {
    const stream = redactor.stream();
    let out = stream.push('Anyone know if cancer ');
    expect(out).toBe('Anyone know if ');
    out += stream.push('symptoms, anyone?');
    out += stream.end();
    expect(out).toBe('Anyone know if [HEALTH] symptoms, anyone?');
  });

  it('runs in linear time on 1 MB of words and on one 1 MB token', () => {
    const words = 'the patient said my cold brew and metformin dose were fine today '.repeat(16_000);
    const time = (text: string) => {
      const start = performance.now();
      redactor.redact(text);
      return performance.now() - start;
    };
    time(words.slice(0, 100_000)); // warm up
    const small = time(words.slice(0, words.length / 4));
    const large = time(words);
    expect(large).toBeLessThan(Math.max(small, 5) * 10);
    const token = 'a'.repeat(1_000_000);
    expect(time(token)).toBeLessThan(2_000);
    const stream = redactor.stream();
    for (let k = 0; k < 16; k++) stream.push(token.slice(0, 65_536));
    expect(stream.pending).toBeLessThan(1_024);
  });
});

describe('build-health-lexicon', () => {
  const tsv = readFileSync(new URL('../../lexicon/health.tsv', import.meta.url), 'utf8');

  it('generated module is up to date with lexicon/health.tsv', () => {
    const committed = readFileSync(new URL('../../src/data/health-lexicon.ts', import.meta.url), 'utf8');
    expect(generateModule(tsv) === committed, 'run npx tsx scripts/build-health-lexicon.ts').toBe(true);
  });

  it('rejects bad rows: unknown tier, duplicate, long phrase, lower-case T3', () => {
    const header = 'term\tcategory\ttier\tsource\n';
    expect(() => parseLexicon(`${header}asthma\tcondition\tT4\tDO\n`)).toThrow(/tier/);
    expect(() => parseLexicon(`${header}asthma\tcondition\tT1\tDO\nAsthma\tcondition\tT1\tDO\n`)).toThrow(/duplicates/);
    expect(() => parseLexicon(`${header}a b c d e f g\tcondition\tT1\treviewed\n`)).toThrow(/tokens/);
    expect(() => parseLexicon(`${header}prep\treproductive\tT3\treviewed\n`)).toThrow(/upper-case/);
    expect(() => parseLexicon(`${header}hiv/aids\tcondition\tT1\treviewed\n`)).toThrow(/characters/);
  });

  it('fails T1 brands that are ordinary English words', () => {
    const rows = parseLexicon('term\tcategory\ttier\tsource\nAleve\tmedication\tT1\tFDA\nSonata\tmedication\tT2\tFDA\nValium\tmedication\tT1\tFDA\n');
    const { errors, warnings } = checkBrands(rows, 'aleve\nsonata\nValium\n');
    expect(errors).toHaveLength(1);
    expect(warnings).toHaveLength(1);
  });
});
