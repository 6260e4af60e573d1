/**
 * The decider pattern (as in Emmett): state is a left fold of events; a command is decided against the state
 * and the context (the clock, reference data) and yields new events, or throws a DomainError.
 * An empty array means "nothing to change" (an idempotent no-op), which writes nothing.
 */
export interface Decider<Command, Event, State, Context> {
  readonly initialState: State;
  readonly evolve: (state: State, event: Event) => State;
  readonly decide: (command: Command, state: State, context: Context) => readonly Event[];
}

export const fold = <Event, State>(decider: Pick<Decider<never, Event, State, never>, 'initialState' | 'evolve'>, events: readonly Event[]): State =>
  events.reduce(decider.evolve, decider.initialState);
