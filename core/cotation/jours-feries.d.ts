declare module '@socialgouv/jours-feries' {
  /** Public holidays of a year as local-time Dates, keyed by French name; `alsace` adds Good Friday and 26 Dec. */
  export default function joursFeries(year: number, options?: { alsace?: boolean }): Record<string, Date>;
}
