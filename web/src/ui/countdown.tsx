import { useEffect, useRef, useState } from 'preact/hooks';
import { useSignedIn } from '../context';
import { formatDeadline, formatRemaining } from '../format';

/**
 * Time left until a deadline, by the server's clock, refreshed every second. Screen readers are not told every
 * second (no live region); `onElapsed` runs once when it reaches zero, so the page can ask the API what now holds.
 */
export const Countdown = ({ deadline, label, onElapsed }: { deadline: string; label: string; onElapsed?: () => void }) => {
  const { now } = useSignedIn();
  const [remaining, setRemaining] = useState(() => new Date(deadline).getTime() - now().getTime());
  const told = useRef(false);
  useEffect(() => {
    const timer = setInterval(() => {
      const left = new Date(deadline).getTime() - now().getTime();
      setRemaining(left);
      if (left <= 0 && !told.current) {
        told.current = true;
        onElapsed?.();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [deadline, now]);
  return (
    <p class="countdown">
      {label}: <strong>{formatDeadline(deadline)}</strong>
      {remaining > 0 && <span> — còn <span data-testid="remaining">{formatRemaining(remaining)}</span></span>}
    </p>
  );
};
