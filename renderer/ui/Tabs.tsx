import { useId, useRef, type KeyboardEvent } from 'react';

/** Accessible tabs: role tablist/tab, arrow keys move between tabs. The panel is rendered by the caller. */
export function Tabs<T extends string>(props: {
  label: string;
  tabs: readonly { id: T; label: string; badge?: string | undefined }[];
  current: T;
  onSelect(id: T): void;
}) {
  const base = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: KeyboardEvent, index: number) => {
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    const next = (index + delta + props.tabs.length) % props.tabs.length;
    refs.current[next]?.focus();
    props.onSelect(props.tabs[next]!.id);
  };
  return (
    <div role="tablist" aria-label={props.label} className="tabs">
      {props.tabs.map((t, i) => (
        <button
          key={t.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          id={`${base}-${t.id}`}
          type="button"
          role="tab"
          aria-selected={t.id === props.current}
          tabIndex={t.id === props.current ? 0 : -1}
          className="tabs__tab"
          onClick={() => props.onSelect(t.id)}
          onKeyDown={(e) => onKey(e, i)}
        >
          {t.label}
          {t.badge ? <span className="badge badge--warn">{t.badge}</span> : null}
        </button>
      ))}
    </div>
  );
}
