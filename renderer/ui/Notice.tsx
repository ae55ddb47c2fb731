import type { ReactNode } from 'react';

export function Notice(props: { kind: 'info' | 'warn' | 'error' | 'ok'; children: ReactNode; live?: boolean }) {
  return (
    <div className={`notice notice--${props.kind}`} role={props.kind === 'error' ? 'alert' : props.live ? 'status' : undefined}>
      {props.children}
    </div>
  );
}
