import type { ReactNode } from 'react';

export type NoticeKind = 'info' | 'warn' | 'error' | 'ok';

export function Notice(props: { kind: NoticeKind; children: ReactNode; live?: boolean }) {
  return (
    <div className={`notice notice--${props.kind}`} role={props.kind === 'error' ? 'alert' : props.live ? 'status' : undefined}>
      {props.children}
    </div>
  );
}

/** The outcome of a screen's last action (saved, refused…), announced as it appears; nothing when there is none. */
export function MessageNotice({ message }: { message: { kind: NoticeKind; text: ReactNode } | null | undefined }) {
  return message ? (
    <Notice kind={message.kind} live>
      {message.text}
    </Notice>
  ) : null;
}
