import { useEffect, useState, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ageBucketLabels, dashboardCsv, type DashboardChart, type DashboardFigures } from '../../../core/domain/dashboard.ts';
import { api, downloadText } from '../../api/client.ts';
import { useNav } from '../../stores/nav.ts';
import { useCurrentPractitioner, usePractitioners } from '../../stores/practitioner.ts';
import { SelectField } from '../../ui/fields.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { formatEuros } from '../../ui/format.ts';

const COLORS = { amo: '#2f6db5', amc: '#2e8b57', patient: '#c77d1a', expected: '#9aa3b0', received: '#2f6db5', unpaid: '#b3261e' };
const HEIGHT = 230;
/** At least 10 € high: an empty chart shows a scale, not five « 0 € ». */
const Y_DOMAIN: [number, (max: number) => number] = [0, (max) => Math.max(max, 1000)];

const month = (m: string) => `${m.slice(5, 7)}/${m.slice(2, 4)}`;
const euros = (cents: number) => formatEuros(Math.round(cents)).replace(/,00(?=\u00a0€)/, '');
const tooltipEuros = (value: unknown) => formatEuros(Number(value));

interface Series {
  key: string;
  name: string;
  color: string;
}

const PAYER_SERIES: Series[] = [
  { key: 'amoCents', name: 'Caisse (AMO)', color: COLORS.amo },
  { key: 'amcCents', name: 'AME / complémentaire', color: COLORS.amc },
  { key: 'patientCents', name: 'Patients', color: COLORS.patient },
];
const EXPECTED_SERIES: Series[] = [
  { key: 'expectedCents', name: 'Attendu', color: COLORS.expected },
  { key: 'receivedCents', name: 'Reçu', color: COLORS.received },
];

/** One bar chart in euros (data in cents), bars side by side or stacked, no animation (read at a glance, printed). */
function EuroBars(props: { data: object[]; series: readonly Series[]; stacked?: boolean }) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={props.data} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" fontSize={11} />
        <YAxis tickFormatter={euros} fontSize={11} width={70} domain={Y_DOMAIN} />
        <Tooltip formatter={tooltipEuros} />
        <Legend />
        {props.series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} stackId={props.stacked ? 'all' : undefined} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

function ChartCard(props: { title: string; chart: DashboardChart; figures: DashboardFigures; fileName: string; children: ReactNode }) {
  return (
    <figure className="chart-card" aria-label={props.title}>
      <figcaption>
        <h2>{props.title}</h2>
        <button type="button" onClick={() => downloadText(dashboardCsv(props.chart, props.figures), props.fileName)}>
          Exporter en CSV
        </button>
      </figcaption>
      {props.children}
    </figure>
  );
}

/**
 * Tableau de bord: the practice's money at a glance (receipts per month, expected against received, unpaid by
 * age and payer, AME against the rest), per practitioner or for the whole practice. The figures come from the
 * same SQL as Suivi; every chart exports to CSV for the accountant.
 */
export function DashboardPage() {
  const practitioners = usePractitioners((s) => s.practitioners);
  const current = useCurrentPractitioner();
  const go = useNav((s) => s.go);
  const [scope, setScope] = useState<'current' | 'cabinet'>('current');
  const [figures, setFigures] = useState<DashboardFigures | null>(null);
  const [error, setError] = useState<string | null>(null);
  const practitionerId = scope === 'current' ? current?.id : undefined;
  useEffect(() => {
    if (scope === 'current' && !current) return;
    void api.call('dashboard/figures', practitionerId === undefined ? {} : { practitionerId }).then((r) => (r.ok ? (setFigures(r.value), setError(null)) : setError(r.error.message_fr)));
  }, [practitionerId, scope, current]);

  if (practitioners === null) return <p className="empty">Chargement…</p>;
  const who = scope === 'cabinet' || !current ? 'cabinet' : `${current.firstName}-${current.lastName}`.toLowerCase();
  const file = (name: string) => `${name}-${who}-${figures?.today ?? ''}.csv`;
  return (
    <section className="dashboard">
      <h1>Tableau de bord</h1>
      <div className="toolbar">
        <SelectField<'current' | 'cabinet'>
          label="Chiffres de"
          value={scope}
          onChange={setScope}
          options={[
            { value: 'current', label: current ? `${current.firstName} ${current.lastName}` : 'Praticien en cours' },
            { value: 'cabinet', label: 'Tout le cabinet' },
          ]}
        />
      </div>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {scope === 'current' && !current ? <Notice kind="warn">Choisissez le praticien en cours en haut à droite, ou « Tout le cabinet ».</Notice> : null}
      {figures ? (
        <>
          <dl className="summary-cards" aria-label="Résumé">
            <div>
              <dt>Attendu des caisses (tiers payant)</dt>
              <dd>{formatEuros(figures.unpaidTiersPayantCents)}</dd>
            </div>
            <div>
              <dt>Attendu des patients</dt>
              <dd>{formatEuros(figures.unpaidPatientCents)}</dd>
            </div>
            <div className={figures.unpaidByAge[3]!.totalCents > 0 ? 'summary-cards__danger' : undefined}>
              <dt>Impayé depuis plus de 90 jours</dt>
              <dd>{formatEuros(figures.unpaidByAge[3]!.totalCents)}</dd>
            </div>
            <div className={figures.creditCents > 0 ? 'summary-cards__warn' : undefined}>
              <dt>Trop-perçus non répartis</dt>
              <dd>{formatEuros(figures.creditCents)}</dd>
              {figures.creditCents > 0 ? (
                <dd>
                  <button type="button" className="link" onClick={() => go({ name: 'encaissements', tab: 'paiements', creditOnly: true })}>
                    Répartir le crédit…
                  </button>
                </dd>
              ) : null}
            </div>
          </dl>
          <div className="chart-grid">
            <ChartCard title="Recettes par mois" chart="recettes" figures={figures} fileName={file('recettes-par-mois')}>
              <EuroBars data={figures.receipts.map((r) => ({ ...r, label: month(r.month) }))} series={PAYER_SERIES} stacked />
            </ChartCard>
            <ChartCard title="Attendu et reçu, par mois de facturation" chart="attendu-recu" figures={figures} fileName={file('attendu-recu')}>
              <EuroBars data={figures.expectedVsReceived.map((r) => ({ ...r, label: month(r.month) }))} series={EXPECTED_SERIES} />
            </ChartCard>
            <ChartCard title="Impayés par ancienneté et par payeur" chart="impayes-anciennete" figures={figures} fileName={file('impayes-anciennete')}>
              <EuroBars data={figures.unpaidByAge.map((r) => ({ ...r, label: ageBucketLabels[r.bucket] }))} series={PAYER_SERIES} stacked />
            </ChartCard>
            <ChartCard title="AME et autres factures (12 derniers mois)" chart="ame" figures={figures} fileName={file('ame-autres')}>
              <EuroBars data={figures.ameVsRest.map((r) => ({ ...r, label: r.group === 'ame' ? 'AME' : 'Autres' }))} series={[...EXPECTED_SERIES, { key: 'unpaidCents', name: 'Impayé', color: COLORS.unpaid }]} />
            </ChartCard>
          </div>
        </>
      ) : null}
    </section>
  );
}
