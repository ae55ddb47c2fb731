// fontkit ships no types; Feuillet only opens a font file with it and hands the result to pdfkit.
declare module 'fontkit' {
  /** A parsed font; pdfkit accepts it wherever it accepts a font file. */
  export interface Font {
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
