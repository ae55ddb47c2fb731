import { useEffect, useRef } from 'react';
import type { ActModel, CatalogueAct, CotationFacts } from './types.ts';
import { ActPicker, SaveModelForm } from './ActPicker.tsx';
import { VisitResult } from './VisitResult.tsx';
import { newKey, type ActForm, type VisitForm } from './visit-form.ts';
import type { PricedVisit } from '../../../../core/cotation/types.ts';
import { CheckboxField, DateField, SelectField, TextField, type FieldErrors } from '../../../ui/fields.tsx';

const PLACES = [
  { value: 'cabinet' as const, label: 'Au cabinet' },
  { value: 'domicile' as const, label: 'À domicile' },
];
const COORDINATION = [
  { value: 'aucune' as const, label: 'Aucune' },
  { value: 'palliatif' as const, label: 'Soins palliatifs à domicile (MCI)' },
  { value: 'pansement-complexe' as const, label: 'Pansement lourd et complexe (MCI)' },
];

/** One visit: when, where, the conditions a majoration needs, the acts, and the live cotation. */
export function VisitCard(props: {
  n: number;
  form: VisitForm;
  facts: CotationFacts;
  isoDate: string | null;
  priced: PricedVisit | null;
  errors: FieldErrors;
  onChange(form: VisitForm): void;
  onRemove(): void;
  onFavourite(key: string, on: boolean): void;
  onSaveModel(name: string, acts: ActForm[]): void;
}) {
  const { n, form: f, facts } = props;
  const nurse = facts.practice.profession === 'infirmier';
  const set = <K extends keyof VisitForm>(k: K) => (v: VisitForm[K]) => props.onChange({ ...f, [k]: v });
  const setAct = (key: number, patch: Partial<ActForm>) => props.onChange({ ...f, acts: f.acts.map((a) => (a.key === key ? { ...a, ...patch } : a)) });
  const addActs = (acts: Omit<ActForm, 'key'>[]) => {
    const added = acts.map((a) => ({ ...a, key: newKey() }));
    props.onChange({ ...f, acts: [...f.acts, ...added] });
    return added;
  };
  // « Saisir un code »: the cursor goes into the new row's code.
  const focusAct = useRef<number | null>(null);
  useEffect(() => {
    if (focusAct.current === null) return;
    const j = f.acts.findIndex((a) => a.key === focusAct.current);
    if (j < 0) return;
    focusAct.current = null;
    document.querySelector<HTMLInputElement>(`[aria-label="Code ${n}.${j + 1}"]`)?.focus();
  }, [f.acts, n]);
  const pick = (a: CatalogueAct) =>
    addActs([{ catalogueKey: a.key, code: a.code, coefficient: a.coefficient === null ? '' : String(a.coefficient / 100).replace('.', ','), session: 1 }]);
  const applyModel = (m: ActModel) =>
    addActs(m.acts.map((a) => ({ catalogueKey: a.key ?? null, code: a.code, coefficient: String(a.coefficient / 100).replace('.', ','), session: 1 as const })));
  const err = (field: string) => props.errors[`visits.${n - 1}.${field}`];
  const labelOf = (a: ActForm) => {
    const acts = facts.catalogue.acts;
    const coef = Math.round(Number(a.coefficient.replace(',', '.')) * 100);
    return (
      acts.find((c) => c.key === a.catalogueKey) ??
      acts.find((c) => c.code === a.code && c.coefficient === coef) ??
      acts.find((c) => c.code === a.code && c.coefficient === null)
    )?.label ?? '';
  };
  return (
    <fieldset className="visit" aria-label={`Visite ${n}`}>
      <legend>Visite {n}</legend>
      <div className="form-grid">
        <DateField label={`Date de la visite ${n}`} required value={f.date} onChange={set('date')} error={err('date')} />
        <TextField label={`Heure de la visite ${n}`} placeholder="hh:mm" maxLength={5} value={f.time} onChange={set('time')} error={err('time')} hint="Nuit : 20h–8h (majoration seulement avec sa condition)." />
        <SelectField label={`Lieu de la visite ${n}`} value={f.place} onChange={set('place')} options={PLACES} />
        {f.place === 'domicile' ? (
          <>
            <TextField label={`Distance aller en km (visite ${n})`} inputMode="decimal" value={f.distanceKm} onChange={set('distanceKm')} error={err('distanceKm')} hint="Depuis le cabinet ; vide = pas d'IK." />
            <TextField label={`Rang dans le foyer (visite ${n})`} inputMode="numeric" value={f.householdRank} onChange={set('householdRank')} error={err('householdRank')} hint="1 = premier patient vu dans le foyer (seul à avoir IFD et IK)." />
          </>
        ) : null}
      </div>
      <ActPicker
        n={n}
        acts={facts.catalogue.acts}
        date={props.isoDate}
        favourites={facts.favourites}
        models={facts.models}
        onPick={pick}
        onFavourite={props.onFavourite}
        onApplyModel={applyModel}
        examples={nurse ? 'prise de sang, pansement lourd, insuline…' : 'bilan, rachis, respiratoire…'}
      />
      <table className="table acts" aria-label={`Actes de la visite ${n}`}>
        <thead>
          <tr>
            <th>Code</th>
            <th>Coefficient</th>
            {nurse ? null : <th>Séance</th>}
            <th>Acte</th>
            <th className="num">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {f.acts.map((a, j) => (
            <tr key={a.key}>
              <td>
                <input aria-label={`Code ${n}.${j + 1}`} className="input-code" maxLength={4} value={a.code} onChange={(e) => setAct(a.key, { code: e.target.value.toUpperCase(), catalogueKey: null })} />
              </td>
              <td>
                <input aria-label={`Coefficient ${n}.${j + 1}`} className="input-small" inputMode="decimal" value={a.coefficient} onChange={(e) => setAct(a.key, { coefficient: e.target.value })} />
              </td>
              {nurse ? null : (
                <td>
                  <select aria-label={`Séance ${n}.${j + 1}`} value={a.session} onChange={(e) => setAct(a.key, { session: e.target.value === '2' ? 2 : 1 })}>
                    <option value="1">1re</option>
                    <option value="2">2e</option>
                  </select>
                </td>
              )}
              <td>{labelOf(a)}</td>
              <td className="num">
                <button type="button" aria-label={`Retirer l'acte ${n}.${j + 1}`} onClick={() => props.onChange({ ...f, acts: f.acts.filter((x) => x.key !== a.key) })}>
                  Retirer
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {err('acts') ? <p className="field__error" role="alert">{err('acts')}</p> : null}
      <div className="visit-acts-actions">
        <button
          type="button"
          onClick={() => {
            focusAct.current = addActs([{ catalogueKey: null, code: '', coefficient: '1', session: 1 }])[0]!.key;
          }}
        >
          Saisir un code (visite {n})
        </button>
        {f.acts.length > 0 ? <SaveModelForm n={n} profession={props.facts.practice.profession} onSaveModel={(name) => props.onSaveModel(name, f.acts)} /> : null}
      </div>
      <div className="visit-conditions">
        <CheckboxField label={`Urgence justifiée par l'état du patient (visite ${n})`} checked={f.urgent} onChange={set('urgent')} />
        {f.urgent ? (
          <TextField label={`Heure de l'appel (visite ${n})`} placeholder="hh:mm" maxLength={5} value={f.callTime} onChange={set('callTime')} error={err('callTime')} hint="De nuit, l'appel doit être reçu entre 19h et 7h." />
        ) : null}
        {nurse ? (
          <CheckboxField label={`« Exécution de nuit / quotidienne impérative » sur la prescription (visite ${n})`} checked={f.imperativePrescription} onChange={set('imperativePrescription')} />
        ) : (
          <>
            <CheckboxField label={`Deuxième séance du jour : deux prescriptions, deux régions (visite ${n})`} checked={f.twoSessionsJustified} onChange={set('twoSessionsJustified')} />
            <CheckboxField
              label={`Rééducation après une intervention de l'art. R251-3 CASF (prothèse de genou, hanche, épaule…) (visite ${n})`}
              checked={f.r251Procedure}
              onChange={set('r251Procedure')}
            />
          </>
        )}
        {nurse ? <SelectField label={`Coordination (visite ${n})`} value={f.coordination} onChange={set('coordination')} options={COORDINATION} /> : null}
      </div>
      <VisitResult n={n} priced={props.priced} />
      <div className="form-actions">
        <button type="button" className="danger" onClick={props.onRemove}>
          Retirer la visite {n}
        </button>
      </div>
    </fieldset>
  );
}
