/**
 * The foot of a dialog form: a way back, then the submit button (primary, or danger when it undoes something).
 * `autoFocusSubmit`: the dialog opens with the submit button focused (Enter presses it).
 */
export function DialogActions(props: { submitLabel: string; onCancel(): void; cancelLabel?: string; tone?: 'primary' | 'danger'; autoFocusSubmit?: boolean }) {
  return (
    <div className="form-actions">
      <button type="button" onClick={props.onCancel}>
        {props.cancelLabel ?? 'Annuler'}
      </button>
      <button type="submit" className={props.tone ?? 'primary'} data-autofocus={props.autoFocusSubmit ? '' : undefined}>
        {props.submitLabel}
      </button>
    </div>
  );
}
