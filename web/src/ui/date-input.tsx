import { useEffect, useState } from 'preact/hooks';

/** "25/12/2026" from "2026-12-25"; anything else as it is. */
const display = (iso: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
};

/** "25/12/2026" (or "2026-12-25", or "5/1/2026") as an ISO date; otherwise the text as typed, for the API to refuse. */
export const isoOf = (text: string) => {
  const trimmed = text.trim();
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  return match ? `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}` : trimmed;
};

/**
 * A date typed dd/mm/yyyy whatever the browser's language: a native date field shows mm/dd/yyyy in an English
 * browser, where 12/05 and 05/12 are a real trap. The form keeps the ISO date the API takes.
 */
export const DateInput = ({ value, onChange, describedBy }: { value: string; onChange: (iso: string) => void; describedBy?: string }) => {
  const [text, setText] = useState(display(value));
  // A value set from outside (a record read, a form cleared) replaces what is shown.
  useEffect(() => {
    if (isoOf(text) !== value) setText(display(value));
  }, [value]);
  return (
    <input
      inputMode="numeric"
      placeholder="dd/mm/yyyy"
      autocomplete="off"
      value={text}
      aria-describedby={describedBy}
      onInput={(event) => {
        const typed = (event.target as HTMLInputElement).value;
        setText(typed);
        onChange(isoOf(typed));
      }}
    />
  );
};
