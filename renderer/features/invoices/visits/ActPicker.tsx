import type { Profession } from '../../../../core/domain/types.ts';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { ActModel, CatalogueAct } from '../../../../core/cotation/types.ts';
import { formatActCode } from '../../../../core/domain/acts.ts';
import { searchActs } from '../../../../core/cotation/act-search.ts';

const actName = (a: CatalogueAct) => `${a.coefficient === null ? a.code : formatActCode(a.code, a.coefficient)} – ${a.label}`;

/** The search box of visit n's picker (focus target after « Créer la facture », a pick, a new visit). */
export const pickerSearchId = (n: number) => `picker-${n}-q`;

/**
 * Picks acts by code or words, from favourites, or from a saved model (« insuline matin »).
 * Keyboard: ↑/↓ move the highlighted result, Enter adds it, Escape closes the results; after a pick the
 * cursor is back in the search box for the next act. Enter in an empty search box is left to the editor
 * (it saves the visits).
 */
export function ActPicker(props: {
  n: number;
  acts: readonly CatalogueAct[];
  date: string | null;
  favourites: readonly string[];
  models: readonly ActModel[];
  onPick(act: CatalogueAct): void;
  onFavourite(key: string, on: boolean): void;
  onApplyModel(model: ActModel): void;
  /** Examples of words to type, for the practitioner's profession. */
  examples: string;
}) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [modelId, setModelId] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const results = searchActs(props.acts, query, props.date).slice(0, 8);
  const favourites = props.acts.filter((a) => props.favourites.includes(a.key));
  const id = `picker-${props.n}`;
  const open = query.trim() !== '';
  const current = open ? results[Math.min(active, results.length - 1)] : undefined;
  const pick = (a: CatalogueAct) => {
    props.onPick(a);
    setQuery('');
    setActive(0);
    input.current?.focus();
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing || !open) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (results.length > 0) setActive((i) => (Math.min(i, results.length - 1) + (e.key === 'ArrowDown' ? 1 : -1) + results.length) % results.length);
    } else if (e.key === 'Enter') {
      // Handled here, not by the editor: Enter with results shown adds an act, it never saves.
      e.preventDefault();
      e.stopPropagation();
      if (current) pick(current);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setQuery('');
      setActive(0);
    }
  };
  return (
    <div className="act-picker">
      <div className="field">
        <label htmlFor={`${id}-q`}>Rechercher un acte (visite {props.n})</label>
        <input
          id={`${id}-q`}
          ref={input}
          type="search"
          autoComplete="off"
          placeholder={`code ou mots : ${props.examples}`}
          aria-describedby={`${id}-hint`}
          value={query}
          onChange={(e) => (setQuery(e.target.value), setActive(0))}
          onKeyDown={onKey}
        />
        <span id={`${id}-hint`} className="field__hint" aria-live="polite">
          {current ? `Entrée : ajouter ${actName(current)}. ↑ ↓ : autre acte, Échap : fermer.` : open ? '' : 'Tapez un code ou des mots, puis Entrée ; Entrée dans le champ vide enregistre les visites.'}
        </span>
      </div>
      {open ? (
        <ul className="act-results" id={`${id}-results`} aria-label={`Actes trouvés (visite ${props.n})`}>
          {results.length === 0 ? <li className="muted">Aucun acte ne correspond : saisissez le code directement.</li> : null}
          {results.map((a) => {
            const fav = props.favourites.includes(a.key);
            const on = a === current;
            return (
              <li key={a.key} className={on ? 'act-results__item--active' : undefined}>
                <button type="button" aria-current={on ? 'true' : undefined} onClick={() => pick(a)}>
                  Ajouter {actName(a)}
                </button>
                {a.verifyNote ? <span className="badge badge--warn" title={a.verifyNote}>à vérifier</span> : null}
                <button type="button" className="link" aria-pressed={fav} aria-label={`${fav ? 'Retirer des favoris' : 'Ajouter aux favoris'} : ${actName(a)}`} onClick={() => props.onFavourite(a.key, !fav)}>
                  {fav ? '★' : '☆'}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {favourites.length > 0 ? (
        <div className="act-favourites" role="group" aria-label={`Favoris (visite ${props.n})`}>
          {favourites.map((a) => (
            <button type="button" key={a.key} onClick={() => pick(a)}>
              ★ {actName(a)}
            </button>
          ))}
        </div>
      ) : null}
      {props.models.length > 0 ? (
        <div className="act-models">
          <label htmlFor={`${id}-m`}>Modèle (visite {props.n})</label>
          <select id={`${id}-m`} value={modelId} onChange={(e) => setModelId(e.target.value)}>
            <option value="">—</option>
            {props.models.map((m) => (
              <option key={m.id} value={String(m.id)}>
                {m.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={modelId === ''}
            onClick={() => {
              const m = props.models.find((x) => String(x.id) === modelId);
              if (m) props.onApplyModel(m);
              input.current?.focus();
            }}
          >
            Appliquer le modèle
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** Saves the visit's acts as a named model; Enter in the name saves the model (not the visits). */
export function SaveModelForm(props: { n: number; profession: Profession; onSaveModel(name: string): void }) {
  const [modelName, setModelName] = useState('');
  const id = `picker-${props.n}-name`;
  const save = () => {
    if (modelName.trim() === '') return;
    props.onSaveModel(modelName.trim());
    setModelName('');
  };
  return (
    <div className="act-models">
      <label htmlFor={id}>Nom du modèle (visite {props.n})</label>
      <input
        id={id}
        placeholder={props.profession === 'masseur-kinesitherapeute' ? 'rééducation genou' : 'insuline matin'}
        value={modelName}
        maxLength={60}
        onChange={(e) => setModelName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
          e.preventDefault();
          e.stopPropagation();
          save();
        }}
      />
      <button type="button" disabled={modelName.trim() === ''} onClick={save}>
        Enregistrer ces actes comme modèle
      </button>
    </div>
  );
}
