import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A modal dialog over the page (the browser's own <dialog>: focus moves into it and stays there, Escape closes it,
 * focus returns to the button that opened it). Shown while mounted; `onClose` (Escape, "Đóng") should unmount it.
 */
export const Dialog = ({ title, onClose, children }: { title: string; onClose: () => void; children: ComponentChildren }) => {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const shown = dialog.current!;
    shown.showModal();
    // Unmounted by the page (its work done): closed first, so focus goes back to where it was.
    return () => shown.close();
  }, []);
  return (
    <dialog ref={dialog} aria-labelledby="dialog-title" onClose={onClose}>
      <article>
        <header class="dialog-header">
          <h2 id="dialog-title">{title}</h2>
          <button type="button" class="secondary outline small" onClick={() => dialog.current?.close()}>
            Đóng
          </button>
        </header>
        {children}
      </article>
    </dialog>
  );
};
