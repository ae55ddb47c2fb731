import { create } from 'zustand';
import type { Practitioner } from '../../core/domain/types.ts';
import { api } from '../api/client.ts';

/** Where this workstation remembers who is working at the desk (survives a restart). */
const STORAGE_KEY = 'feuillet.praticien-en-cours';

function storedId(): number | null {
  try {
    const v = Number(globalThis.localStorage?.getItem(STORAGE_KEY));
    return Number.isInteger(v) && v > 0 ? v : null;
  } catch {
    return null;
  }
}

function storeId(id: number | null): void {
  try {
    if (id === null) globalThis.localStorage?.removeItem(STORAGE_KEY);
    else globalThis.localStorage?.setItem(STORAGE_KEY, String(id));
  } catch {
    // A browser refusing storage only means choosing again next time.
  }
}

/**
 * The current practitioner: chosen once per workstation, shown in the header, used by every screen
 * (Facturer, Suivi, Recettes). With one practitioner it is that one; with several, the last chosen here,
 * else nobody until the user picks (never silently the first of the list).
 */
export function pickCurrent(active: readonly Practitioner[], wanted: number | null): number | null {
  if (wanted !== null && active.some((p) => p.id === wanted)) return wanted;
  return active.length === 1 ? active[0]!.id : null;
}

interface PractitionerState {
  /** Active practitioners; null until loaded. */
  practitioners: Practitioner[] | null;
  currentId: number | null;
  load(): Promise<Practitioner[]>;
  choose(id: number): void;
}

export const usePractitioners = create<PractitionerState>((set, get) => ({
  practitioners: null,
  currentId: null,
  async load() {
    const r = await api.call('practitioners/list', {});
    if (!r.ok) return get().practitioners ?? [];
    const active = r.value.filter((p) => !p.archived);
    const currentId = pickCurrent(active, get().currentId ?? storedId());
    if (currentId !== null) storeId(currentId);
    set({ practitioners: active, currentId });
    return active;
  },
  choose(id) {
    storeId(id);
    set({ currentId: id });
  },
}));

/** The current practitioner, or null (none yet, or several and none chosen). */
export function useCurrentPractitioner(): Practitioner | null {
  return usePractitioners((s) => s.practitioners?.find((p) => p.id === s.currentId) ?? null);
}
