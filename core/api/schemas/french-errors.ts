/**
 * The one place zod's messages are set for the API: the French locale, plus French messages that never
 * show internal values (an enum's `"draft"|"validated"…`, a type name) for the issues a schema does not
 * word itself. Installed once by common.ts, which every schema imports.
 */
// Namespace import + the one locale used: the bundles then keep only the zod they need (not its ~50 locales),
// which is most of the zod a fresh process has to parse at start.
import * as z from 'zod';
import fr from 'zod/v4/locales/fr.js';

/** For issues a schema left without its own message; `undefined` lets the French locale answer. */
export const frenchCustomError = (issue: z.core.$ZodRawIssue): string | undefined => {
  switch (issue.code) {
    case 'invalid_value':
      return 'Choix invalide : choisissez une des valeurs proposées.';
    case 'invalid_union':
      return 'Saisie invalide.';
    case 'invalid_type':
      if (issue.input === undefined) return 'Champ obligatoire.';
      if (issue.expected === 'number' || issue.expected === 'int') return 'Nombre attendu.';
      if (issue.expected === 'string') return 'Texte attendu.';
      if (issue.expected === 'boolean') return 'Oui ou non attendu.';
      if (issue.expected === 'array') return 'Liste attendue.';
      if (issue.expected === 'object') return 'Saisie invalide : formulaire attendu.';
      return 'Saisie invalide.';
    case 'unrecognized_keys':
      return 'Saisie invalide : champ inconnu.';
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'Champ obligatoire.' : `Au moins ${String(issue.minimum)} caractères.`;
      if (issue.origin === 'array' || issue.origin === 'set') return Number(issue.minimum) <= 1 ? 'Choisissez au moins un élément.' : `Choisissez au moins ${String(issue.minimum)} éléments.`;
      return Math.abs(Number(issue.minimum)) < 1e9 ? `Valeur trop petite (minimum ${String(issue.minimum)}).` : 'Valeur trop petite.';
    case 'too_big':
      if (issue.origin === 'string') return `${String(issue.maximum)} caractères au maximum.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${String(issue.maximum)} éléments au maximum.`;
      return Math.abs(Number(issue.maximum)) < 1e9 ? `Valeur trop grande (maximum ${String(issue.maximum)}).` : 'Valeur trop grande.';
    case 'invalid_format':
      return 'Format invalide.';
    case 'not_multiple_of':
      return 'Valeur invalide.';
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return 'Saisie invalide.';
    default:
      return undefined;
  }
};

export function installFrenchErrors(): void {
  z.config({ ...fr(), customError: frenchCustomError });
}

/**
 * C0 and C1 control characters and DEL, and Unicode's invisible format characters (category Cf: bidi
 * overrides and isolates U+202A–202E, U+2066–2069, marks U+200E/200F, zero-width U+200B–200D, U+2060,
 * U+FEFF, soft hyphen…) with the line and paragraph separators U+2028/2029: a name shown « martin » must be
 * stored, searched and printed « martin » (a right-to-left override would print « NITRAM »). `multiline`
 * text keeps tab, line feed and carriage return.
 */
const CONTROL = /[\u0000-\u001F\u007F-\u009F\p{Cf}\u2028\u2029]/u;
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Cf}\u2028\u2029]/u;
export const hasControlCharacters = (text: string, multiline = false): boolean => (multiline ? CONTROL_MULTILINE : CONTROL).test(text);
export const CONTROL_CHARACTERS_MESSAGE = 'Caractère non autorisé (caractère de contrôle) : retapez le texte.';
