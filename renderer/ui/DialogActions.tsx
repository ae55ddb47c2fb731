/** The foot of a dialog form: a way back, then the submit button (primary, or danger when it undoes something). */
export function DialogActions(props: { submitLabel: string; onCancel(): void; cancelLabel?: string; tone?: 'primary' | 'danger' }) {
  return (
    <div className="form-actions">
      <button type="button" onClick={props.onCancel}>
        {props.cancelLabel ?? 'Annuler'}
      </button>
      <button type="submit" className={props.tone ?? 'primary'}>
        {props.submitLabel}
      </button>
    </div>
  );
}
