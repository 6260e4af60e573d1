export interface Option {
  readonly value: string;
  readonly label: string;
}

/** A labelled choice among named options; `empty`, when given, is a first option meaning none (or all). */
export const SelectField = ({ label, value, onChange, options, empty }: { label: string; value: string; onChange: (value: string) => void; options: readonly Option[]; empty?: string }) => (
  <label>
    {label}
    <select value={value} onChange={(event) => onChange((event.target as HTMLSelectElement).value)}>
      {empty !== undefined && <option value="">{empty}</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  </label>
);
