/**
 * Decider specifications in Emmett's given / when / then style, as pure functions: the state is the fold of the
 * given events, the command is decided against it and the context, and the outcome is compared with the expected
 * events or the expected refusal. No storage, no clock but the one in the context.
 */
import { expect } from 'vitest';
import { type Decider, fold } from '../../domain/decider';
import { DomainError, type DomainErrorCode } from '../../domain/errors';

export interface Then<Event, State> {
  /** The command yields exactly these events (an empty array: an idempotent no-op). Returns the state after them. */
  readonly then: (expected: readonly Event[]) => State;
  /** The command yields no event. */
  readonly thenNothing: () => State;
  /** The command is refused with a DomainError of this code (and, if given, details matching `details`). */
  readonly thenThrows: (code: DomainErrorCode, details?: Record<string, unknown>) => DomainError;
}

export interface When<Command, Event, State, Context> {
  readonly when: (command: Command, context: Context) => Then<Event, State>;
}

export interface Given<Command, Event, State, Context> {
  readonly given: (events: readonly Event[]) => When<Command, Event, State, Context>;
}

export const spec = <Command, Event, State, Context>(decider: Decider<Command, Event, State, Context>): Given<Command, Event, State, Context> => ({
  given: (events) => ({
    when: (command, context) => {
      const decide = () => decider.decide(command, fold(decider, events), context);
      const then = (expected: readonly Event[]): State => {
        const actual = decide();
        expect(actual).toStrictEqual(expected);
        // The new events must also fold: evolve accepts what decide produces.
        return fold(decider, [...events, ...actual]);
      };
      return {
        then,
        thenNothing: () => then([]),
        thenThrows: (code, details) => {
          let outcome: unknown;
          try {
            outcome = decide();
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            const domainError = error as DomainError;
            expect(domainError.code).toBe(code);
            if (details) expect(domainError.details).toMatchObject(details);
            return domainError;
          }
          return expect.unreachable(`expected a DomainError "${code}", but the command was accepted with ${JSON.stringify(outcome)}`);
        },
      };
    },
  }),
});
