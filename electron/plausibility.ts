/**
 * Plausibility checks that need the practice's today (the handler context's clock), run by the
 * dispatcher after the schema and before the handler: a refused input never reaches the database.
 * Keyed by method name; a method without an entry has nothing to check here.
 */
import type { MethodName, ParsedInput } from '../core/api/contract.ts';
import type { ApiError } from '../core/api/result.ts';
import { birthDateProblem, rightsProblem, type PlausibilityProblem } from '../core/domain/plausibility.ts';

type Check<M extends MethodName> = (input: ParsedInput<M>, today: string) => (PlausibilityProblem | null)[];

type PatientData = Pick<ParsedInput<'patients/create'>, 'birthDate' | 'insuredBirthDate'>;
const patientChecks = (p: Partial<PatientData>, today: string, prefix = '') => [
  birthDateProblem(`${prefix}birthDate`, p.birthDate, today),
  birthDateProblem(`${prefix}insuredBirthDate`, p.insuredBirthDate, today),
];

const checks: { [M in MethodName]?: Check<M> } = {
  'patients/create': (p, today) => patientChecks(p, today),
  'patients/update': (p, today) => patientChecks(p.patient, today, 'patient.'),
  'coverages/add': (c, today) => [rightsProblem('startDate', 'endDate', c.startDate, c.endDate, today)],
  'coverages/update': (c, today) => [rightsProblem('startDate', 'endDate', c.startDate, c.endDate, today)],
};

/** The first implausible field of a parsed input, as an API error; null if plausible. */
export function plausibilityError(method: MethodName, input: unknown, today: string): ApiError | null {
  const check = checks[method] as Check<MethodName> | undefined;
  const problem = check?.(input as never, today).find((p) => p !== null);
  return problem ? { code: 'invalid-input', message_fr: problem.message_fr, field: problem.field } : null;
}
