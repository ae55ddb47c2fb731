import { useState } from 'react';
import type { InvoiceStatus } from '../../../core/domain/types.ts';
import { SelectField } from '../../ui/fields.tsx';
import { InvoiceList } from './InvoiceList.tsx';
import { DayFeuillesPanel } from './DayFeuillesPanel.tsx';

export function InvoicesPage() {
  const [status, setStatus] = useState<InvoiceStatus | ''>('');
  return (
    <section>
      <h1>Factures</h1>
      <p className="muted">Toutes les factures du cabinet. Les envois (bordereaux), paiements et rejets se suivent dans le menu Suivi.</p>
      <div className="toolbar">
        <SelectField
          label="État"
          value={status}
          onChange={(v) => setStatus(v as InvoiceStatus | "")}
          options={[
            { value: '', label: 'Toutes' },
            { value: 'draft', label: 'Brouillons' },
            { value: 'validated', label: 'Validées' },
            { value: 'cancelled', label: 'Annulées' },
          ]}
        />
      </div>
      <DayFeuillesPanel />
      <InvoiceList {...(status ? { status } : {})} />
    </section>
  );
}
