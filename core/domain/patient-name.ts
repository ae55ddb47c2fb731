/** How a patient is named on screen and on paper: usage (else birth) name in capitals, then first name — « DIALLO Aminata ». */
export const patientDisplayName = (p: { usageName: string | null; lastName: string; firstName: string }): string =>
  `${(p.usageName ?? p.lastName).toUpperCase()} ${p.firstName}`;
