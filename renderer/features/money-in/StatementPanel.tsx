import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { BankLineView } from '../../../core/domain/money-in.ts';
import { api } from '../../api/client.ts';
import { MessageNotice, type NoticeKind } from '../../ui/Notice.tsx';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { formatEuros, formatFrDate, plural } from '../../ui/format.ts';
import { AllocateDialog } from './AllocateDialog.tsx';
import { fileToBase64 } from './file-base64.ts';

type Mapping = { date: string; label: string; credit: string; debit: string; amount: string };
const NO_MAPPING: Mapping = { date: '', label: '', credit: '', debit: '', amount: '' };

/**
 * Relevés: the practice's bank statement imported (CSV, OFX, CAMT.053), its credits listed with what each most
 * likely pays. Keyboard: ↑ ↓ move between credits, Entrée confirms the suggestion, P points by hand.
 */
export function StatementPanel(props: { practitionerId: number; today: string; onChanged(): void }) {
  const [lines, setLines] = useState<BankLineView[] | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [columns, setColumns] = useState<string[] | null>(null);
  const [mapping, setMapping] = useState<Mapping>(NO_MAPPING);
  /** The account of a CSV that does not name it: null until the import asks for it. */
  const [account, setAccount] = useState<string | null>(null);
  const [accountError, setAccountError] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<{ kind: NoticeKind; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [pointing, setPointing] = useState<BankLineView | null>(null);
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);

  const load = () => api.call('statements/lines', { openOnly: true, limit: 500 }).then((r) => r.ok && setLines(r.value));
  useEffect(() => void load(), []);

  async function importFile(e: FormEvent) {
    e.preventDefault();
    if (!file) return setMessage({ kind: 'error', text: 'Choisissez le fichier du relevé (CSV, OFX ou CAMT.053).' });
    setBusy(true);
    const m = columns
      ? Object.fromEntries(Object.entries(mapping).filter(([, v]) => v !== '').map(([k, v]) => [k, Number(v)]))
      : undefined;
    if (account !== null && account.trim() === '') {
      setBusy(false);
      return setAccountError('Indiquez le compte de ce relevé.');
    }
    const r = await api.call('statements/import', {
      fileName: file.name,
      contentBase64: await fileToBase64(file),
      ...(m ? { mapping: m as never } : {}),
      ...(account !== null ? { account } : {}),
    });
    setBusy(false);
    setAccountError(undefined);
    if (!r.ok) {
      if (r.error.field === 'mapping' && r.error.issues) setColumns(r.error.issues.map((i) => i.message_fr));
      if (r.error.field === 'account') {
        // Asked: the field appears, offered with the last account named for this layout.
        if (account === null) setAccount(r.error.issues?.find((i) => i.field === 'account.last')?.message_fr ?? '');
        else setAccountError(r.error.message_fr);
      }
      return setMessage({ kind: 'error', text: r.error.message_fr });
    }
    setColumns(null);
    setMapping(NO_MAPPING);
    setAccount(null);
    setMessage({ kind: 'ok', text: r.value.message_fr });
    await load();
    setTimeout(() => rows.current[0]?.focus(), 0);
  }

  async function confirm(line: BankLineView, index: number) {
    const s = line.suggestion;
    if (!s) return setPointing(line);
    const target = s.kind === 'bordereau' ? { bordereauId: s.id } : { invoiceIds: [s.id] };
    const r = await api.call('statements/confirm', { bankLineId: line.id, practitionerId: s.practitionerId, payer: s.payer, target });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message_fr });
    setMessage({ kind: 'ok', text: `${formatEuros(line.amountCents)} pointé sur le ${s.kind === 'bordereau' ? 'bordereau' : 'facture'} n° ${s.number}. ${r.value.message_fr}` });
    props.onChanged();
    await load();
    setTimeout(() => rows.current[Math.max(0, Math.min(index, (rows.current.filter(Boolean).length || 1) - 1))]?.focus(), 0);
  }

  const onRowKey = (e: KeyboardEvent, line: BankLineView, index: number) => {
    if (e.key === 'Enter') (e.preventDefault(), void confirm(line, index));
    else if (e.key === 'p' || e.key === 'P') (e.preventDefault(), setPointing(line));
    else if (e.key === 'ArrowDown') (e.preventDefault(), rows.current[index + 1]?.focus());
    else if (e.key === 'ArrowUp') (e.preventDefault(), rows.current[index - 1]?.focus());
  };

  const columnOptions = [{ value: '', label: '—' }, ...(columns ?? []).map((c, i) => ({ value: String(i), label: `${i + 1}. ${c || '(sans titre)'}` }))];
  return (
    <div>
      <form className="toolbar" onSubmit={importFile} aria-label="Importer un relevé">
        <div className="field">
          <span className="field__caption">Relevé bancaire</span>
          {/* The browser's own file button speaks its language: a French button in front, the input kept focusable. */}
          <label className="file-pick">
            <input className="file-pick__input" type="file" accept=".csv,.txt,.ofx,.qfx,.xml" aria-label="Relevé bancaire (CSV, OFX ou CAMT.053)" onChange={(e) => (setFile(e.target.files?.[0] ?? null), setColumns(null), setAccount(null))} />
            <span className="button">Choisir le fichier…</span>
            <span className="file-pick__name">{file ? file.name : 'CSV, OFX ou CAMT.053'}</span>
          </label>
        </div>
        {account !== null ? (
          <div>
            <TextField
              autoFocus
              label="Compte"
              required
              value={account}
              onChange={setAccount}
              maxLength={60}
              error={accountError}
              hint="Le fichier ne le dit pas : son numéro ou un nom (« Compte pro »)."
            />
          </div>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Lecture…' : 'Importer le relevé'}
        </button>
      </form>
      {columns ? (
        <fieldset className="form-grid" aria-label="Colonnes du fichier">
          <legend>Colonnes de ce fichier (retenues pour cette banque)</legend>
          {(['date', 'label', 'credit', 'debit', 'amount'] as const).map((k) => (
            <SelectField
              key={k}
              label={{ date: 'Date', label: 'Libellé', credit: 'Crédit', debit: 'Débit', amount: 'Montant signé (si une seule colonne)' }[k]}
              value={mapping[k]}
              onChange={(v) => setMapping((m) => ({ ...m, [k]: v }))}
              options={columnOptions}
            />
          ))}
        </fieldset>
      ) : null}
      <MessageNotice message={message} />
      {lines === null ? null : lines.length === 0 ? (
        <p className="empty">Aucun crédit à pointer. Importez le relevé de votre banque.</p>
      ) : (
        <>
          <p className="muted">
            {plural(lines.length, 'crédit à pointer', 'crédits à pointer')}. Flèches ↑ ↓ pour choisir, <kbd>Entrée</kbd> confirme la suggestion,{' '}
            <kbd>P</kbd> pointe à la main.
          </p>
          <table className="table" aria-label="Crédits à pointer">
            <thead>
              <tr>
                <th>Date</th>
                <th>Libellé</th>
                <th className="num">Montant</th>
                <th>Suggestion</th>
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => (
                <tr
                  key={l.id}
                  ref={(el) => {
                    rows.current[i] = el;
                  }}
                  tabIndex={0}
                  className="row-focusable"
                  aria-label={`Crédit du ${formatFrDate(l.bookedOn)} de ${formatEuros(l.amountCents)}`}
                  onKeyDown={(e) => onRowKey(e, l, i)}
                >
                  <td>{formatFrDate(l.bookedOn)}</td>
                  <td>{l.label}</td>
                  <td className="num">{formatEuros(l.amountCents)}</td>
                  <td>
                    {l.suggestion ? (
                      <>
                        <strong>
                          {l.suggestion.kind === 'bordereau' ? 'Bordereau' : 'Facture'} n° {l.suggestion.number}
                        </strong>{' '}
                        {l.suggestion.exact ? <span className="badge badge--ok">montant exact</span> : <span className="badge badge--warn">partiel</span>}
                        <div className="muted">{l.suggestion.reason_fr}</div>
                      </>
                    ) : (
                      <span className="muted">Rien d'attendu ne correspond</span>
                    )}
                  </td>
                  <td className="actions">
                    {l.suggestion ? (
                      <button type="button" tabIndex={-1} onClick={() => void confirm(l, i)}>
                        Confirmer
                      </button>
                    ) : null}
                    <button type="button" tabIndex={-1} onClick={() => setPointing(l)}>
                      Pointer à la main
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {pointing ? (
        <AllocateDialog
          practitionerId={pointing.suggestion?.practitionerId ?? props.practitionerId}
          today={props.today}
          bankLine={pointing}
          onClose={() => setPointing(null)}
          onSaved={(o) => {
            setPointing(null);
            setMessage({ kind: 'ok', text: o.message_fr });
            props.onChanged();
            void load();
          }}
        />
      ) : null}
    </div>
  );
}
