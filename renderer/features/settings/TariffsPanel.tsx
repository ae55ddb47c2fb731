import { sourceForUser } from '../../../core/domain/source-note.ts';
import { useEffect, useState, type FormEvent } from 'react';
import type { Profession, Tariff } from '../../../core/domain/types.ts';
import { professionLabels } from '../../../core/domain/exoneration.ts';
import { parseEuros } from '../../../core/domain/money.ts';
import { api } from '../../api/client.ts';
import { DateField, SelectField, TextField, frToIso, type FieldErrors } from '../../ui/fields.tsx';
import { fieldErrors } from '../../ui/errors.ts';
import { formatEuros, formatFrDate } from '../../ui/format.ts';
import { CatalogueTables } from './CatalogueTables.tsx';
import { CatalogueImportPanel } from './CatalogueImportPanel.tsx';

/** Tariff table with effective dates: a change is a new dated row, history kept. */
export function TariffsPanel() {
  const [profession, setProfession] = useState<Profession>('infirmier');
  const [tariffs, setTariffs] = useState<Tariff[]>([]);
  const [form, setForm] = useState({ code: '', label: '', value: '', effectiveFrom: '', zone: 'metropole' as 'metropole' | 'dom' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const load = () => void api.call('tariffs/list', { profession }).then((r) => r.ok && setTariffs(r.value));
  useEffect(load, [profession]);

  async function add(e: FormEvent) {
    e.preventDefault();
    const unitCents = parseEuros(form.value);
    const date = frToIso(form.effectiveFrom);
    if (unitCents === null) return setErrors({ unitCents: 'Valeur : un montant en euros est attendu (ex. 3,15).' });
    const r = await api.call('tariffs/add', {
      profession,
      code: form.code,
      label: form.label,
      unitCents,
      effectiveFrom: date === null || date === 'invalid' ? form.effectiveFrom : date,
      zone: form.zone,
    });
    if (!r.ok) return setErrors(fieldErrors(r.error));
    setErrors({});
    setForm({ code: '', label: '', value: '', effectiveFrom: '', zone: form.zone });
    load();
  }

  return (
    <div className="panel">
      <h2>Tarifs</h2>
      <p className="muted">
        Valeurs en vigueur à la date de chaque acte, en métropole et dans les DOM. Pour une revalorisation, ajoutez une ligne datée : l'historique est conservé.
        Les valeurs marquées « à vérifier » viennent de sources incertaines : contrôlez-les sur la fiche tarifaire de votre caisse.
      </p>
      <CatalogueImportPanel onApplied={load} />
      {tariffs.some((t) => t.verifyNote) ? (
        <p className="notice notice--warn" role="note">
          {tariffs.filter((t) => t.verifyNote).length} valeur(s) à vérifier pour cette profession.
        </p>
      ) : null}
      <SelectField
        label="Profession"
        value={profession}
        onChange={(v) => setProfession(v as Profession)}
        options={(Object.keys(professionLabels) as Profession[]).map((p) => ({ value: p, label: professionLabels[p] }))}
      />
      <table className="table" aria-label="Tarifs">
        <thead>
          <tr>
            <th>Code</th>
            <th>Libellé</th>
            <th>Zone</th>
            <th className="num">Valeur</th>
            <th>En vigueur</th>
            <th>Fiabilité</th>
          </tr>
        </thead>
        <tbody>
          {tariffs.map((t) => (
            <tr key={t.id}>
              <td className="mono">{t.code}</td>
              <td>{t.label}</td>
              <td>{t.zone === 'dom' ? 'DOM' : 'Métropole'}</td>
              <td className="num">{formatEuros(t.unitCents)}</td>
              <td>
                {t.effectiveTo ? `du ${formatFrDate(t.effectiveFrom)} au ${formatFrDate(t.effectiveTo)}` : `depuis le ${formatFrDate(t.effectiveFrom)}`}
              </td>
              <td>
                {t.verifyNote ? (
                  <span className="badge badge--warn" title={sourceForUser(t.verifyNote)}>
                    à vérifier
                  </span>
                ) : null}
                {t.verifyNote ? <div className="muted small">{sourceForUser(t.verifyNote)}</div> : null}
                {t.source ? <div className="muted small">Source : {t.source}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <CatalogueTables profession={profession} />
      <form onSubmit={add} noValidate aria-label="Ajouter un tarif">
        <h3>Ajouter un tarif</h3>
        <div className="form-grid">
          <TextField label="Code" maxLength={6} value={form.code} onChange={(v) => setForm({ ...form, code: v })} error={errors.code} />
          <TextField label="Libellé" value={form.label} onChange={(v) => setForm({ ...form, label: v })} error={errors.label} />
          <TextField label="Valeur (€)" inputMode="decimal" value={form.value} onChange={(v) => setForm({ ...form, value: v })} error={errors.unitCents} />
          <DateField label="Date d'effet" value={form.effectiveFrom} onChange={(v) => setForm({ ...form, effectiveFrom: v })} error={errors.effectiveFrom} />
          <SelectField
            label="Zone"
            value={form.zone}
            onChange={(v) => setForm({ ...form, zone: v })}
            options={[
              { value: 'metropole' as const, label: 'Métropole' },
              { value: 'dom' as const, label: 'DOM' },
            ]}
          />
        </div>
        <div className="form-actions">
          <button type="submit">Ajouter un tarif</button>
        </div>
      </form>
    </div>
  );
}
