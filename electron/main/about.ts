/** « À propos de Feuillet »: version, what it is, and that it is not SESAM-Vitale certified. */
import { NOTICE_FR } from '../handlers/app.ts';

export interface AboutFacts {
  version: string;
  dataDir: string;
  versions: { electron?: string; chrome?: string; node?: string };
}

export interface AboutContent {
  title: string;
  message: string;
  detail: string;
}

export function aboutContent(f: AboutFacts): AboutContent {
  const engine = [
    f.versions.electron && `Electron ${f.versions.electron}`,
    f.versions.chrome && `Chromium ${f.versions.chrome}`,
    f.versions.node && `Node ${f.versions.node}`,
  ].filter(Boolean);
  return {
    title: 'À propos de Feuillet',
    message: `Feuillet — version ${f.version}`,
    detail: [
      "Facturation en mode dégradé pour infirmiers et masseurs-kinésithérapeutes libéraux — patients à l'AME.",
      `Logiciel non certifié SESAM-Vitale. ${NOTICE_FR}`,
      `Dossier des données : ${f.dataDir}`,
      ...(engine.length ? [engine.join(' · ')] : []),
    ].join('\n\n'),
  };
}
