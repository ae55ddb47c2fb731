import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));
const { menuTemplate, MENU_SHORTCUTS } = await import('../../electron/main/menu.ts');
const { SHELL_ACTIONS } = await import('../../electron/preload/api.ts');

const handlers = (over: Partial<Parameters<typeof menuTemplate>[0]> = {}) => ({
  isMac: false,
  send: vi.fn(),
  showAbout: vi.fn(),
  printMode: vi.fn(() => 'dialog' as const),
  setPrintMode: vi.fn(),
  openDataFolder: vi.fn(),
  ...over,
});

const items = (menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  menu.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);
const byLabel = (menu: MenuItemConstructorOptions[], label: string) => items(menu).find((i) => i.label === label)!;
const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

describe('application menu (French)', () => {
  it('has Fichier, Édition, Affichage, Aide on Windows and Linux', () => {
    expect(menuTemplate(handlers()).map((m) => m.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide']);
  });

  it('puts the application menu first on macOS, with À propos and Quitter Feuillet', () => {
    const t = menuTemplate(handlers({ isMac: true }));
    expect(t.map((m) => m.label)).toEqual(['Feuillet', 'Fichier', 'Édition', 'Affichage', 'Aide']);
    const appMenu = (t[0]!.submenu as MenuItemConstructorOptions[]).map((i) => i.label);
    expect(appMenu).toContain('À propos de Feuillet');
    expect(appMenu).toContain('Quitter Feuillet');
    expect(items(t).filter((i) => i.role === 'quit')).toHaveLength(1);
  });

  it.each([
    ['Nouveau patient', 'nouveau-patient', 'Alt+N'],
    ['Facturer', 'facturer', 'Alt+F'],
    ['Imprimer', 'imprimer', 'Alt+I'],
    ['Rechercher un patient', 'rechercher', 'Alt+R'],
    ['Sauvegarder maintenant', 'sauvegarder', 'CmdOrCtrl+S'],
  ])('« %s » sends the action %s to the page, shortcut %s', (label, action, accelerator) => {
    const h = handlers();
    const item = byLabel(menuTemplate(h), label);
    expect(item.accelerator).toBe(accelerator);
    click(item);
    expect(h.send).toHaveBeenCalledExactlyOnceWith(action);
  });

  it('covers every shell action once, and lets the page handle the Alt keys it shows (one press, one action)', () => {
    const actionItems = items(menuTemplate(handlers())).filter((i) => String(i.id ?? '').startsWith('action:'));
    expect(actionItems.map((i) => i.id).sort()).toEqual(SHELL_ACTIONS.map((a) => `action:${a}`).sort());
    for (const i of actionItems) {
      const action = String(i.id).slice('action:'.length) as keyof typeof MENU_SHORTCUTS;
      expect(i.registerAccelerator).toBe(!MENU_SHORTCUTS[action].pageHandlesKey);
    }
    expect(byLabel(menuTemplate(handlers()), 'Sauvegarder maintenant').registerAccelerator).toBe(true);
  });

  it('keeps the standard edit and view roles, labelled in French', () => {
    const t = menuTemplate(handlers());
    const edit = (t[1]!.submenu as MenuItemConstructorOptions[]).filter((i) => i.role).map((i) => [i.role, i.label]);
    expect(edit).toEqual([
      ['undo', 'Annuler'],
      ['redo', 'Rétablir'],
      ['cut', 'Couper'],
      ['copy', 'Copier'],
      ['paste', 'Coller'],
      ['selectAll', 'Tout sélectionner'],
    ]);
    const view = (t[2]!.submenu as MenuItemConstructorOptions[]).filter((i) => i.role).map((i) => i.label);
    expect(view).toEqual(['Taille réelle', 'Zoom avant', 'Zoom arrière', 'Plein écran']);
    expect(items(t).some((i) => i.role === 'toggleDevTools')).toBe(false);
  });

  it('Aide → « À propos de Feuillet » shows the about box', () => {
    const h = handlers();
    const t = menuTemplate(h);
    expect(t[3]!.label).toBe('Aide');
    click(byLabel(t, 'À propos de Feuillet'));
    expect(h.showAbout).toHaveBeenCalledOnce();
  });

  it('offers the two ways to print as radio items, the remembered one checked, and stores a change', () => {
    const h = handlers({ printMode: vi.fn(() => 'viewer' as const) });
    const t = menuTemplate(h);
    const dialog = byLabel(t, "Ouvrir directement la boîte d'impression");
    const viewer = byLabel(t, 'Ouvrir le PDF dans la visionneuse du système');
    expect([dialog.type, dialog.checked, viewer.type, viewer.checked]).toEqual(['radio', false, 'radio', true]);
    click(dialog);
    expect(h.setPrintMode).toHaveBeenCalledWith('dialog');
  });

  it('opens the data folder from Fichier', () => {
    const h = handlers();
    click(byLabel(menuTemplate(h), 'Ouvrir le dossier des données'));
    expect(h.openDataFolder).toHaveBeenCalledOnce();
  });
});
