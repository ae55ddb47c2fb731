/**
 * The French application menu (Fichier, Édition, Affichage, Aide). The entries that act on the page
 * (Nouveau patient, Facturer, Imprimer, Rechercher, Sauvegarder maintenant) only send their action to
 * the renderer, which carries it out exactly as its own visible shortcut does.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { ShellAction } from '../preload/api.ts';
import type { PrintMode } from './shell-settings.ts';

/**
 * The shortcuts the renderer shows (Alt + letter). The page handles those keys itself, so on Windows and
 * Linux the menu only displays them (`registerAccelerator: false`: one key press, one action). Sauvegarder
 * has no key in the page: the menu registers Ctrl+S (Cmd+S on macOS).
 */
export const MENU_SHORTCUTS: Record<ShellAction, { accelerator: string; pageHandlesKey: boolean }> = {
  'nouveau-patient': { accelerator: 'Alt+N', pageHandlesKey: true },
  facturer: { accelerator: 'Alt+F', pageHandlesKey: true },
  imprimer: { accelerator: 'Alt+I', pageHandlesKey: true },
  rechercher: { accelerator: 'Alt+R', pageHandlesKey: true },
  sauvegarder: { accelerator: 'CmdOrCtrl+S', pageHandlesKey: false },
};

export const PRINT_MODE_LABELS: Record<PrintMode, string> = {
  dialog: "Ouvrir directement la boîte d'impression",
  viewer: 'Ouvrir le PDF dans la visionneuse du système',
};

export interface MenuHandlers {
  isMac: boolean;
  send(action: ShellAction): void;
  showAbout(): void;
  printMode(): PrintMode;
  setPrintMode(mode: PrintMode): void;
  openDataFolder(): void;
}

const action = (h: MenuHandlers, name: ShellAction, label: string): MenuItemConstructorOptions => ({
  id: `action:${name}`,
  label,
  accelerator: MENU_SHORTCUTS[name].accelerator,
  registerAccelerator: !MENU_SHORTCUTS[name].pageHandlesKey,
  click: () => h.send(name),
});

export function menuTemplate(h: MenuHandlers): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { id: 'about', label: 'À propos de Feuillet', click: () => h.showAbout() };
  const printModes: MenuItemConstructorOptions[] = (['dialog', 'viewer'] as const).map((mode) => ({
    id: `print-mode:${mode}`,
    label: PRINT_MODE_LABELS[mode],
    type: 'radio',
    checked: h.printMode() === mode,
    click: () => h.setPrintMode(mode),
  }));
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Fichier',
      submenu: [
        action(h, 'nouveau-patient', 'Nouveau patient'),
        action(h, 'facturer', 'Facturer'),
        { type: 'separator' },
        action(h, 'imprimer', 'Imprimer'),
        { label: 'Impression', submenu: printModes },
        { type: 'separator' },
        action(h, 'sauvegarder', 'Sauvegarder maintenant'),
        { id: 'data-folder', label: 'Ouvrir le dossier des données', click: () => h.openDataFolder() },
        ...(h.isMac ? [] : ([{ type: 'separator' }, { role: 'quit', label: 'Quitter', accelerator: 'Ctrl+Q' }] as MenuItemConstructorOptions[])),
      ],
    },
    {
      label: 'Édition',
      submenu: [
        { role: 'undo', label: 'Annuler' },
        { role: 'redo', label: 'Rétablir' },
        { type: 'separator' },
        { role: 'cut', label: 'Couper' },
        { role: 'copy', label: 'Copier' },
        { role: 'paste', label: 'Coller' },
        { role: 'selectAll', label: 'Tout sélectionner' },
        { type: 'separator' },
        action(h, 'rechercher', 'Rechercher un patient'),
      ],
    },
    {
      label: 'Affichage',
      submenu: [
        { role: 'resetZoom', label: 'Taille réelle' },
        { role: 'zoomIn', label: 'Zoom avant' },
        { role: 'zoomOut', label: 'Zoom arrière' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Plein écran' },
      ],
    },
    { label: 'Aide', role: 'help', submenu: [about] },
  ];
  if (h.isMac) {
    // macOS puts the application's own menu first, named after it.
    template.unshift({
      label: 'Feuillet',
      submenu: [
        { ...about, id: 'about-app-menu' },
        { type: 'separator' },
        { role: 'hide', label: 'Masquer Feuillet' },
        { role: 'hideOthers', label: 'Masquer les autres' },
        { role: 'unhide', label: 'Tout afficher' },
        { type: 'separator' },
        { role: 'quit', label: 'Quitter Feuillet' },
      ],
    });
  }
  return template;
}
