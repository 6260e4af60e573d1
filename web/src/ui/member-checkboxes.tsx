import type { Roster } from '../types';

/** A fieldset of the roster's members to tick (who is present, who appraises): the ids ticked, in ticking order. */
export const MemberCheckboxes = ({ legend, roster, chosen, onChange }: { legend: string; roster: Roster; chosen: readonly string[]; onChange: (chosen: string[]) => void }) => (
  <fieldset>
    <legend>{legend}</legend>
    {(roster.members ?? []).map((member) => (
      <label key={member.memberId}>
        <input
          type="checkbox"
          checked={chosen.includes(member.memberId)}
          onChange={(event) => onChange((event.target as HTMLInputElement).checked ? [...chosen, member.memberId] : chosen.filter((id) => id !== member.memberId))}
        />
        {member.fullName}
      </label>
    ))}
  </fieldset>
);
