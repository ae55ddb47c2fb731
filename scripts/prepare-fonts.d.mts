export const DROPPED_TABLES: readonly string[];
export function stripFont(font: Buffer): Buffer;
export function prepareFonts(from: string, to: string): void;
