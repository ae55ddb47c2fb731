/** The end of an inline form of the series' table: « Annuler », then the refusal of the last try, read aloud. */
export function InlineFormEnd(props: { error: string | null; onCancel(): void }) {
  return (
    <>
      <button type="button" onClick={props.onCancel}>
        Annuler
      </button>
      {props.error ? (
        <span className="field__error" role="alert">
          {props.error}
        </span>
      ) : null}
    </>
  );
}
