/**
 * Subdivisions the post requires on the label, as the codes carriers print (USPS states, Canada
 * Post provinces, Australia Post states, Brazil's UFs). Names are the local official ones.
 */
export type Region = { code: string; name: string };

const list = (entries: string): Region[] =>
  entries
    .trim()
    .split('\n')
    .map((line) => {
      const [code, name] = line.trim().split('|') as [string, string];
      return { code, name };
    });

export const regionsByCountry: Partial<Record<string, Region[]>> = {
  US: list(`
    AL|Alabama
    AK|Alaska
    AZ|Arizona
    AR|Arkansas
    CA|California
    CO|Colorado
    CT|Connecticut
    DE|Delaware
    DC|District of Columbia
    FL|Florida
    GA|Georgia
    HI|Hawaii
    ID|Idaho
    IL|Illinois
    IN|Indiana
    IA|Iowa
    KS|Kansas
    KY|Kentucky
    LA|Louisiana
    ME|Maine
    MD|Maryland
    MA|Massachusetts
    MI|Michigan
    MN|Minnesota
    MS|Mississippi
    MO|Missouri
    MT|Montana
    NE|Nebraska
    NV|Nevada
    NH|New Hampshire
    NJ|New Jersey
    NM|New Mexico
    NY|New York
    NC|North Carolina
    ND|North Dakota
    OH|Ohio
    OK|Oklahoma
    OR|Oregon
    PA|Pennsylvania
    RI|Rhode Island
    SC|South Carolina
    SD|South Dakota
    TN|Tennessee
    TX|Texas
    UT|Utah
    VT|Vermont
    VA|Virginia
    WA|Washington
    WV|West Virginia
    WI|Wisconsin
    WY|Wyoming
    AS|American Samoa
    GU|Guam
    MP|Northern Mariana Islands
    PR|Puerto Rico
    VI|U.S. Virgin Islands
    AA|Armed Forces Americas
    AE|Armed Forces Europe
    AP|Armed Forces Pacific
  `),
  CA: list(`
    AB|Alberta
    BC|British Columbia
    MB|Manitoba
    NB|New Brunswick
    NL|Newfoundland and Labrador
    NS|Nova Scotia
    NT|Northwest Territories
    NU|Nunavut
    ON|Ontario
    PE|Prince Edward Island
    QC|Québec
    SK|Saskatchewan
    YT|Yukon
  `),
  AU: list(`
    ACT|Australian Capital Territory
    NSW|New South Wales
    NT|Northern Territory
    QLD|Queensland
    SA|South Australia
    TAS|Tasmania
    VIC|Victoria
    WA|Western Australia
  `),
  BR: list(`
    AC|Acre
    AL|Alagoas
    AP|Amapá
    AM|Amazonas
    BA|Bahia
    CE|Ceará
    DF|Distrito Federal
    ES|Espírito Santo
    GO|Goiás
    MA|Maranhão
    MT|Mato Grosso
    MS|Mato Grosso do Sul
    MG|Minas Gerais
    PA|Pará
    PB|Paraíba
    PR|Paraná
    PE|Pernambuco
    PI|Piauí
    RJ|Rio de Janeiro
    RN|Rio Grande do Norte
    RS|Rio Grande do Sul
    RO|Rondônia
    RR|Roraima
    SC|Santa Catarina
    SP|São Paulo
    SE|Sergipe
    TO|Tocantins
  `),
};

/** A region typed as its code or its name (any case, accents optional) → the code; undefined if unknown. */
export function matchRegion(regions: Region[], value: string): string | undefined {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[.\s]+/g, ' ').trim().toUpperCase();
  const wanted = fold(value);
  return regions.find((r) => r.code === wanted || fold(r.name) === wanted)?.code;
}
