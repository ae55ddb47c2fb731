import { useState } from 'react';
import type { ActModel, CatalogueAct } from '../../../../core/cotation/types.ts';
import { formatActCode } from '../../../../core/domain/acts.ts';
import { searchActs } from './act-search.ts';

const actName = (a: CatalogueAct) => `${a.coefficient === null ? a.code : formatActCode(a.code, a.coefficient)} – ${a.label}`;

/** Picks acts by code or words, from favourites, or from a saved model (« insuline matin »). */
export function ActPicker(props: {
  n: number;
  acts: readonly CatalogueAct[];
  date: string | null;
  favourites: readonly string[];
  models: readonly ActModel[];
  onPick(act: CatalogueAct): void;
  onFavourite(key: string, on: boolean): void;
  onApplyModel(model: ActModel): void;
  onSaveModel(name: string): void;
  canSaveModel: boolean;
}) {
  const [query, setQuery] = useState('');
  const [modelId, setModelId] = useState('');
  const [modelName, setModelName] = useState('');
  const results = searchActs(props.acts, query, props.date).slice(0, 8);
  const favourites = props.acts.filter((a) => props.favourites.includes(a.key));
  const id = `picker-${props.n}`;
  return (
    <div className="act-picker">
      <div className="field">
        <label htmlFor={`${id}-q`}>Rechercher un acte (visite {props.n})</label>
        <input id={`${id}-q`} type="search" placeholder="code ou mots : prise de sang, pansement lourd, insuline…" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      {query.trim() !== '' ? (
        <ul className="act-results" aria-label={`Actes trouvés (visite ${props.n})`}>
          {results.length === 0 ? <li className="muted">Aucun acte ne correspond : saisissez le code directement.</li> : null}
          {results.map((a) => {
            const fav = props.favourites.includes(a.key);
            return (
              <li key={a.key}>
                <button type="button" onClick={() => (props.onPick(a), setQuery(''))}>
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
            <button type="button" key={a.key} onClick={() => props.onPick(a)}>
              ★ {actName(a)}
            </button>
          ))}
        </div>
      ) : null}
      <div className="act-models">
        {props.models.length > 0 ? (
          <>
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
              }}
            >
              Appliquer le modèle
            </button>
          </>
        ) : null}
        {props.canSaveModel ? (
          <>
            <label htmlFor={`${id}-name`}>Nom du modèle (visite {props.n})</label>
            <input id={`${id}-name`} placeholder="insuline matin" value={modelName} maxLength={60} onChange={(e) => setModelName(e.target.value)} />
            <button type="button" disabled={modelName.trim() === ''} onClick={() => (props.onSaveModel(modelName.trim()), setModelName(''))}>
              Enregistrer ces actes comme modèle
            </button>
          </>
        ) : null}
      </div>
    </div>
  );
}
