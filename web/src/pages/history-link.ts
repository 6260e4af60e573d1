/** The history page of one record, reached from the record (its name shown, never its id typed). */
export const historyPath = (type: string, id: string, name: string) => `/lich-su?${new URLSearchParams({ type, id, name })}`;
