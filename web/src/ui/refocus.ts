import { type RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * After a dialog's write, focus goes back to the button that opened it; when the write took that button away (a
 * closed finding leaves the list of open ones) focus falls to the page body and a keyboard user starts over. The
 * returned function names the element (by id) to focus then, else `fallback` (the list's heading) when it is gone.
 */
export const useRefocus = (fallback: RefObject<HTMLElement>) => {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (target === null) return;
    setTarget(null);
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost) (document.getElementById(target) ?? fallback.current)?.focus();
  }, [target, fallback]);
  return setTarget;
};
