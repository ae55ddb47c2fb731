/**
 * Codes of the majorations as the sources write them on a feuille de soins (BILLING-RULES §10,
 * medicalib.fr « actes infirmiers et majorations »; snmkr.fr « majorations en détail »): N for night,
 * F for Sunday and public holiday (also the Saturday emergency). The 23h–5h nurse code was not found in
 * the sources: it keeps its former code, marked « à vérifier » in the catalogue.
 * MN and MD were this app's former spellings: still read (drafts saved before), priced as N and F.
 */
export const NIGHT = 'N';
export const DEEP_NIGHT = 'MNP';
export const SUNDAY_HOLIDAY = 'F';
export const TIME_CODES = [NIGHT, DEEP_NIGHT, SUNDAY_HOLIDAY] as const;
const LEGACY: Record<string, string> = { MN: NIGHT, MD: SUNDAY_HOLIDAY };
export const LEGACY_TIME_CODES = Object.keys(LEGACY);

/** A majoration code as the engine prices it (former spellings MN/MD read as N/F). */
export const currentCode = (code: string): string => LEGACY[code] ?? code;
